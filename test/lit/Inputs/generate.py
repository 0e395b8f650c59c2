#!/usr/bin/env python3
"""Writes large C++ functions for the robustness and scaling tests.

  generate.py moves N      one function: N strings moved in sequence, then
                           the first one used (one finding at the end)
  generate.py branches N   one function: N if/else blocks moving and
                           reinitialising one string, then a use
  generate.py deep-global N  a namespace-scope variable initialised by a
                           lambda (using a string after moving it) and N
                           nested additions
"""
import sys


def moves(n):
    print('#include <string>\n#include <utility>')
    print('void use(const std::string &);')
    print('void huge() {')
    for i in range(n):
        print('  std::string s%d = "x";' % i)
        print('  std::string t%d = std::move(s%d);' % (i, i))
    print('  use(s0);')
    print('}')


def branches(n):
    print('#include <string>\n#include <utility>')
    print('void use(const std::string &);')
    print('void sink(std::string &&);')
    print('void huge(int *c) {')
    print('  std::string s = "x";')
    for i in range(n):
        print('  if (c[%d]) sink(std::move(s)); else s = "y";' % i)
    print('  use(s);')
    print('}')


def deep_global(n):
    print('#include <string>\n#include <utility>')
    print('void use(const std::string &);')
    print('int a = 1;')
    print('int g = [] {')
    print('  std::string s = "x";')
    print('  std::string t = std::move(s);')
    print('  use(s);')
    print('  return 1;')
    print('}()' + ' + a' * n + ';')


if __name__ == '__main__':
    {'moves': moves, 'branches': branches,
     'deep-global': deep_global}[sys.argv[1]](int(sys.argv[2]))
