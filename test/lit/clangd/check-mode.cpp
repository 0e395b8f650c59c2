// clangd-borrow --check parses this file as the editor would (preamble,
// clangd's clang-tidy integration, the project's .clangd) and logs every
// clang-tidy warning as "[check] Line N: message".
//
// RUN: rm -rf %t && mkdir -p %t
// RUN: cp %s %t/moved.cpp
// RUN: cp %S/Inputs/borrow.clangd %t/.clangd
// RUN: cp %S/Inputs/isolated.clang-tidy %t/.clang-tidy
// RUN: %clangd_borrow --check=%t/moved.cpp --check-warnings \
// RUN:   --check-locations=0 2>&1 | %FileCheck %s

#include <string>
#include <utility>

void print(const std::string &);

void moved() {
  std::string s1 = "hello";
  std::string s2 = std::move(s1);
  print(s1);
  print(s2);
}
// CHECK: Loading config file at {{.*}}.clangd
// CHECK: [borrow-use-after-move] Line [[@LINE-4]]: 's1' used after it was moved

int &dangling() {
  int x = 1;
  return x;
}
// CHECK: [borrow-dangling-return] Line [[@LINE-2]]: returning a reference to local variable 'x'

// Nothing else: one warning per bug, no errors.
// CHECK-NOT: [borrow-
// CHECK: All checks completed, 0 errors
