#!/usr/bin/env python3
"""Runs borrow-tidy on one lit test file and checks its diagnostics.

Usage:
  check_borrow_tidy.py [options] FILE CHECKS TMP [-- CLANG-ARGS...]

In the spirit of LLVM's check_clang_tidy.py: FILE holds the code and, in
comments, the exact diagnostics expected from the CHECKS:

  use(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: moved here

Every warning, note and error clang-tidy prints must be matched, in order,
so a negative case is simply code with no CHECK line next to it. With
--check-suffix=S the prefix is CHECK-MESSAGES-S (several runs, one file).
With --fix, the fixed file is also checked against CHECK-FIXES lines.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

DIAG = re.compile(r'^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): '
                  r'(?P<kind>warning|note|error): (?P<msg>.*)$')


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--clang-tidy', required=True)
    parser.add_argument('--plugin', required=True)
    parser.add_argument('--filecheck', required=True)
    parser.add_argument('--check-suffix', default='')
    parser.add_argument('--config', default=None,
                        help='clang-tidy --config YAML/JSON (check options)')
    parser.add_argument('--allow-errors', action='store_true',
                        help='the code has compile errors on purpose')
    parser.add_argument('--fix', action='store_true')
    parser.add_argument('file')
    parser.add_argument('checks')
    parser.add_argument('tmp')
    argv = sys.argv[1:]
    clang_args = []
    if '--' in argv:
        cut = argv.index('--')
        argv, clang_args = argv[:cut], argv[cut + 1:]
    args = parser.parse_args(argv)
    if not any(a.startswith('-std=') for a in clang_args):
        clang_args.append('-std=c++17')

    ext = os.path.splitext(args.file)[1] or '.cpp'
    work = args.tmp + ext
    os.makedirs(os.path.dirname(os.path.abspath(work)), exist_ok=True)
    shutil.copyfile(args.file, work)

    cmd = [args.clang_tidy, '--load=' + args.plugin,
           '--checks=-*,' + args.checks, '--quiet']
    if args.config:
        cmd.append('--config=' + args.config)
    if args.fix:
        cmd.append('--fix')
    cmd += [work, '--'] + clang_args
    run = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         text=True)
    output = run.stdout + run.stderr
    if run.returncode < 0 or 'Stack dump' in output or \
            'PLEASE submit a bug report' in output:
        sys.exit('clang-tidy crashed:\n' + output)
    if run.returncode != 0 and not args.allow_errors:
        sys.exit('clang-tidy failed (%d):\n%s' % (run.returncode, output))

    diagnostics = []
    for line in output.splitlines():
        m = DIAG.match(line)
        if not m:
            continue
        if m.group('kind') == 'error' and args.allow_errors:
            continue  # the compiler's own errors, expected here
        path = os.path.basename(m.group('path'))
        if os.path.abspath(m.group('path')) == os.path.abspath(work):
            path = os.path.basename(args.file)
        diagnostics.append('%s:%s:%s: %s: %s' % (
            path, m.group('line'), m.group('col'), m.group('kind'),
            m.group('msg')))
    messages = args.tmp + '.msg'
    with open(messages, 'w') as f:
        f.write('\n'.join(diagnostics) + '\n')

    prefix = 'CHECK-MESSAGES' + ('-' + args.check_suffix
                                 if args.check_suffix else '')
    with open(args.file) as f:
        expects_any = (prefix + ':') in f.read()
    if not expects_any:
        # A run with no CHECK lines of its own expects silence.
        if diagnostics:
            sys.exit('expected no diagnostics for %s, got:\n%s' %
                     (prefix, '\n'.join(diagnostics)))
        return
    check = subprocess.run(
        [args.filecheck, '--input-file=' + messages, args.file,
         '--check-prefix=' + prefix, '--allow-empty',
         '--implicit-check-not={{warning|note|error}}:'],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    if check.returncode != 0:
        sys.exit('diagnostics did not match:\n' + check.stdout +
                 '\n--- clang-tidy printed ---\n' + output)

    if args.fix:
        fixes = 'CHECK-FIXES' + ('-' + args.check_suffix
                                 if args.check_suffix else '')
        check = subprocess.run(
            [args.filecheck, '--input-file=' + work, args.file,
             '--check-prefix=' + fixes, '--strict-whitespace'],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        if check.returncode != 0:
            sys.exit('fixes did not match:\n' + check.stdout)


if __name__ == '__main__':
    main()
