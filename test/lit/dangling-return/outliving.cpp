// Borrows stored where they outlive the call: members of *this,
// out-parameters, globals.
// RUN: %check_borrow_tidy %s borrow-dangling-return %t

#include <string>
#include <string_view>

const char *lastName = nullptr;

struct Parser {
  std::string_view current;
  const int *cursor = nullptr;

  void keepsLocal() {
    std::string line = "line";
    current = line;
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a borrow of local variable 'line' is stored in 'current', which outlives the function [borrow-dangling-return]
    // CHECK-MESSAGES: :[[@LINE-3]]:17: note: 'line' is destroyed when the function returns
  }

  void scopedRegistration() {
    // Pointing a member at a local and clearing it before returning is fine.
    int value = 3;
    cursor = &value;
    use();
    cursor = nullptr;
  }

  void keepsParameter(const std::string &text) { current = text; }
  void use();
};

void outParameter(const int **out) {
  int local = 1;
  *out = &local;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: a borrow of local variable 'local' is stored in '*out', which outlives the function [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'local' is destroyed when the function returns
}

void globalStore() {
  std::string name = "n";
  lastName = name.c_str();
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: a borrow of local variable 'name' is stored in 'lastName', which outlives the function [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: 'name' is destroyed when the function returns
}
