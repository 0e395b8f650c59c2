#!/usr/bin/env python3
"""The CI recipes of docs/ci.md, for real, on a copy of Inputs/project:
run-clang-tidy with the plugin over the whole project and clang-tidy-diff
over a change, their output through borrow-sarif, and the logs checked
against the SARIF 2.1.0 schema (Ajv) and for their content.

  test_sarif_pipeline.py --source-dir DIR --plugin SO --clang-tidy EXE
      --run-clang-tidy EXE --clang-tidy-diff SCRIPT
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
ARGS = None
CHECKS = '-*,borrow-*'


def run(command, **kwargs):
    return subprocess.run(command, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, **kwargs)


def to_sarif(tidy_output, base_dir, name):
    """borrow-sarif on clang-tidy's output; the log, validated."""
    text = os.path.join(base_dir, '..', name + '.txt')
    with open(text, 'w', encoding='utf-8') as f:
        f.write(tidy_output)
    log = os.path.join(base_dir, '..', name + '.sarif')
    converter = os.path.join(ARGS.source_dir, 'tools', 'borrow-sarif',
                             'borrow-sarif')
    subprocess.run([sys.executable, converter, '--base-dir', base_dir,
                    '-o', log, text], check=True)
    check = run(['node', os.path.join(HERE, 'validate-sarif.js'), log])
    if check.returncode != 0:
        raise AssertionError('not valid SARIF:\n' + check.stdout)
    with open(log, encoding='utf-8') as f:
        return json.load(f)


def where(location):
    physical = location['physicalLocation']
    return (physical['artifactLocation']['uri'],
            physical['region']['startLine'],
            physical['region']['startColumn'])


class Pipeline(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix='borrow-sarif-')
        cls.project = os.path.join(cls.tmp, 'project')
        shutil.copytree(os.path.join(HERE, 'Inputs', 'project'), cls.project)
        os.makedirs(os.path.join(cls.project, 'build'))
        files = sorted(f for f in os.listdir(cls.project)
                       if f.endswith('.cpp'))
        with open(os.path.join(cls.project, 'build',
                               'compile_commands.json'), 'w') as f:
            json.dump([{'directory': cls.project, 'file': name,
                        'arguments': ['clang++', '-std=c++17', '-c', name]}
                       for name in files], f)
        # docs/ci.md: the full run.
        full = run([ARGS.run_clang_tidy, '-clang-tidy-binary',
                    ARGS.clang_tidy, '-load=' + ARGS.plugin,
                    '-checks=' + CHECKS, '-p', 'build', '-quiet'],
                   cwd=cls.project)
        if full.returncode != 0:
            raise AssertionError('run-clang-tidy failed:\n' + full.stdout)
        cls.log = to_sarif(full.stdout, cls.project, 'full')
        cls.results = cls.log['runs'][0]['results']

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def result(self, rule, line):
        found = [r for r in self.results if r['ruleId'] == rule and
                 where(r['locations'][0])[1] == line]
        self.assertEqual(len(found), 1, json.dumps(self.results, indent=1))
        return found[0]

    def test_one_result_per_finding(self):
        self.assertEqual(
            sorted((r['ruleId'],) + where(r['locations'][0])
                   for r in self.results),
            [('borrow-dangling-reference', 'dangling%20views.cpp', 17, 12),
             ('borrow-dangling-return', 'dangling%20views.cpp', 10, 10),
             ('borrow-use-after-move', 'moves.cpp', 13, 9),
             ('borrow-use-after-move', 'moves.cpp', 19, 9)])
        for r in self.results:
            self.assertEqual(r['level'], 'warning')
            self.assertEqual(
                r['locations'][0]['physicalLocation']['artifactLocation']
                ['uriBaseId'], '%SRCROOT%')

    def test_rules(self):
        driver = self.log['runs'][0]['tool']['driver']
        self.assertEqual(driver['name'], 'borrow-tidy')
        ids = [rule['id'] for rule in driver['rules']]
        for check in ('borrow-use-after-move', 'borrow-dangling-return',
                      'borrow-dangling-reference'):
            self.assertIn(check, ids)
            rule = driver['rules'][ids.index(check)]
            self.assertTrue(rule['helpUri'].endswith(
                '/docs/checks/%s.md' % check))
            self.assertTrue(rule['fullDescription']['text'].startswith(
                'Flags '))
        for r in self.results:
            self.assertEqual(ids[r['ruleIndex']], r['ruleId'])

    def test_notes_are_related_locations(self):
        moved = self.result('borrow-use-after-move', 19)
        self.assertEqual(moved['message']['text'],
                         "'name' used after it was moved ([moved here](1), "
                         "[inside 'consume', parameter 's' is moved here](2))")
        self.assertEqual(
            [(r['id'], r['message']['text']) + where(r)
             for r in moved['relatedLocations']],
            [(1, 'moved here', 'moves.cpp', 18, 11),
             (2, "inside 'consume', parameter 's' is moved here",
              'moves.cpp', 8, 39)])
        dangling = self.result('borrow-dangling-reference', 17)
        self.assertEqual(
            [(r['message']['text'],) + where(r)
             for r in dangling['relatedLocations']],
            [('destroyed here (end of scope)', 'dangling%20views.cpp', 18, 3),
             ('later used here', 'dangling%20views.cpp', 19, 8)])
        returned = self.result('borrow-dangling-return', 10)
        self.assertEqual(
            [(r['message']['text'],) + where(r)
             for r in returned['relatedLocations']],
            [("'s' is destroyed when the function returns",
              'dangling%20views.cpp', 9, 15)])

    def test_validator_rejects_an_invalid_log(self):
        broken = json.loads(json.dumps(self.log))
        broken['runs'][0]['results'][0]['locations'][0][
            'physicalLocation']['region']['startLine'] = 0
        path = os.path.join(self.tmp, 'broken.sarif')
        with open(path, 'w', encoding='utf-8') as f:
            json.dump(broken, f)
        check = run(['node', os.path.join(HERE, 'validate-sarif.js'), path])
        self.assertEqual(check.returncode, 1, check.stdout)
        self.assertIn('startLine must be >= 1', check.stdout)

    def test_pull_request_diff(self):
        """docs/ci.md: clang-tidy-diff reports the changed lines only."""
        repo = self.project

        def git(*args):
            # The user's own git settings (signing, hooks) stay out.
            env = dict(os.environ, GIT_CONFIG_GLOBAL=os.devnull,
                       GIT_CONFIG_NOSYSTEM='1')
            return subprocess.run(
                ['git', '-C', repo, '-c', 'user.name=t',
                 '-c', 'user.email=t@example.invalid', *args],
                check=True, env=env, stdout=subprocess.PIPE,
                text=True).stdout

        git('init', '-q')
        git('add', '-A', '.')
        git('commit', '-q', '-m', 'base')
        with open(os.path.join(repo, 'moves.cpp'), 'a') as f:
            f.write('\nvoid changed() {\n'
                    '  std::string text = "new";\n'
                    '  kept = std::move(text);\n'
                    '  print(text);\n'
                    '}\n')
        git('commit', '-q', '-am', 'change')
        diff = git('diff', '-U0', 'HEAD~1')
        tidy = run([sys.executable, ARGS.clang_tidy_diff, '-p1',
                    '-path', 'build', '-clang-tidy-binary', ARGS.clang_tidy,
                    '-load', ARGS.plugin, '-checks=' + CHECKS,
                    '-warnings-as-errors=borrow-*', '-quiet'],
                   input=diff, cwd=repo)
        self.assertEqual(tidy.returncode, 1, tidy.stdout)
        log = to_sarif(tidy.stdout, repo, 'diff')
        self.assertEqual(
            [(r['ruleId'], r['level']) + where(r['locations'][0])
             for r in log['runs'][0]['results']],
            [('borrow-use-after-move', 'error', 'moves.cpp', 25, 9)])
        self.assertEqual(
            [where(r) for r in
             log['runs'][0]['results'][0]['relatedLocations']],
            [('moves.cpp', 24, 10)])
        # A change that touches moves.cpp away from its findings passes.
        with open(os.path.join(repo, 'moves.cpp')) as f:
            text = f.read()
        with open(os.path.join(repo, 'moves.cpp'), 'w') as f:
            f.write(text.replace('// borrow-use-after-move,',
                                 '// borrow-use-after-move (E0382),'))
        git('commit', '-q', '-am', 'comment')
        diff = git('diff', '-U0', 'HEAD~1')
        clean = run([sys.executable, ARGS.clang_tidy_diff, '-p1',
                     '-path', 'build', '-clang-tidy-binary', ARGS.clang_tidy,
                     '-load', ARGS.plugin, '-checks=' + CHECKS,
                     '-warnings-as-errors=borrow-*', '-quiet'],
                    input=diff, cwd=repo)
        self.assertEqual(clean.returncode, 0, clean.stdout)
        self.assertNotIn('borrow-', clean.stdout)

def main():
    global ARGS
    parser = argparse.ArgumentParser()
    for option in ('--source-dir', '--plugin', '--clang-tidy',
                   '--run-clang-tidy', '--clang-tidy-diff'):
        parser.add_argument(option, required=True)
    ARGS, rest = parser.parse_known_args()
    unittest.main(argv=[sys.argv[0]] + rest, verbosity=2)


if __name__ == '__main__':
    main()
