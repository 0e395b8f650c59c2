#!/usr/bin/env python3
"""Robustness sweep: borrow-* over real code and over half-written code.

Two parts, each run with a time limit per clang-tidy run:

  corpus  every TU of the corpus prepared by bench/corpus.sh (round-robin
          over projects, --max-tus to sample), with its compile flags;
  cuts    files cut as an editor sends them while typing: each file of
          test/lit/**, examples/, bench/robustness-inputs/ and a sample of
          corpus TUs (--cut-corpus-files), truncated at --cuts evenly spaced
          offsets (mid-expression, mid-function, unbalanced braces), and
          with one closing brace or one line deleted (--deletions each).

A run fails if clang-tidy is killed by a signal or prints a stack dump,
'PLEASE submit a bug report' or 'LLVM ERROR' (crash), runs over --timeout
(hang), or prints an assertion message. Compile errors are expected in cut
files and are only counted. Failing inputs are saved with the command that
reproduces them (--save). Exit status 1 if anything failed.

The borrow-* warnings found on the corpus are listed at the end, once each
(a header's warning repeats in every TU including it), for review.

Stdlib only; shares the corpus handling of overhead.py. Examples:
  bench/robustness.py --max-tus 80
  bench/robustness.py --parts cuts --cuts 12 --cut-corpus-files 10
  bench/robustness.py --json robustness.json
"""
import argparse
import collections
import glob
import json
import os
import re
import shlex
import shutil
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import overhead  # noqa: E402  (load_tus, interleave, run, DIAG_RE, ...)

ASSERT_RE = re.compile(r"Assertion `.*' failed|assertion failed", re.I)


# ------------------------------------------------------------------ inputs
def entry_flags(entry):
    """The compile flags of a compile_commands.json entry, without the
    compiler, the source file, outputs and dependency files."""
    args = entry.get("arguments") or shlex.split(entry["command"])
    out, skip = [], False
    for a in args[1:]:
        if skip:
            skip = False
        elif a in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
        elif a in ("-c", "-MD", "-MMD") or os.path.abspath(
                os.path.join(entry["directory"], a)) == entry["file"]:
            pass
        else:
            out.append(a)
    return out


def lit_flags(path):
    """The clang flags of a lit test's first RUN line (after `--`)."""
    text = open(path, errors="replace").read()
    runs = re.findall(r"//\s*RUN:(.*)", text)
    line = ""
    for r in runs:  # join continuation lines of the first command
        line += " " + r.strip().rstrip("\\")
        if not r.rstrip().endswith("\\"):
            break
    flags = []
    if " -- " in line:
        flags = shlex.split(line.split(" -- ", 1)[1].replace(
            "%S", os.path.dirname(os.path.abspath(path))))
    if not any(f.startswith("-std=") for f in flags):
        flags.append("-std=c++17")  # what check_borrow_tidy.py defaults to
    return flags


def input_flags(path):
    """bench/robustness-inputs files say their flags in `// FLAGS:` lines."""
    flags = []
    for line in open(path, errors="replace"):
        m = re.match(r"\s*//\s*FLAGS:(.*)", line)
        if m:
            flags += shlex.split(m[1])
    return flags or ["-std=c++20"]


def own_files():
    """(path, flags, cwd) of the project's own C++ inputs."""
    files = []
    for p in sorted(glob.glob(os.path.join(ROOT, "test", "lit", "**", "*.*"),
                              recursive=True)):
        if os.path.splitext(p)[1] in (".cpp", ".cc", ".mm") and \
                "/Inputs/" not in p:
            files.append((p, lit_flags(p), os.path.dirname(p)))
    for p in sorted(glob.glob(os.path.join(ROOT, "examples", "*.cpp"))):
        files.append((p, ["-std=c++20"], os.path.dirname(p)))
    for p in sorted(glob.glob(os.path.join(HERE, "robustness-inputs", "*.*"))):
        files.append((p, input_flags(p), os.path.dirname(p)))
    return files


def variants(text, cuts, deletions):
    """(label, text) of the half-written versions of a file."""
    out = []
    n = len(text)
    for k in range(1, cuts + 1):
        off = n * k // (cuts + 1)
        out.append((f"cut@{off}", text[:off]))
    closes = [i for i, c in enumerate(text) if c == "}"]
    for k in range(deletions):
        if closes:
            i = closes[len(closes) * (2 * k + 1) // (2 * deletions)]
            out.append((f"no-brace@{i}", text[:i] + text[i + 1:]))
    lines = text.splitlines(keepends=True)
    for k in range(deletions):
        if lines:
            j = len(lines) * (2 * k + 1) // (2 * deletions)
            out.append((f"no-line@{j + 1}", "".join(lines[:j] + lines[j + 1:])))
    return out


# ------------------------------------------------------------------ running
def tidy_argv(opts, path, flags=None, build=None):
    argv = [opts.clang_tidy, "--config={}", "--quiet", f"--load={opts.plugin}",
            f"--checks=-*,{opts.checks}"]
    if build:
        argv += ["-p", build]
    argv.append(path)
    if flags is not None:
        argv += ["--"] + flags
    return argv


def classify(r):
    """The run's failure ('crash', 'hang', 'assert') or None, and its counts."""
    text = r["text"]
    if r["timeout"]:
        return "hang"
    if r["crash"]:
        return "crash"
    if ASSERT_RE.search(text):
        return "assert"
    return None


def warnings_of(text, checks_glob="borrow-"):
    found = []
    for line in text.splitlines():
        m = overhead.DIAG_RE.match(line)
        if m and m["kind"] == "warning" and (m["tag"] or "").startswith(checks_glob):
            found.append(line)
    return found


def has_errors(text):
    return any((m := overhead.DIAG_RE.match(line)) and m["kind"] == "error"
               for line in text.splitlines())


class Tally:
    def __init__(self):
        self.counts = collections.Counter()
        self.failures = []  # (part, name, kind, saved path, tail)
        self.warnings = {}  # warning line -> first TU

    def record(self, part, name, r, argv, cwd, opts, source_text=None,
               suffix=".cpp"):
        self.counts[(part, "runs")] += 1
        kind = classify(r)
        if kind:
            self.counts[(part, kind)] += 1
            saved = save_failure(opts, part, name, argv, cwd, source_text,
                                 suffix)
            tail = "\n".join(r["text"].strip().splitlines()[-25:])
            self.failures.append((part, name, kind, saved, tail))
            print(f"  {kind.upper()}: {name} (saved in {saved})\n    "
                  + tail.replace("\n", "\n    "), file=sys.stderr)
        elif has_errors(r["text"]) or r["rc"] != 0:
            self.counts[(part, "compile errors")] += 1
        else:
            self.counts[(part, "clean")] += 1
        w = warnings_of(r["text"])
        if w:
            self.counts[(part, "runs with warnings")] += 1
        return kind, w


def save_failure(opts, part, name, argv, cwd, source_text, suffix):
    os.makedirs(opts.save, exist_ok=True)
    stem = re.sub(r"[^\w.@-]+", "_", f"{part}-{name}")
    base = os.path.join(opts.save, stem)
    argv = list(argv)
    if source_text is not None:
        with open(base + suffix, "w") as f:
            f.write(source_text)
        argv = [base + suffix if a == argv_source(argv) else a for a in argv]
    with open(base + ".sh", "w") as f:
        f.write(f"cd {shlex.quote(cwd)} && {shlex.join(argv)}\n")
    return base + ".sh"


def argv_source(argv):
    # The source file is the argument right after the options, before `--`.
    cut = argv.index("--") if "--" in argv else len(argv)
    return argv[cut - 1]


# ------------------------------------------------------------------ parts
def run_corpus(opts, tally):
    per_project = overhead.load_tus(opts.corpus, opts.projects)
    tus = overhead.interleave(per_project, opts.max_tus)
    print(f"corpus: {len(tus)} TUs", file=sys.stderr)
    for i, (name, build, entry) in enumerate(tus):
        argv = tidy_argv(opts, entry["file"], build=build)
        r = overhead.run(argv, entry["directory"], opts.timeout)
        kind, warns = tally.record("corpus", name, r, argv, entry["directory"],
                                   opts)
        for w in warns:
            tally.warnings.setdefault(w, name)
        print(f"[{i + 1}/{len(tus)}] {name}: {r['cpu']:.2f}s "
              f"{kind or ('errors' if has_errors(r['text']) else 'ok')}"
              + (f" {len(warns)}w" if warns else ""), file=sys.stderr)
    return tus


def run_cuts(opts, tally):
    files = own_files()
    if opts.cut_corpus_files and os.path.isdir(opts.corpus):
        per_project = overhead.load_tus(opts.corpus, opts.projects)
        # Spread the sample: every k-th TU of the round-robin order.
        tus = overhead.interleave(per_project, None)
        step = max(1, len(tus) // opts.cut_corpus_files)
        for name, build, entry in tus[::step][:opts.cut_corpus_files]:
            flags = entry_flags(entry) + [
                "-I" + os.path.dirname(entry["file"])]
            files.append((entry["file"], flags, entry["directory"]))
    tmp = tempfile.mkdtemp(prefix="borrow-cuts-")
    try:
        total = 0
        for fi, (path, flags, cwd) in enumerate(files):
            text = open(path, errors="replace").read()
            suffix = os.path.splitext(path)[1]
            # Quoted includes of the original's directory still resolve.
            flags = flags + ["-I" + os.path.dirname(path)]
            short = os.path.relpath(path, ROOT) if path.startswith(ROOT) \
                else os.path.relpath(path, opts.corpus)
            fails = 0
            for label, cut in [("whole", text)] + variants(text, opts.cuts,
                                                           opts.deletions):
                work = os.path.join(tmp, "input" + suffix)
                with open(work, "w") as f:
                    f.write(cut)
                argv = tidy_argv(opts, work, flags=flags)
                r = overhead.run(argv, cwd, opts.timeout)
                kind, _ = tally.record("cuts", f"{short}:{label}", r, argv, cwd,
                                       opts, source_text=cut, suffix=suffix)
                fails += kind is not None
                total += 1
            print(f"[{fi + 1}/{len(files)}] {short}: "
                  f"{1 + len(variants(text, opts.cuts, opts.deletions))} runs"
                  + (f", {fails} FAILED" if fails else ""), file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return files


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parts", default="corpus,cuts", help="corpus,cuts (default both)")
    ap.add_argument("--corpus", default=overhead.DEFAULT_CORPUS,
                    help="default: %(default)s")
    ap.add_argument("--projects", type=lambda s: s.split(","),
                    help="comma-separated subset of the corpus")
    ap.add_argument("--max-tus", type=int, help="at most N corpus TUs (round-robin)")
    ap.add_argument("--cuts", type=int, default=8,
                    help="truncation points per file (default %(default)s)")
    ap.add_argument("--deletions", type=int, default=2,
                    help="variants deleting a '}' and deleting a line, each "
                    "(default %(default)s)")
    ap.add_argument("--cut-corpus-files", type=int, default=8,
                    help="corpus TUs to cut too (default %(default)s)")
    ap.add_argument("--timeout", type=float, default=60,
                    help="seconds per run (default %(default)s)")
    ap.add_argument("--plugin", default=overhead.DEFAULT_PLUGIN)
    ap.add_argument("--checks", default="borrow-*")
    ap.add_argument("--clang-tidy", default="clang-tidy-22")
    ap.add_argument("--save", default=os.path.join(tempfile.gettempdir(),
                                                   "borrow-robustness-failures"),
                    help="where failing inputs and commands go (default %(default)s)")
    ap.add_argument("--json", metavar="OUT", help="counts, failures and warnings")
    opts = ap.parse_args()
    if not os.path.isfile(opts.plugin):
        sys.exit(f"plugin not found at {opts.plugin}")
    parts = opts.parts.split(",")

    tally = Tally()
    if "corpus" in parts:
        run_corpus(opts, tally)
    if "cuts" in parts:
        run_cuts(opts, tally)

    cols = ["runs", "clean", "compile errors", "crash", "hang", "assert",
            "runs with warnings"]
    print("part    " + "  ".join(cols))
    for part in parts:
        print(f"{part:<8}" + "  ".join(str(tally.counts[(part, c)]).rjust(len(c))
                                       for c in cols))
    if tally.failures:
        print(f"\n{len(tally.failures)} failure(s):")
        for part, name, kind, saved, _ in tally.failures:
            print(f"  {kind}: {part} {name}: {saved}")
    if tally.warnings:
        print(f"\n{len(tally.warnings)} distinct borrow-* warning(s) on the corpus:")
        for w, tu in sorted(tally.warnings.items()):
            print(f"  {w}    (first in {tu})")
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump({"counts": {f"{p}/{c}": n for (p, c), n in tally.counts.items()},
                       "failures": [dict(zip(("part", "name", "kind", "saved", "tail"), x))
                                    for x in tally.failures],
                       "warnings": tally.warnings}, f, indent=1)
    sys.exit(1 if tally.failures else 0)


if __name__ == "__main__":
    main()
