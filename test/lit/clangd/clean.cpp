// A file whose moves and borrows are all fine: clangd-borrow, configured as
// in check-mode.cpp (where the same checks do fire), reports nothing.
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cp %s %t/clean.cpp
// RUN: cp %S/Inputs/borrow.clangd %t/.clangd
// RUN: cp %S/Inputs/isolated.clang-tidy %t/.clang-tidy
// RUN: %clangd_borrow --check=%t/clean.cpp --check-warnings \
// RUN:   --check-locations=0 2>&1 | %FileCheck %s

#include <string>
#include <utility>
#include <vector>

void print(const std::string &);

void reinitialised() {
  std::string s = "hello";
  std::string t = std::move(s);
  s = "again";
  print(s);
  print(t);
}

const std::string &first(const std::vector<std::string> &v) { return v[0]; }

int sum(const std::vector<int> &v) {
  int total = 0;
  for (const int &x : v)
    total += x;
  return total;
}

// CHECK: Building AST...
// CHECK-NOT: [borrow-
// CHECK: All checks completed, 0 errors
