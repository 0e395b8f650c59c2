#!/usr/bin/env python3
"""An editor session against clangd-borrow, spoken in real LSP.

A scripted client (JSON-RPC over the server's stdin and stdout, as VS Code or
Neovim would) sets up a small project whose .clangd turns the borrow-* checks
on, then asserts what the editor user would see:

1. opening a file with a use-after-move and a dangling return publishes
   borrow-use-after-move and borrow-dangling-return, with their exact
   messages and lines, and the move and borrow sites as relatedInformation;
2. editing it into half-written states (a function cut off mid-statement,
   unbalanced braces, a call to something undeclared) gets each state its
   diagnostics, and the server keeps answering requests;
3. editing it back brings the same borrow diagnostics back;
4. shutdown and exit end the server with status 0, and its log shows no
   crash.

Usage: lsp_session.py --clangd PATH --workdir DIR
"""
import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import threading
import time

SOURCE = """\
#include <string>
#include <utility>

void print(const std::string &);

void greet() {
  std::string s1 = "hello";
  std::string s2 = std::move(s1);
  print(s1);
  print(s2);
}

int *escape() {
  int local = 1;
  int *p = &local;
  return p;
}
"""

# Half-written states an editor sends while the user types.
CUT_OFF = SOURCE[:SOURCE.index('std::move(s1)') + len('std::mo')]
UNBALANCED = SOURCE.replace('  print(s1);\n', '  if (true) {\n  print(s1);\n')
STRAY_BRACE = SOURCE.replace('  print(s2);\n}\n', '  print(s2);\n}\n}\n')
UNDECLARED = SOURCE.replace('  print(s2);\n', '  print(s2);\n  undeclared(s1);\n')

ERROR, WARNING = 1, 2


class Failure(Exception):
    pass


def check(condition, what):
    if not condition:
        raise Failure(what)


def position(text, line_marker, token):
    """0-based (line, character) of token in the line containing marker."""
    lines = text.split('\n')
    matches = [i for i, line in enumerate(lines) if line_marker in line]
    check(len(matches) == 1, 'marker %r is not unique' % line_marker)
    line = matches[0]
    return line, lines[line].index(token, lines[line].index(line_marker))


class Server:
    """A clangd-borrow process and the client side of its LSP stream."""

    def __init__(self, command, cwd, env, log):
        self.proc = subprocess.Popen(command, cwd=cwd, env=env,
                                     stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=log)
        self.incoming = queue.Queue()
        self.next_id = 0
        self.diagnostics = []  # every publishDiagnostics, in order
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        stream = self.proc.stdout
        while True:
            length = None
            while True:
                header = stream.readline()
                if not header:
                    self.incoming.put(None)
                    return
                header = header.strip()
                if not header:
                    break
                name, _, value = header.partition(b':')
                if name.lower() == b'content-length':
                    length = int(value)
            self.incoming.put(json.loads(stream.read(length)))

    def _send(self, message):
        message['jsonrpc'] = '2.0'
        body = json.dumps(message).encode()
        self.proc.stdin.write(b'Content-Length: %d\r\n\r\n' % len(body))
        self.proc.stdin.write(body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self._send({'method': method, 'params': params})

    def request(self, method, params, timeout=60):
        self.next_id += 1
        ident = self.next_id
        self._send({'id': ident, 'method': method, 'params': params})
        reply = self._pump(lambda m: m.get('id') == ident
                           and 'method' not in m, timeout,
                           'the reply to %s' % method)
        check('error' not in reply,
              '%s failed: %s' % (method, reply.get('error')))
        return reply.get('result')

    def _pump(self, wanted, timeout, what):
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            check(left > 0, 'timed out waiting for %s' % what)
            try:
                message = self.incoming.get(timeout=left)
            except queue.Empty:
                continue
            check(message is not None,
                  'the server closed its output (exit status %s) while '
                  'waiting for %s' % (self.proc.poll(), what))
            if 'method' in message and 'id' in message:
                # A request from the server (progress, configuration): accept.
                self._send({'id': message['id'], 'result': None})
                continue
            if message.get('method') == 'textDocument/publishDiagnostics':
                self.diagnostics.append(message['params'])
            if wanted(message):
                return message

    def diagnostics_of(self, uri, version, timeout=120):
        """The diagnostics of uri at version, once the server settles.

        clangd may publish a version twice (again after a new preamble), so
        later publications within a short quiet period replace the first.
        """
        def published(m):
            return (m.get('method') == 'textDocument/publishDiagnostics'
                    and m['params']['uri'] == uri
                    and m['params'].get('version') == version)
        latest = self._pump(published, timeout,
                            'the diagnostics of version %d' % version)
        while True:
            try:
                latest = self._pump(published, 1.0, 'more diagnostics')
            except Failure:
                return latest['params']['diagnostics']

    def alive(self):
        return self.proc.poll() is None


def borrow_diagnostics(diagnostics):
    return [d for d in diagnostics if str(d.get('code', '')).startswith(
        'borrow-')]


def expect_borrow_diagnostics(diagnostics, uri):
    """The exact borrow-* diagnostics of SOURCE, with their related sites."""
    found = borrow_diagnostics(diagnostics)
    codes = sorted(d['code'] for d in found)
    check(codes == ['borrow-dangling-return', 'borrow-use-after-move'],
          'expected one borrow-use-after-move and one borrow-dangling-return, '
          'got %s' % json.dumps(diagnostics, indent=1))
    by_code = {d['code']: d for d in found}

    def at(d, line, character):
        start = d['range']['start']
        return (start['line'], start['character']) == (line, character)

    def related(d):
        return [(r['message'], r['location']['uri'],
                 r['location']['range']['start']['line'],
                 r['location']['range']['start']['character'])
                for r in d.get('relatedInformation', [])]

    moved = by_code['borrow-use-after-move']
    check(moved['message'] == "'s1' used after it was moved",
          'use-after-move message: %r' % moved['message'])
    check(moved['severity'] == WARNING and moved['source'] == 'clang-tidy',
          'use-after-move severity/source: %s' % moved)
    check(at(moved, *position(SOURCE, 'print(s1);', 's1')),
          'use-after-move range: %s' % moved['range'])
    # clangd capitalises messages, notes turned into relatedInformation too.
    check(related(moved) == [('Moved here', uri) + position(
        SOURCE, 'std::move(s1)', 'std::move')],
          'use-after-move relatedInformation: %s' % related(moved))

    escaped = by_code['borrow-dangling-return']
    # clangd capitalises messages: the check says "returning a pointer ...".
    check(escaped['message'] ==
          "Returning a pointer to local variable 'local'",
          'dangling-return message: %r' % escaped['message'])
    check(escaped['severity'] == WARNING and escaped['source'] == 'clang-tidy',
          'dangling-return severity/source: %s' % escaped)
    check(at(escaped, *position(SOURCE, 'return p;', 'p')),
          'dangling-return range: %s' % escaped['range'])
    check(related(escaped) == [
        ('Borrowed here', uri) + position(SOURCE, '&local', 'local'),
        ("'local' is destroyed when the function returns", uri) +
        position(SOURCE, 'int local', 'local')],
          'dangling-return relatedInformation: %s' % related(escaped))
    return found


def session(clangd, workdir):
    if os.path.exists(workdir):
        shutil.rmtree(workdir)
    project = os.path.join(workdir, 'project')
    os.makedirs(project)
    source = os.path.join(project, 'main.cpp')
    with open(source, 'w') as f:
        f.write(SOURCE)
    with open(os.path.join(project, '.clangd'), 'w') as f:
        f.write('Diagnostics:\n'
                '  ClangTidy:\n'
                '    Add: [borrow-*]\n'
                '    FastCheckFilter: Loose\n')
    # The project sits below the repository: keep its .clang-tidy out.
    with open(os.path.join(project, '.clang-tidy'), 'w') as f:
        f.write("Checks: '-*'\n")
    with open(os.path.join(project, 'compile_commands.json'), 'w') as f:
        json.dump([{'directory': project, 'file': source,
                    'arguments': ['clang++', '-std=c++17', '-c', source]}], f)
    uri = 'file://' + source
    root = 'file://' + project

    # A user configuration must not change what this test sees.
    env = dict(os.environ, XDG_CONFIG_HOME=os.path.join(workdir, 'config'))
    log_path = os.path.join(workdir, 'clangd.log')
    with open(log_path, 'w') as log:
        server = Server([clangd, '--log=info', '--background-index=false',
                         '--pch-storage=memory', '--enable-config'],
                        project, env, log)
        try:
            run(server, uri, root)
        except BaseException:
            server.proc.kill()
            raise
        finally:
            server.proc.wait(timeout=60)
    with open(log_path) as f:
        text = f.read()
    for crash in ('Stack dump', 'Signalled during', 'PLEASE submit a bug'):
        check(crash not in text, 'the server log shows a crash:\n' + text)
    print('clangd-borrow LSP session: all checks passed')


def run(server, uri, root):
    capabilities = {
        'textDocument': {
            'publishDiagnostics': {'relatedInformation': True,
                                   'versionSupport': True},
            'synchronization': {'didSave': True},
        },
    }
    init = server.request('initialize', {
        'processId': os.getpid(), 'rootUri': root,
        'capabilities': capabilities}, timeout=60)
    check('textDocumentSync' in init['capabilities'],
          'initialize result has no textDocumentSync: %s' % init)
    server.notify('initialized', {})

    version = 1
    server.notify('textDocument/didOpen', {'textDocument': {
        'uri': uri, 'languageId': 'cpp', 'version': version,
        'text': SOURCE}})
    diagnostics = server.diagnostics_of(uri, version, timeout=180)
    first = expect_borrow_diagnostics(diagnostics, uri)
    check(not [d for d in diagnostics if d['severity'] == ERROR],
          'the complete file has errors: %s' % diagnostics)

    for name, text in (('cut-off function', CUT_OFF),
                       ('unbalanced braces', UNBALANCED),
                       ('stray closing brace', STRAY_BRACE),
                       ('undeclared call', UNDECLARED)):
        version += 1
        server.notify('textDocument/didChange', {
            'textDocument': {'uri': uri, 'version': version},
            'contentChanges': [{'text': text}]})
        diagnostics = server.diagnostics_of(uri, version)
        check(any(d['severity'] == ERROR and d.get('source') == 'clang'
                  for d in diagnostics),
              '%s: no compile error published: %s' % (name, diagnostics))
        check(server.alive(), '%s: the server died' % name)
        symbols = server.request('textDocument/documentSymbol',
                                 {'textDocument': {'uri': uri}})
        check(isinstance(symbols, list) and symbols,
              '%s: no document symbols: %s' % (name, symbols))
        print('%s: %d diagnostics, %d borrow-*, server answering' % (
            name, len(diagnostics), len(borrow_diagnostics(diagnostics))))

    version += 1
    server.notify('textDocument/didChange', {
        'textDocument': {'uri': uri, 'version': version},
        'contentChanges': [{'text': SOURCE}]})
    again = expect_borrow_diagnostics(server.diagnostics_of(uri, version), uri)
    check(again == first, 'the repaired file reports differently:\n%s\n%s' % (
        first, again))

    check(server.request('shutdown', None) is None, 'shutdown result')
    server.notify('exit', None)
    status = server.proc.wait(timeout=60)
    check(status == 0, 'exit status %d' % status)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('--clangd', required=True)
    parser.add_argument('--workdir', required=True)
    args = parser.parse_args()
    try:
        session(os.path.abspath(args.clangd), os.path.abspath(args.workdir))
    except Failure as failure:
        log = os.path.join(args.workdir, 'clangd.log')
        if os.path.exists(log):
            with open(log) as f:
                sys.stderr.write(f.read()[-6000:])
        sys.stderr.write('FAIL: %s\n' % failure)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
