#!/usr/bin/env python3
"""CPU-time overhead of borrow-tidy (and reference analyses) on a real corpus.

For every translation unit of the corpus prepared by bench/corpus.sh, run each
configuration once per repetition (the order of the configurations is rotated
from one TU to the next, so slow drift of the machine does not favour one of
them), keep the minimum CPU time (user+sys of the child, from os.wait4) per
configuration, and report totals, per-TU ratios against a baseline, their
geometric mean and the worst TU. Crashes, timeouts, compiler errors and
warnings are counted too: the run doubles as a false-positive / crash hunt.

Configurations:
  bare            clang-tidy with a check that registers nothing for C++ (the
                  cost of clang-tidy parsing + building the AST)
  borrow          clang-tidy --load=<plugin> --checks=-*,borrow-*
  bugprone        clang-tidy --checks=-*,bugprone-use-after-move
  clang-syntax    clang++ -fsyntax-only with the TU's own flags
  clang-lifetime  the same plus clang's experimental lifetime-safety analysis
Ratios: borrow, bugprone and clang-syntax vs bare; clang-lifetime vs
clang-syntax.

Stdlib only. Example:
  bench/overhead.py --configs bare,bugprone --max-tus 30
"""
import argparse
import fnmatch
import json
import math
import os
import re
import shlex
import signal
import subprocess
import sys
import tempfile
import threading

DEFAULT_CORPUS = os.environ.get("BORROW_CORPUS_DIR") or os.path.join(
    os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"),
    "borrow-tidy", "corpus")
DEFAULT_PLUGIN = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                              "build", "plugin", "libBorrowTidy.so")

# "bare" needs *some* enabled check, or clang-tidy stops with "no checks
# enabled" before parsing. objc-forbidden-subclassing is an Objective-C-only
# check: its isLanguageVersionSupported() is false for C++, so it registers no
# matcher and no PP callback, yet clang-tidy still runs the whole frontend
# (parse, Sema, template instantiation) and its (empty) AST match pass.
# Checked empirically on cppcheck/lib/tokenize.cpp: --enable-check-profile
# lists no check at all, nothing is emitted, and the CPU time equals
# clang++ -fsyntax-only with the same flags (1.33 s vs 1.37 s).
BARE_CHECKS = "-*,objc-forbidden-subclassing"

# "tidy-floor": what enabling any C++ check costs before it does anything.
# With one check enabled for the language, clang-tidy adds its AST match
# pass, a traversal of the whole translation unit (headers included), which
# every check pays, borrow-* and bugprone-use-after-move alike.
# misc-unused-alias-decls only matches namespace alias declarations: its own
# work is next to nothing.
FLOOR_CHECKS = "-*,misc-unused-alias-decls"

BASELINE = {"tidy-floor": "bare", "borrow": "bare", "bugprone": "bare",
            "clang-syntax": "bare", "clang-lifetime": "clang-syntax"}
ALL_CONFIGS = ["bare", "tidy-floor", "borrow", "bugprone", "clang-syntax",
               "clang-lifetime"]

# "file:line:col: warning: message [tag]" -- tag is a check name for
# clang-tidy, a -W flag for clang.
DIAG_RE = re.compile(r"^(?P<loc>.+?:\d+:\d+): (?P<kind>warning|error): "
                     r"(?P<msg>.*?)(?: \[(?P<tag>[^\]]+)\])?$")
CRASH_MARKERS = ("Stack dump:", "PLEASE submit a bug report", "LLVM ERROR:")


# ------------------------------------------------------------------ corpus
def load_tus(corpus, projects):
    """Return {project: [(tu_name, build_dir, compile_command_entry)]}."""
    if not os.path.isdir(corpus):
        sys.exit(f"corpus {corpus} not found: run bench/corpus.sh first")
    names = sorted(projects) if projects else sorted(os.listdir(corpus))
    out = {}
    for proj in names:
        build = os.path.join(corpus, proj, "build")
        db = os.path.join(build, "compile_commands.json")
        if not os.path.isfile(db):
            if projects:
                sys.exit(f"no compile database for project {proj}: {db}")
            continue
        tus = []
        for e in json.load(open(db)):
            path = os.path.join(e["directory"], e["file"])
            # Short name: project/path-inside-the-unpacked-source.
            rel = os.path.relpath(path, os.path.join(corpus, proj))
            rel = rel.split(os.sep, 1)[1] if os.sep in rel else rel
            tus.append((f"{proj}/{rel}", build, dict(e, file=path)))
        out[proj] = tus
    return out


def interleave(per_project, max_tus):
    """Round-robin over projects so a small --max-tus still covers many."""
    lists = [list(v) for v in per_project.values()]
    out = []
    while any(lists) and (max_tus is None or len(out) < max_tus):
        for lst in lists:
            if lst and (max_tus is None or len(out) < max_tus):
                out.append(lst.pop(0))
    return out


# ------------------------------------------------------------------ configs
def compiler_argv(entry, clangxx, extra):
    """The TU's own compile command turned into clang++ -fsyntax-only."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [clangxx], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
        elif a in ("-c", "-MD", "-MMD"):
            pass
        else:
            out.append(a)
    return out + ["-fsyntax-only"] + extra


def lifetime_tag(tag):
    # Not the -W...-lifetime-safety-*-suggestions ("should be marked
    # [[clang::lifetimebound]]"): they are no bug reports, and only show up
    # in TUs built with -Weverything (cppcheck).
    return "lifetime-safety" in tag and "suggestions" not in tag


def make_configs(opts):
    """name -> (function(build, entry) -> (argv, cwd), warning tag matcher)."""
    tidy_base = [opts.clang_tidy, "--config={}", "--quiet"]
    # --config={} ignores the projects' own .clang-tidy files (cppcheck's
    # has WarningsAsErrors: '*', spdlog's an invalid HeaderFilterRegex).

    def tidy(checks, load=None):
        def argv(build, e):
            extra = [f"--load={load}"] if load else []
            return (tidy_base + extra + ["-p", build, f"--checks={checks}", e["file"]],
                    e["directory"])
        return argv

    def clang(extra):
        return lambda build, e: (compiler_argv(e, opts.clangxx, extra), e["directory"])

    borrow_globs = [g for g in opts.borrow_checks.split(",") if g and not g.startswith("-")]
    return {
        "bare": (tidy(BARE_CHECKS), lambda tag: True),  # anything is suspicious
        "tidy-floor": (tidy(FLOOR_CHECKS),
                       lambda tag: tag == "misc-unused-alias-decls"),
        "borrow": (tidy("-*," + opts.borrow_checks, opts.plugin),
                   lambda tag: any(fnmatch.fnmatch(tag, g) for g in borrow_globs)),
        "bugprone": (tidy("-*,bugprone-use-after-move"),
                     lambda tag: tag == "bugprone-use-after-move"),
        "clang-syntax": (clang([]), lifetime_tag),
        "clang-lifetime": (clang(["-Xclang", "-fexperimental-lifetime-safety",
                                  "-Wexperimental-lifetime-safety"]),
                           lifetime_tag),
    }


def borrow_problem(opts):
    """Why the borrow config cannot run (None if it can); lists its checks."""
    if not os.path.isfile(opts.plugin):
        return f"plugin not found at {opts.plugin} (build it, or pass --plugin PATH)"
    p = subprocess.run([opts.clang_tidy, "--config={}", f"--load={opts.plugin}",
                        f"--checks=-*,{opts.borrow_checks}", "--list-checks"],
                       capture_output=True, text=True)
    lines = p.stdout.splitlines()
    checks = [line.strip() for line in lines[1:] if line.strip()]  # after "Enabled checks:"
    if p.returncode != 0 or not checks:
        return (f"{opts.plugin} with --checks=-*,{opts.borrow_checks} enables no check: "
                + (p.stderr.strip().splitlines() or ["?"])[-1])
    print(f"borrow checks: {' '.join(checks)}", file=sys.stderr)
    return None


# ------------------------------------------------------------------ running
def run(argv, cwd, timeout):
    """Run argv; return dict with cpu (user+sys of the child), peak RSS in
    MiB, rc, timeout, crash, output."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        p = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL, stdout=out,
                             stderr=err, start_new_session=True)
        timed_out = threading.Event()

        def kill():
            timed_out.set()
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, kill)
        timer.start()
        try:
            _, status, ru = os.wait4(p.pid, 0)
        finally:
            timer.cancel()
        p.returncode = rc = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        text = out.read().decode(errors="replace") + err.read().decode(errors="replace")
    crashed = not timed_out.is_set() and (rc < 0 or any(m in text for m in CRASH_MARKERS))
    return {"cpu": ru.ru_utime + ru.ru_stime, "rss_mb": ru.ru_maxrss / 1024.0,
            "rc": rc, "timeout": timed_out.is_set(), "crash": crashed,
            "text": text}


def analyse_output(text, wanted):
    warnings, errors = [], 0
    for line in text.splitlines():
        m = DIAG_RE.match(line)
        if not m:
            continue
        if m["kind"] == "error":
            errors += 1
        elif wanted(m["tag"] or ""):
            warnings.append(line)
    return warnings, errors


def status_of(r):
    if r["timeout"]:
        return "timeout"
    if r["crash"]:
        return "crash"
    if r["errors"] or r["rc"] != 0:
        return "error"
    return "ok"


def measure_tu(tu, index, configs, cfg_defs, opts):
    name, build, entry = tu
    order = configs[index % len(configs):] + configs[:index % len(configs)]
    res = {}
    for _ in range(opts.repeat):
        for c in order:
            argv, cwd = cfg_defs[c][0](build, entry)
            r = run(argv, cwd, opts.timeout)
            r["warnings"], r["errors"] = analyse_output(r["text"], cfg_defs[c][1])
            r["status"] = status_of(r)
            prev = res.get(c)
            # Keep the fastest run, but a failure in any repetition sticks.
            if prev is None or (prev["status"] == "ok" and
                                (r["status"] != "ok" or r["cpu"] < prev["cpu"])):
                res[c] = r
    return res


# ------------------------------------------------------------------ report
def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs)) if xs else float("nan")


def summarize(results, configs):
    summary = {}
    for c in configs:
        base = BASELINE.get(c)
        rows = [(name, res[c]) for name, res in results]
        ok = [(n, r) for n, r in rows if r["status"] == "ok"]
        ratios = []
        if base in configs:
            for name, res in results:
                a, b = res[c], res[base]
                if a["status"] == "ok" and b["status"] == "ok" and b["cpu"] > 0:
                    ratios.append((a["cpu"] / b["cpu"], name))
        worst = max(ratios) if ratios else None
        uniq = {w for _, r in rows for w in r["warnings"]}
        summary[c] = {
            "baseline": base if base in configs else None,
            "tus": len(rows), "ok": len(ok),
            "cpu_total": sum(r["cpu"] for _, r in ok),
            "geomean_ratio": geomean([x for x, _ in ratios]) if ratios else None,
            "worst_tu": worst[1] if worst else None,
            "worst_ratio": worst[0] if worst else None,
            "crashes": sum(r["status"] == "crash" for _, r in rows),
            "timeouts": sum(r["status"] == "timeout" for _, r in rows),
            "errors": sum(r["status"] == "error" for _, r in rows),
            "warnings": sum(len(r["warnings"]) for _, r in rows),
            "warnings_unique": len(uniq),
        }
    return summary


def print_table(summary, configs):
    hdr = ["config", "vs", "ok/TUs", "CPU s", "geomean", "worst ratio", "worst TU",
           "crash", "t/o", "err", "warn(uniq)"]
    rows = []
    for c in configs:
        s = summary[c]
        rows.append([c, s["baseline"] or "-", f"{s['ok']}/{s['tus']}",
                     f"{s['cpu_total']:.1f}",
                     f"{s['geomean_ratio']:.3f}x" if s["geomean_ratio"] else "-",
                     f"{s['worst_ratio']:.3f}x" if s["worst_ratio"] else "-",
                     s["worst_tu"] or "-", str(s["crashes"]), str(s["timeouts"]),
                     str(s["errors"]), f"{s['warnings']}({s['warnings_unique']})"])
    widths = [max(len(str(r[i])) for r in rows + [hdr]) for i in range(len(hdr))]
    for r in [hdr] + rows:
        print("  ".join(str(v).ljust(w) for v, w in zip(r, widths)).rstrip())


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=DEFAULT_CORPUS, help="default: %(default)s")
    ap.add_argument("--projects", help="comma-separated subset, e.g. re2,leveldb")
    ap.add_argument("--max-tus", type=int, help="at most N TUs (round-robin over projects)")
    ap.add_argument("--tus", help="comma-separated globs on TU names "
                    "(project/path), e.g. 'yaml-cpp/src/tag.cpp,cppcheck/lib/*'")
    ap.add_argument("--configs", default="bare,borrow,bugprone",
                    help=f"comma-separated, from {','.join(ALL_CONFIGS)} (default: %(default)s)")
    ap.add_argument("--lifetime-safety", action="store_true",
                    help="also run clang-syntax and clang-lifetime")
    ap.add_argument("--plugin", default=DEFAULT_PLUGIN, help="default: %(default)s")
    ap.add_argument("--borrow-checks", default="borrow-*", help="default: %(default)s")
    ap.add_argument("--repeat", type=int, default=1, help="runs per config per TU; min is kept")
    ap.add_argument("--timeout", type=float, default=120, help="seconds per run (default 120)")
    ap.add_argument("--json", metavar="OUT", help="write per-TU results and summary here")
    ap.add_argument("--show-warnings", action="store_true",
                    help="print the borrow (and clang-lifetime) warnings as they come")
    ap.add_argument("--clang-tidy", default="clang-tidy-22")
    ap.add_argument("--clangxx", default="clang++-22")
    opts = ap.parse_args()

    configs = [c for c in opts.configs.split(",") if c]
    if opts.lifetime_safety:
        configs += [c for c in ("clang-syntax", "clang-lifetime") if c not in configs]
    bad = [c for c in configs if c not in ALL_CONFIGS]
    if bad:
        ap.error(f"unknown config(s) {bad}; known: {ALL_CONFIGS}")
    if "borrow" in configs:
        why = borrow_problem(opts)
        if why:
            print(f"borrow: SKIPPED, {why}", file=sys.stderr)
            configs.remove("borrow")
    if not configs:
        sys.exit("nothing to run")

    projects = opts.projects.split(",") if opts.projects else None
    per_project = load_tus(opts.corpus, projects)
    if opts.tus:
        globs = opts.tus.split(",")
        per_project = {p: [t for t in v if any(fnmatch.fnmatch(t[0], g) for g in globs)]
                       for p, v in per_project.items()}
    tus = interleave(per_project, opts.max_tus)
    if not tus:
        sys.exit("no TUs found")
    cfg_defs = make_configs(opts)
    print(f"{len(tus)} TUs, configs {','.join(configs)}, repeat {opts.repeat}",
          file=sys.stderr)

    results = []
    for i, tu in enumerate(tus):
        res = measure_tu(tu, i, configs, cfg_defs, opts)
        results.append((tu[0], res))
        cols = []
        for c in configs:
            r, base = res[c], BASELINE.get(c)
            col = f"{c} {r['cpu']:.2f}s"
            if r["status"] != "ok":
                col += f" {r['status'].upper()}"
            elif base in res and res[base]["status"] == "ok" and res[base]["cpu"] > 0:
                col += f" ({r['cpu'] / res[base]['cpu']:.2f}x)"
            if r["warnings"]:
                col += f" {len(r['warnings'])}w"
            cols.append(col)
        print(f"[{i + 1}/{len(tus)}] {tu[0]}: " + "  ".join(cols), file=sys.stderr)
        for c in configs:
            r = res[c]
            if r["status"] in ("crash", "error", "timeout"):
                tail = "\n".join(r["text"].strip().splitlines()[-15:])
                print(f"  {c}: {r['status']} rc={r['rc']}\n    "
                      + tail.replace("\n", "\n    "), file=sys.stderr)
            if opts.show_warnings and c in ("borrow", "clang-lifetime"):
                for w in r["warnings"]:
                    print(f"  {c}: {w}", file=sys.stderr)

    summary = summarize(results, configs)
    print_table(summary, configs)
    if opts.json:
        data = {"configs": configs, "repeat": opts.repeat, "summary": summary,
                "tus": [{"tu": name, **{c: {k: r[k] for k in
                                            ("cpu", "rc", "status", "warnings", "errors")}
                                        for c, r in res.items()}}
                        for name, res in results]}
        with open(opts.json, "w") as f:
            json.dump(data, f, indent=1)


if __name__ == "__main__":
    main()
