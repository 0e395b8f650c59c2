#!/usr/bin/env python3
"""What clang's own lifetime warnings and borrow-tidy report on the same files.

For each C++ file, runs
  clang:     clang++-22 -fsyntax-only (-Wdangling*, -Wreturn-stack-address
             are on by default)
  lifetime:  the same plus -Xclang -fexperimental-lifetime-safety
             -Wexperimental-lifetime-safety
  borrow:    clang-tidy-22 --load=<plugin> --checks=-*,<checks>
and prints, per file, the lines each one warns on, then totals: how many
warning lines each finds, and how many of clang's lines borrow-tidy misses.

  bench/compare_clang.py test/lit/dangling-*/*.cpp examples/*.cpp
"""
import argparse
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PLUGIN = os.path.join(HERE, '..', 'build', 'plugin', 'libBorrowTidy.so')
WARN = re.compile(r'^(.*?):(\d+):\d+: warning: (.*?) \[([^\]]+)\]$')


def lines(cmd, path, keep):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                         text=True).stdout
    found = set()
    for line in out.splitlines():
        m = WARN.match(line)
        if m and os.path.abspath(m.group(1)) == os.path.abspath(path) and \
                keep(m.group(4)):
            found.add(int(m.group(2)))
    return found


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('files', nargs='+')
    ap.add_argument('--plugin', default=PLUGIN)
    ap.add_argument('--checks', default='borrow-dangling-*')
    ap.add_argument('--std', default='c++17')
    args = ap.parse_args()
    flags = ['-std=' + args.std, '-I' + os.path.join(HERE, '..', 'examples')]
    lifetime = lambda tag: 'lifetime' in tag or 'dangling' in tag or \
        'stack-address' in tag
    totals = {'clang': 0, 'lifetime': 0, 'borrow': 0, 'missed': 0}
    for path in args.files:
        clang = lines(['clang++-22', '-fsyntax-only'] + flags + [path], path,
                      lifetime)
        life = lines(['clang++-22', '-fsyntax-only', '-Xclang',
                      '-fexperimental-lifetime-safety',
                      '-Wexperimental-lifetime-safety'] + flags + [path], path,
                     lifetime)
        borrow = lines(['clang-tidy-22', '--quiet', '--load=' + args.plugin,
                        '--checks=-*,' + args.checks, path, '--'] + flags,
                       path, lambda tag: tag.startswith('borrow-'))
        missed = (clang | life) - borrow
        print('%-55s clang %-12s lifetime %-12s borrow %-20s missed %s' % (
            os.path.relpath(path), sorted(clang), sorted(life), sorted(borrow),
            sorted(missed) or '-'))
        totals['clang'] += len(clang)
        totals['lifetime'] += len(life)
        totals['borrow'] += len(borrow)
        totals['missed'] += len(missed)
    print('warning lines: clang %(clang)d, clang lifetime-safety %(lifetime)d, '
          'borrow-tidy %(borrow)d; lines clang warns on that borrow-tidy does '
          'not: %(missed)d' % totals)


if __name__ == '__main__':
    sys.exit(main())
