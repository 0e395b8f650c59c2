#!/usr/bin/env python3
"""borrow-sarif on hand-written clang-tidy output: what is kept, what is
dropped, how paths, columns and notes are written; every log it writes here
is also checked against the SARIF 2.1.0 schema.

  test_borrow_sarif.py SOURCE_DIR
"""
import importlib.machinery
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
import types
import unittest

SOURCE_DIR = sys.argv.pop(1) if len(sys.argv) > 1 else os.path.join(
    os.path.dirname(__file__), '..', '..')
SCRIPT = os.path.join(SOURCE_DIR, 'tools', 'borrow-sarif', 'borrow-sarif')
VALIDATOR = os.path.join(SOURCE_DIR, 'test', 'sarif', 'validate-sarif.js')


def load_converter():
    loader = importlib.machinery.SourceFileLoader('borrow_sarif', SCRIPT)
    module = importlib.util.module_from_spec(
        importlib.util.spec_from_loader('borrow_sarif', loader))
    loader.exec_module(module)
    return module


sarif = load_converter()

OUTPUT = """\
Running clang-tidy in 2 threads for 3 files out of 3 in compilation database ...
[1/3][0.4s] clang-tidy-22 -checks=-*,borrow-* -p=build /p/src/a.cpp
\x1b[1m/p/src/a.cpp:9:9: \x1b[0m\x1b[0;1;35mwarning: \x1b[0m\x1b[1m's1' used after it was moved [borrow-use-after-move]\x1b[0m
    9 |   print(s1);
      |         ^~
/p/src/a.cpp:8:20: note: moved here
    8 |   std::string s2 = std::move(s1);
      |                    ^
/p/src/a.cpp:3:1: warning: some other check [misc-other]
/p/src/a.cpp:2:1: note: a note of the other check
/p/src/b c.cpp:4:3: error: 'v[0]' borrowed [x] here [borrow-dangling-reference,-warnings-as-errors]
/p/src/b c.cpp:5:3: note: destroyed here (end of scope)
/p/include/x.h:7:1: note: later used here
/p/src/d.cpp:1:12: error: use of undeclared identifier 'f' [clang-diagnostic-error]
/p/src/d.cpp:1:1: note: a compiler note
/usr/include/y.h:2:2: warning: in a system header [borrow-use-after-move]
/p/src/a.cpp:9:9: warning: 's1' used after it was moved [borrow-use-after-move]
/p/src/a.cpp:8:20: note: moved here
/p/src/e.cpp:1:1: warning: a check without a page [borrow-undocumented]
2 warnings generated.
Suppressed 3 warnings (3 in non-user code).
"""


def convert(text, base='/p', **options):
    args = types.SimpleNamespace(docs=None, help_uri_base=None,
                                 information_uri=None, base_dir=base)
    vars(args).update(options)
    return sarif.sarif_log(sarif.parse_clang_tidy(text.splitlines()), args)


class ParseTest(unittest.TestCase):
    def setUp(self):
        self.findings = sarif.parse_clang_tidy(OUTPUT.splitlines())

    def test_keeps_borrow_findings_only_once(self):
        self.assertEqual(
            [(f.check, f.where.path, f.where.line) for f in self.findings],
            [('borrow-use-after-move', '/p/src/a.cpp', 9),
             ('borrow-dangling-reference', '/p/src/b c.cpp', 4),
             ('borrow-use-after-move', '/usr/include/y.h', 2),
             ('borrow-undocumented', '/p/src/e.cpp', 1)])

    def test_notes_follow_their_finding(self):
        self.assertEqual([(n.path, n.line, n.col, n.message)
                          for n in self.findings[1].notes],
                         [('/p/src/b c.cpp', 5, 3,
                           'destroyed here (end of scope)'),
                          ('/p/include/x.h', 7, 1, 'later used here')])
        self.assertEqual(len(self.findings[0].notes), 1)
        self.assertEqual(self.findings[2].notes, [])

    def test_message_and_level(self):
        self.assertEqual(self.findings[0].where.message,
                         "'s1' used after it was moved")
        self.assertEqual(self.findings[1].where.message,
                         "'v[0]' borrowed [x] here")
        self.assertEqual(self.findings[1].level, 'error')


class LogTest(unittest.TestCase):
    def setUp(self):
        self.log = convert(OUTPUT)
        self.run_ = self.log['runs'][0]
        self.results = self.run_['results']

    def test_rules_and_indexes(self):
        rules = self.run_['tool']['driver']['rules']
        ids = [r['id'] for r in rules]
        for check in ('borrow-use-after-move', 'borrow-dangling-return',
                      'borrow-dangling-reference', 'borrow-undocumented'):
            self.assertIn(check, ids)
        for result in self.results:
            self.assertEqual(rules[result['ruleIndex']]['id'],
                             result['ruleId'])
        moved = rules[ids.index('borrow-use-after-move')]
        self.assertIn('moved from', moved['shortDescription']['text'])
        self.assertIn('E0382', moved['fullDescription']['text'])
        self.assertTrue(moved['helpUri'].endswith(
            '/docs/checks/borrow-use-after-move.md'))
        self.assertIn('## Options', moved['help']['markdown'])
        # A check the converter has no page for still gets a rule.
        unknown = rules[ids.index('borrow-undocumented')]
        self.assertNotIn('helpUri', unknown)
        self.assertEqual(unknown['shortDescription']['text'],
                         'borrow-tidy check borrow-undocumented.')

    def test_help_uri_base(self):
        log = convert(OUTPUT, help_uri_base='https://example.org/checks/')
        rules = log['runs'][0]['tool']['driver']['rules']
        self.assertEqual(rules[0]['helpUri'],
                         'https://example.org/checks/%s.md' % rules[0]['id'])

    def test_locations(self):
        where = self.results[1]['locations'][0]['physicalLocation']
        self.assertEqual(where['artifactLocation'],
                         {'uri': 'src/b%20c.cpp', 'uriBaseId': '%SRCROOT%'})
        self.assertEqual(where['region'], {'startLine': 4, 'startColumn': 3})
        outside = self.results[2]['locations'][0]['physicalLocation']
        self.assertEqual(outside['artifactLocation'],
                         {'uri': 'file:///usr/include/y.h'})
        self.assertEqual(self.run_['originalUriBaseIds'],
                         {'%SRCROOT%': {'uri': 'file:///p/'}})

    def test_related_locations_are_linked_from_the_message(self):
        result = self.results[1]
        self.assertEqual(result['level'], 'error')
        self.assertEqual(
            result['message']['text'],
            "'v\\[0\\]' borrowed \\[x\\] here "
            "([destroyed here (end of scope)](1), [later used here](2))")
        related = result['relatedLocations']
        self.assertEqual([r['id'] for r in related], [1, 2])
        self.assertEqual(related[1]['message']['text'], 'later used here')
        self.assertEqual(
            related[1]['physicalLocation']['artifactLocation']['uri'],
            'include/x.h')
        self.assertEqual(related[1]['physicalLocation']['region'],
                         {'startLine': 7, 'startColumn': 1})
        self.assertNotIn('relatedLocations', self.results[2])

    def test_columns_count_code_points(self):
        with tempfile.TemporaryDirectory() as base:
            with open(os.path.join(base, 'u.cpp'), 'w', encoding='utf-8') as f:
                f.write('int x;\n/* é */ use(s);\n')
            # clang counts bytes: 'é' is two, so 'use' is at byte column 9.
            log = convert('u.cpp:2:9: warning: w [borrow-use-after-move]\n',
                          base=base)
            region = log['runs'][0]['results'][0]['locations'][0][
                'physicalLocation']['region']
            self.assertEqual(region, {'startLine': 2, 'startColumn': 8})

    def test_empty_output_is_a_log_without_results(self):
        log = convert('')
        self.assertEqual(log['runs'][0]['results'], [])
        self.assertEqual(log['version'], '2.1.0')

    def test_logs_are_valid_sarif(self):
        with tempfile.TemporaryDirectory() as tmp:
            files = []
            for i, log in enumerate([self.log, convert(''),
                                     convert(OUTPUT, base='/elsewhere')]):
                files.append(os.path.join(tmp, 'log%d.sarif' % i))
                with open(files[-1], 'w', encoding='utf-8') as f:
                    json.dump(log, f)
            run = subprocess.run(['node', VALIDATOR] + files,
                                 stdout=subprocess.PIPE,
                                 stderr=subprocess.STDOUT, text=True)
            self.assertEqual(run.returncode, 0, run.stdout)


class CommandLineTest(unittest.TestCase):
    def test_stdin_to_file(self):
        with tempfile.TemporaryDirectory() as tmp:
            out = os.path.join(tmp, 'out.sarif')
            subprocess.run([sys.executable, SCRIPT, '--base-dir', '/p',
                            '-o', out], input=OUTPUT, text=True, check=True)
            with open(out, encoding='utf-8') as f:
                log = json.load(f)
            self.assertEqual(len(log['runs'][0]['results']), 4)
            driver = log['runs'][0]['tool']['driver']
            self.assertEqual(driver['name'], 'borrow-tidy')
            self.assertRegex(driver['version'], r'^\d+\.\d+\.\d+$')


if __name__ == '__main__':
    unittest.main(verbosity=2)
