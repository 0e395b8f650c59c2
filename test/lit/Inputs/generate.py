#!/usr/bin/env python3
"""Writes large C++ functions for the robustness and scaling tests.

  generate.py moves N      one function: N strings moved in sequence, then
                           the first one used (one finding at the end)
  generate.py branches N   one function: N if/else blocks moving and
                           reinitialising one string, then a use
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


if __name__ == '__main__':
    {'moves': moves, 'branches': branches}[sys.argv[1]](int(sys.argv[2]))
