#!/usr/bin/env python3
"""Instructions the analysis executes on scaling.py's shapes, under callgrind.

Time grows faster than the work once a function's data outgrows the
processor's caches: scaling.py measures what a user waits for, this script
counts what the analysis does. For each shape and N it runs clang-tidy with
--checks=-*,borrow-* under `valgrind --tool=callgrind`, collecting only
inside BorrowCheck::onEndOfTranslationUnit (the whole analysis and the
reporting of its findings; the parse is not counted), and prints the count
and its growth from one N to the next. The count does not depend on the
machine's load, so one run is enough and runs may go side by side.

Needs valgrind (Debian: apt-get install valgrind); callgrind runs about 50
times slower than the program, so N = 10^5 of fn-moves takes minutes.

  bench/instructions.py --shapes fn-borrows --sizes 10000,100000
  bench/instructions.py --json instructions.json   # fn-statements/moves/borrows
"""
import argparse
import concurrent.futures
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import scaling  # noqa: E402  (SHAPES, DEFAULT_PLUGIN, slope)

COLLECT = "clang::tidy::borrow::BorrowCheck::onEndOfTranslationUnit()"


def count(path, opts):
    """Instructions executed inside COLLECT, or an error message."""
    out = path + ".callgrind"
    argv = ["valgrind", "--tool=callgrind", f"--callgrind-out-file={out}",
            "--collect-atstart=no", f"--toggle-collect={COLLECT}",
            opts.clang_tidy, "--quiet", f"--load={opts.plugin}",
            "--checks=-*,borrow-*", path, "--", "-std=c++20"]
    proc = subprocess.run(argv, stdout=subprocess.DEVNULL,
                          stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        return None, f"exit {proc.returncode}: {proc.stderr.strip()[-300:]}"
    with open(out) as f:
        totals = [line.split()[1] for line in f
                  if line.startswith(("totals:", "summary:"))]
    os.unlink(out)
    if not totals or int(totals[0]) == 0:
        return None, f"nothing collected in {COLLECT}"
    return int(totals[0]), None


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--shapes", default="fn-statements,fn-moves,fn-borrows")
    ap.add_argument("--sizes", default="10000,100000")
    ap.add_argument("--plugin", default=scaling.DEFAULT_PLUGIN)
    ap.add_argument("--clang-tidy", default="clang-tidy-22")
    ap.add_argument("-j", type=int, default=os.cpu_count(),
                    help="runs side by side (default: one per core)")
    ap.add_argument("--json", metavar="OUT", help="write the counts here")
    opts = ap.parse_args()
    if not shutil.which("valgrind"):
        sys.exit("valgrind not found (Debian: apt-get install valgrind)")
    if not os.path.isfile(opts.plugin):
        sys.exit(f"plugin not found at {opts.plugin}")
    shapes = opts.shapes.split(",")
    bad = [s for s in shapes if s not in scaling.SHAPES]
    if bad:
        ap.error(f"unknown shape(s) {bad}; known: {list(scaling.SHAPES)}")
    sizes = [int(s) for s in opts.sizes.split(",")]

    workdir = tempfile.mkdtemp(prefix="borrow-instructions-")
    jobs = {}
    with concurrent.futures.ThreadPoolExecutor(opts.j) as pool:
        for shape in shapes:
            for n in sizes:
                path = os.path.join(workdir, f"{shape}-{n}.cpp")
                with open(path, "w") as f:
                    f.write(scaling.SHAPES[shape](n))
                jobs[shape, n] = pool.submit(count, path, opts)
    shutil.rmtree(workdir)

    rows, failed = [], False
    print(f"{'shape':<14} {'N':>7} {'instructions':>14} {'x prev':>7} "
          f"{'per N':>7}")
    for shape in shapes:
        prev = None
        for n in sizes:
            ir, error = jobs[shape, n].result()
            if error:
                failed = True
                print(f"{shape:<14} {n:>7} {error}")
                prev = None
                continue
            growth = f"{ir / prev:.2f}" if prev else "-"
            print(f"{shape:<14} {n:>7} {ir:>14,} {growth:>7} {ir / n:>7.0f}")
            rows.append({"shape": shape, "n": n, "instructions": ir})
            prev = ir
        fit = scaling.slope([(r["n"], r["instructions"]) for r in rows
                             if r["shape"] == shape])
        if fit is not None:
            print(f"{shape}: log-log slope {fit:.3f}")
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump(rows, f, indent=1)
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
