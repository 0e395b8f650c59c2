// No warnings in system headers, and only the main file is reported on.
// RUN: %check_borrow_tidy %s borrow-use-after-move %t -- -isystem %S/Inputs/system

#include <sysmove.h>

void mainFile(std::string s) {
  systemCode(s);
  std::string t = std::move(s);
  (void)s.size();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: moved here
}
