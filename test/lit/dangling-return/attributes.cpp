// Attributes on a declaration win over what its body seems to do.
// RUN: %check_borrow_tidy %s borrow-dangling-return %t -- -std=c++20

#include <string>
#include <string_view>

struct NameSet {
  void insert(std::string_view name [[clang::lifetime_capture_by(this)]]);
};

// The set outlives the function; the string does not.
void keepInParameter(NameSet &set) {
  std::string local = "x";
  set.insert(local);
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: a borrow of local variable 'local' is stored in 'set', which outlives the function [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: 'local' is destroyed when the function returns
}

// Through a pointer, the object is what it points to.
void keepThroughPointer(NameSet *set) {
  std::string local = "x";
  set->insert(local);
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: a borrow of local variable 'local' is stored in '*set', which outlives the function [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: 'local' is destroyed when the function returns
}

const int *pick(const int *p) { return p; }
// [[clang::noescape]]: nothing derived from p outlives the call.
const int *pickNoEscape(const int *p [[clang::noescape]]) { return p; }

const int *throughPick() {
  int x = 1;
  return pick(&x);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a pointer to local variable 'x' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:16: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'x' is destroyed when the function returns
}

const int *throughNoEscape() {
  int x = 1;
  return pickNoEscape(&x);
}
