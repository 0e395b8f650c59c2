#!/usr/bin/env python3
"""What summaries across translation units buy, and what they cost.

On one project of the corpus prepared by bench/corpus.sh, one TU at a time
(one core), runs:

  plain   clang-tidy --load=<plugin> --checks=-*,<checks>
  pass 1  the same, exporting each TU's summaries (borrow-tidy.ExportSummaries)
  merge   borrow-summaries over the exported directory
  pass 2  the same as plain, importing the merged file (borrow-tidy.SummaryFile)

and reports the CPU time (user+sys of the child) of each, and the findings
pass 2 has that the plain run has not (and the other way round, which should
be none but for conflicts). plain and pass 1 alternate their order from one
TU to the next so that drift of the machine favours neither.

Stdlib only. Example:
  bench/two_pass.py --project leveldb --json two_pass.json
"""
import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import overhead  # noqa: E402  (the corpus loader and the CPU-time runner)

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_MERGE = os.path.join(HERE, "..", "build", "tools", "borrow-summaries",
                             "borrow-summaries")


def tidy_argv(opts, build, entry, options):
    config = "{CheckOptions: {%s}}" % ", ".join(
        f"{k}: '{v}'" for k, v in options.items())
    return ([opts.clang_tidy, f"--config={config}", "--quiet",
             f"--load={opts.plugin}", "-p", build,
             f"--checks=-*,{opts.checks}", entry["file"]], entry["directory"])


def findings(text):
    """The borrow-* warnings of one run, as 'file:line:col: message [check]'."""
    out = set()
    for line in text.splitlines():
        m = overhead.DIAG_RE.match(line)
        if m and m["kind"] == "warning" and (m["tag"] or "").startswith("borrow-"):
            out.add(line)
    return out


def run_tu(opts, tu, options):
    name, build, entry = tu
    argv, cwd = tidy_argv(opts, build, entry, options)
    r = overhead.run(argv, cwd, opts.timeout)
    r["findings"] = findings(r["text"])
    if r["timeout"] or r["crash"]:
        print(f"  {name}: {'timeout' if r['timeout'] else 'crash'}", file=sys.stderr)
    return r


def by_check(lines):
    counts = {}
    for line in lines:
        tag = overhead.DIAG_RE.match(line)["tag"]
        counts[tag] = counts.get(tag, 0) + 1
    return dict(sorted(counts.items()))


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--project", default="leveldb")
    ap.add_argument("--corpus", default=overhead.DEFAULT_CORPUS)
    ap.add_argument("--plugin", default=os.path.abspath(overhead.DEFAULT_PLUGIN))
    ap.add_argument("--merge-tool", default=os.path.abspath(DEFAULT_MERGE))
    ap.add_argument("--clang-tidy", default="clang-tidy-22")
    ap.add_argument("--checks", default="borrow-*")
    ap.add_argument("--max-tus", type=int, default=None)
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--keep", help="keep the summary files in this directory")
    ap.add_argument("--json", help="write the measurements here")
    opts = ap.parse_args()

    tus = overhead.load_tus(opts.corpus, [opts.project])[opts.project]
    if opts.max_tus:
        tus = tus[:opts.max_tus]
    work = opts.keep or tempfile.mkdtemp(prefix="borrow-two-pass-")
    export = os.path.join(work, "export")
    merged = os.path.join(work, "merged.json")
    shutil.rmtree(export, ignore_errors=True)

    plain, pass1, pass2 = {}, {}, {}
    print(f"{opts.project}: {len(tus)} TUs, plain and pass 1", file=sys.stderr)
    for i, tu in enumerate(tus):
        runs = [("plain", plain, {}),
                ("pass1", pass1, {"borrow-tidy.ExportSummaries": export})]
        for _, into, options in (runs if i % 2 == 0 else runs[::-1]):
            into[tu[0]] = run_tu(opts, tu, options)

    m = overhead.run([opts.merge_tool, "--counts", "-o", merged, export], None,
                     opts.timeout)
    if m["rc"] != 0:
        sys.exit("merge failed:\n" + m["text"])
    print(m["text"].strip(), file=sys.stderr)

    print(f"{opts.project}: pass 2", file=sys.stderr)
    for tu in tus:
        pass2[tu[0]] = run_tu(opts, tu, {"borrow-tidy.SummaryFile": merged})

    def cpu(runs):
        return sum(r["cpu"] for r in runs.values())

    def union(runs):
        return set().union(*(r["findings"] for r in runs.values()))

    before, after = union(plain), union(pass2)
    exported = [os.path.join(export, f) for f in os.listdir(export)]
    report = {
        "project": opts.project,
        "tus": len(tus),
        "checks": opts.checks,
        "cpu_plain": cpu(plain),
        "cpu_pass1": cpu(pass1),
        "cpu_merge": m["cpu"],
        "cpu_pass2": cpu(pass2),
        "export_files": len(exported),
        "export_bytes": sum(os.path.getsize(f) for f in exported),
        "merged_bytes": os.path.getsize(merged),
        "merge_counts": m["text"].strip(),
        "failures": sorted(n for runs in (plain, pass1, pass2)
                           for n, r in runs.items() if r["timeout"] or r["crash"]),
        "findings_plain": by_check(before),
        "findings_pass2": by_check(after),
        "new_in_pass2": sorted(after - before),
        "gone_in_pass2": sorted(before - after),
    }
    total = report["cpu_pass1"] + report["cpu_merge"] + report["cpu_pass2"]
    print(f"\nCPU s: plain {report['cpu_plain']:.1f}, pass 1 {report['cpu_pass1']:.1f} "
          f"({report['cpu_pass1'] / report['cpu_plain']:.3f}x), merge "
          f"{report['cpu_merge']:.2f}, pass 2 {report['cpu_pass2']:.1f} "
          f"({report['cpu_pass2'] / report['cpu_plain']:.3f}x); two passes "
          f"{total:.1f} ({total / report['cpu_plain']:.3f}x plain)")
    print(f"summary files: {report['export_files']} files, "
          f"{report['export_bytes']} bytes; merged {report['merged_bytes']} bytes")
    print(f"findings: plain {report['findings_plain']}, pass 2 {report['findings_pass2']}")
    for line in report["new_in_pass2"]:
        print("  new:  " + line)
    for line in report["gone_in_pass2"]:
        print("  gone: " + line)
    if opts.json:
        with open(opts.json, "w") as f:
            json.dump(report, f, indent=1)
    if not opts.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
