#!/usr/bin/env python3
"""How borrow-tidy's cost grows with the size of a function or a TU.

For each generated shape and each N (default 100, 1000, 10000, 100000), run
clang-tidy twice on the same file, side by side: the bare parse (a check that
registers nothing for C++, as in overhead.py) and --checks=-*,borrow-* with
the debug report on. Both are measured as the child's CPU time (user+sys,
os.wait4) and peak RSS (ru_maxrss); borrow - bare is the analysis' whole
cost. The debug report (BorrowDebug) gives the analysis time measured
in-process, free of the parse's noise: finding the functions and building
the call graph, then the sum over functions, the part of it clang spends
building CFGs (the rest is borrow-tidy's own), the slowest function and the
functions dropped by a budget.

Shapes, one function of N statements (fn-*) or a TU of N functions (tu-*):
  fn-statements  one move, then N statements of arithmetic and calls
  fn-moves       N strings, each moved; the first one used at the end
  fn-borrows     N/5 strings, each borrowed by a view, a pointer and a
                 reference, a view of a temporary, and a view kept across
                 the end of a scope (N/5 dangling references)
  fn-nesting     N if/else statements in nests 100 deep (clang's default
                 bracket depth is 256), moving and reinitialising
  fn-loops       N for/while loops in nests 8 deep, each moving on some
                 paths what it reinitialises: the dataflow must iterate
  tu-chain       N functions, f_i calls f_{i+1} passing a reference that
                 the last one moves from and a reference it returns
  tu-scc         N functions in one recursive cycle (f_i calls f_{i+1} or
                 f_{i+7}, mod N), one of them moves its parameter

Stdlib only. Examples:
  bench/scaling.py --sizes 100,1000 --shapes fn-moves,tu-chain
  bench/scaling.py --json scaling.json          # everything, slow at 1e5
  bench/scaling.py --shapes fn-moves --sizes 10000,100000 --repeat 5
  bench/scaling.py --emit fn-borrows 1000 > x.cpp   # just the generated code
"""
import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import overhead  # noqa: E402  (run, BARE_CHECKS)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_PLUGIN = os.path.join(HERE, "..", "build", "plugin", "libBorrowTidy.so")
BARE_CHECKS = overhead.BARE_CHECKS

PRELUDE = """#include <string>
#include <string_view>
#include <utility>
void use(const std::string &);
void use(std::string_view);
void use(int);
void sink(std::string &&);
"""


# ------------------------------------------------------------------ shapes
def fn_statements(n):
    out = [PRELUDE, "void huge(int k) {",
           '  std::string s = "x";', "  std::string t = std::move(s);",
           "  int acc = k;"]
    for i in range(1, n):
        out.append(f"  acc = acc * 3 + {i};" if i % 2 else "  use(acc + k);")
    out += ["  use(s);", "}"]
    return "\n".join(out) + "\n"


def fn_moves(n):
    out = [PRELUDE, "void huge() {"]
    for i in range(n):
        out.append(f'  std::string s{i} = "x";')
        out.append(f"  std::string t{i} = std::move(s{i});")
    out += ["  use(s0);", "}"]
    return "\n".join(out) + "\n"


def fn_borrows(n):
    # Every group of five statements borrows: a view of a local string, a
    # pointer to it, a reference, a view of a temporary used within its
    # full-expression, and a view of a string in an inner scope that ends
    # before the view is used (one dangling reference per group).
    out = [PRELUDE, "void huge(int k) {", "  std::string_view last;"]
    for i in range(0, n, 5):
        out.append(f'  std::string s{i} = "x"; std::string_view v{i} = s{i};')
        out.append(f"  const std::string *p{i} = &s{i}; use(*p{i});")
        out.append(f"  const std::string &r{i} = s{i}; use(r{i}); use(v{i});")
        out.append(f'  use(int(std::string_view(s{i} + "t").size()));')
        out.append(f'  {{ std::string in{i} = "y"; last = in{i}; }} use(last);')
    out.append("}")
    return "\n".join(out) + "\n"


def fn_nesting(n, depth=100):
    # Nests of `depth` ifs; each level moves and reinitialises in its then
    # branch and only moves in its else branch, so after a nest `s` is
    # moved on some paths (reinitialised before the next nest).
    out = [PRELUDE, "void huge(const int *c) {", '  std::string s = "x";',
           "  std::string t;"]
    i = 0
    while i < n:
        d = min(depth, n - i)
        for j in range(d):
            out.append("  " * (j + 1) +
                       f'if (c[{i + j}]) {{ t = std::move(s); s = "z";')
        for j in reversed(range(d)):
            out.append("  " * (j + 1) + "} else { t = std::move(s); }")
        i += d
        if i < n:
            out.append('  s = "y";')
    out += ["  use(s);", "}"]
    return "\n".join(out) + "\n"


def fn_loops(n, depth=8):
    # Nests of `depth` loops (for and while alternating); each level
    # reinitialises its own string at the top of its body and may move it at
    # the bottom, so the moved state is carried round every back edge and
    # the solver has to iterate. One use after a move at the very end.
    out = [PRELUDE, "void huge(const int *c, int m) {", '  std::string s = "x";',
           "  std::string t;"]
    i = 0
    while i < n:
        d = min(depth, n - i)
        for j in range(d):
            k, pad = i + j, "  " * (j + 1)
            out.append(f"{pad}std::string u{k};")
            if j % 2 == 0:
                out.append(f"{pad}for (int i{k} = 0; i{k} < m; ++i{k}) {{")
            else:
                out.append(f"{pad}while (c[{k}]) {{")
            out.append(f'{pad}  u{k} = "y"; use(u{k});')
        for j in reversed(range(d)):
            k, pad = i + j, "  " * (j + 1)
            out.append(f"{pad}  if (c[{k}]) t = std::move(u{k});")
            out.append(f"{pad}}}")
        i += d
    out += ["  if (c[0]) t = std::move(s);", "  use(s);", "}"]
    return "\n".join(out) + "\n"


def tu_chain(n):
    out = [PRELUDE]
    sig = "const std::string &f{}(std::string &m, const std::string &b)"
    out += [sig.format(i) + ";" for i in range(n)]
    for i in range(n - 1):
        out.append(sig.format(i) + f" {{ use(b); return f{i + 1}(m, b); }}")
    out.append(sig.format(n - 1) + " { sink(std::move(m)); return b; }")
    out += ["void root() {", '  std::string s = "x";',
            '  const std::string &r = f0(s, std::string("tmp"));',
            "  use(s);", "  use(r);", "}"]
    return "\n".join(out) + "\n"


def tu_scc(n):
    out = [PRELUDE]
    sig = "void f{}(std::string &s, int k)"
    out += [sig.format(i) + ";" for i in range(n)]
    for i in range(n):
        body = (f"if (k > 2) f{(i + 1) % n}(s, k - 1); "
                f"else if (k > 1) f{(i + 7) % n}(s, k - 2);")
        if i == n // 2:
            body += " else sink(std::move(s));"
        out.append(sig.format(i) + f" {{ {body} }}")
    out += ["void root(int k) {", '  std::string s = "x";', "  f0(s, k);",
            "  use(s);", "}"]
    return "\n".join(out) + "\n"


SHAPES = {"fn-statements": fn_statements, "fn-moves": fn_moves,
          "fn-borrows": fn_borrows, "fn-nesting": fn_nesting,
          "fn-loops": fn_loops, "tu-chain": tu_chain, "tu-scc": tu_scc}


# ------------------------------------------------------------------ running
def run(argv, timeout):
    """CPU seconds (user+sys), peak RSS in MiB, exit code, timeout, output:
    overhead.py's runner."""
    return overhead.run(argv, None, timeout)


TOTAL_RE = re.compile(r"^borrow-tidy: .*, ([\d.]+) ms of analysis"
                      r"(?: \(([\d.]+) ms building CFGs\))?"
                      r"(?:, ([\d.]+) ms finding the functions and their calls)?$")
SLOWEST_RE = re.compile(r"^borrow-tidy: slowest function '([^']*)'.*: ([\d.]+) ms"
                        r"(?: \([\d.]+ ms building its CFG\))?$")
DROPPED_RE = re.compile(r"^borrow-tidy: (not analysed|summaries dropped|"
                        r"callees not summarised)")
WARN_RE = re.compile(r": warning: .* \[(borrow-[\w-]+)\]$")


def measure_once(path, opts, borrow_first):
    common = [opts.clang_tidy, "--quiet", "--config={}"]
    tail = [path, "--", "-std=c++20"]
    config = "{CheckOptions: {BorrowDebug: true}}"

    def run_bare():
        return run(common + [f"--checks={BARE_CHECKS}"] + tail, opts.timeout)

    def run_borrow():
        return run([opts.clang_tidy, "--quiet", f"--config={config}",
                    f"--load={opts.plugin}", "--checks=-*,borrow-*"] + tail,
                   opts.timeout)

    if borrow_first:
        borrow = run_borrow()
        bare = run_bare()
    else:
        bare = run_bare()
        borrow = run_borrow()
    total, slowest, dropped, warnings = None, None, [], []
    cfg = calls = None
    for line in borrow["text"].splitlines():
        if m := TOTAL_RE.match(line):
            calls = float(m[3]) if m[3] else 0.0
            total = float(m[1]) + calls
            cfg = float(m[2]) if m[2] else None
        elif m := SLOWEST_RE.match(line):
            slowest = (m[1], float(m[2]))
        elif DROPPED_RE.match(line):
            dropped.append(line)
        elif m := WARN_RE.search(line):
            warnings.append(m[1])
    return bare, borrow, (total, cfg, calls), slowest, dropped, warnings


def measure(path, opts):
    """measure_once --repeat times, bare and borrow in alternating order.
    Each clang-tidy time and peak RSS is the least of its runs, the
    debug report's figures those of the run with the least analysis time:
    the machine's noise only ever adds."""
    bare, borrow, (total, cfg, calls), slowest, dropped, warnings = \
        measure_once(path, opts, borrow_first=False)
    for i in range(1, opts.repeat):
        b2, w2, (t2, c2, k2), s2, _, _ = measure_once(path, opts,
                                                      borrow_first=i % 2 == 1)
        for mine, theirs in ((bare, b2), (borrow, w2)):
            if status(theirs) != "ok" or status(mine) != "ok":
                continue
            mine["cpu"] = min(mine["cpu"], theirs["cpu"])
            mine["rss_mb"] = min(mine["rss_mb"], theirs["rss_mb"])
        # The in-process figures all from the run with the least total.
        if t2 is not None and (total is None or t2 < total):
            total, cfg, calls, slowest = t2, c2, k2, s2
    return bare, borrow, (total, cfg, calls), slowest, dropped, warnings


def status(r):
    return "timeout" if r["timeout"] else "crash" if r["crash"] else (
        "ok" if r["rc"] == 0 else f"rc={r['rc']}")


def slope(points):
    """Least-squares slope of log(time) over log(N)."""
    pts = [(math.log(n), math.log(t)) for n, t in points if t > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    den = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / den if den else None


def fmt(x, spec=".3f"):
    return "-" if x is None else format(x, spec)


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shapes", default=",".join(SHAPES),
                    help="comma-separated (default: all)")
    ap.add_argument("--sizes", default="100,1000,10000,100000")
    ap.add_argument("--timeout", type=float, default=600,
                    help="seconds per clang-tidy run (default %(default)s)")
    ap.add_argument("--repeat", type=int, default=1, metavar="K",
                    help="run each measurement K times (bare and borrow in "
                    "alternating order), keep the least of each figure")
    ap.add_argument("--plugin", default=DEFAULT_PLUGIN)
    ap.add_argument("--clang-tidy", default="clang-tidy-22")
    ap.add_argument("--keep", metavar="DIR", help="keep the generated files here")
    ap.add_argument("--json", metavar="OUT", help="write all measurements here")
    ap.add_argument("--emit", nargs=2, metavar=("SHAPE", "N"),
                    help="print the generated code of one shape and exit")
    opts = ap.parse_args()
    if opts.emit:
        sys.stdout.write(SHAPES[opts.emit[0]](int(opts.emit[1])))
        return
    shapes = opts.shapes.split(",")
    bad = [s for s in shapes if s not in SHAPES]
    if bad:
        ap.error(f"unknown shape(s) {bad}; known: {list(SHAPES)}")
    if not os.path.isfile(opts.plugin):
        sys.exit(f"plugin not found at {opts.plugin}")
    sizes = [int(s) for s in opts.sizes.split(",")]
    workdir = opts.keep or tempfile.mkdtemp(prefix="borrow-scaling-")
    os.makedirs(workdir, exist_ok=True)

    rows, failed = [], False
    for shape in shapes:
        for n in sizes:
            path = os.path.join(workdir, f"{shape}-{n}.cpp")
            with open(path, "w") as f:
                f.write(SHAPES[shape](n))
            bare, borrow, (total, cfg, calls), slowest, dropped, warnings = measure(
                path, opts)
            ok = status(bare) == "ok" and status(borrow) == "ok"
            failed |= status(borrow) not in ("ok", "timeout")
            row = {"shape": shape, "n": n, "repeat": opts.repeat,
                   "bare_status": status(bare),
                   "borrow_status": status(borrow),
                   "bare_cpu": bare["cpu"], "borrow_cpu": borrow["cpu"],
                   "analysis_cpu": borrow["cpu"] - bare["cpu"] if ok else None,
                   "analysis_ms": total, "cfg_ms": cfg, "calls_ms": calls,
                   "bare_rss_mb": bare["rss_mb"], "borrow_rss_mb": borrow["rss_mb"],
                   "slowest_function": slowest[0] if slowest else None,
                   "slowest_ms": slowest[1] if slowest else None,
                   "dropped": dropped, "warnings": len(warnings)}
            rows.append(row)
            print(f"{shape} N={n}: bare {bare['cpu']:.2f}s {status(bare)}, "
                  f"borrow {borrow['cpu']:.2f}s {status(borrow)}, "
                  f"rss {bare['rss_mb']:.0f}/{borrow['rss_mb']:.0f} MiB, "
                  f"analysis {fmt(total, '.1f')} ms, "
                  f"slowest {fmt(row['slowest_ms'], '.1f')} ms, "
                  f"{len(warnings)} warnings", file=sys.stderr)
            for line in dropped:
                print("  " + line, file=sys.stderr)
            if status(borrow) not in ("ok",):
                print("  " + "\n  ".join(borrow["text"].splitlines()[-10:]),
                      file=sys.stderr)
            if not opts.keep:
                os.unlink(path)
    if not opts.keep:
        os.rmdir(workdir)

    # Per shape: the analysis time two ways (borrow - bare, noisy below
    # ~0.05 s; and the CPU time the debug report measures in-process: the
    # call graph and the sum over functions), the call graph's part, the
    # analysis' growth from one N to the next, the part of
    # it clang spends building CFGs, the growth of that part (clang's own
    # linear pass over the same function: what this machine's memory makes
    # of ten times the data) and of the rest (ours), the slowest function.
    hdr = ["shape", "N", "bare s", "borrow s", "borrow-bare s", "analysis ms",
           "calls ms", "x prev", "CFG ms", "CFG x prev", "rest x prev", "borrow/bare",
           "RSS MiB bare/borrow", "slowest fn ms", "dropped"]
    table = []
    for shape in shapes:
        prev = prev_rest = prev_cfg = None
        for r in (r for r in rows if r["shape"] == shape):
            a = r["analysis_ms"]
            growth = a / prev if a is not None and prev else None
            rest = (a - r["cfg_ms"]
                    if a is not None and r["cfg_ms"] is not None else None)
            rest_growth = (rest / prev_rest
                           if rest is not None and prev_rest else None)
            cfg = r["cfg_ms"]
            cfg_growth = cfg / prev_cfg if cfg and prev_cfg else None
            ratio = (r["borrow_cpu"] / r["bare_cpu"]
                     if r["analysis_cpu"] is not None and r["bare_cpu"] > 0 else None)
            table.append([shape, str(r["n"]),
                          fmt(r["bare_cpu"], ".2f") + ("" if r["bare_status"] == "ok"
                                                      else " " + r["bare_status"]),
                          fmt(r["borrow_cpu"], ".2f") + ("" if r["borrow_status"] == "ok"
                                                        else " " + r["borrow_status"]),
                          fmt(r["analysis_cpu"]), fmt(a, ".1f"),
                          fmt(r["calls_ms"], ".1f"), fmt(growth, ".1f"),
                          fmt(cfg, ".1f"), fmt(cfg_growth, ".1f"),
                          fmt(rest_growth, ".1f"),
                          fmt(ratio, ".3f"),
                          f"{r['bare_rss_mb']:.0f}/{r['borrow_rss_mb']:.0f}",
                          fmt(r["slowest_ms"], ".1f"), str(len(r["dropped"]))])
            prev, prev_rest, prev_cfg = a, rest, cfg
    widths = [max(len(row[i]) for row in table + [hdr]) for i in range(len(hdr))]
    for row in [hdr] + table:
        print("  ".join(v.ljust(w) for v, w in zip(row, widths)).rstrip())
    print()
    # Log-log slopes over the points above the timer's noise.
    for shape in shapes:
        mine = [r for r in rows if r["shape"] == shape and r["borrow_status"] == "ok"]
        total = slope([(r["n"], r["borrow_cpu"]) for r in mine])
        diff = slope([(r["n"], r["analysis_cpu"]) for r in mine
                      if r["analysis_cpu"] is not None and r["analysis_cpu"] > 0.05])
        inproc = slope([(r["n"], r["analysis_ms"]) for r in mine
                        if r["analysis_ms"] is not None and r["analysis_ms"] > 1])
        fn = slope([(r["n"], r["slowest_ms"]) for r in mine
                    if r["slowest_ms"] is not None and r["slowest_ms"] > 1])
        print(f"{shape}: log-log slope: borrow {fmt(total, '.2f')}, borrow-bare "
              f"{fmt(diff, '.2f')}, analysis {fmt(inproc, '.2f')}, "
              f"slowest function {fmt(fn, '.2f')}")
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump(rows, f, indent=1)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
