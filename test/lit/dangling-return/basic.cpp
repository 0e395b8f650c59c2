// RUN: %check_borrow_tidy %s borrow-dangling-return %t

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

int &localReference() {
  int x = 1;
  return x;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a reference to local variable 'x' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: 'x' is destroyed when the function returns
}

int *localAddress() {
  int x = 1;
  int *p = &x;
  return p;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a pointer to local variable 'x' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-5]]:7: note: 'x' is destroyed when the function returns
}

std::string_view viewOfLocal() {
  std::string s = "hello";
  return std::string_view(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a value that borrows local variable 's' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:27: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 's' is destroyed when the function returns
}

std::string_view implicitView() {
  std::string s = "hello";
  return s;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a value that borrows local variable 's' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: 's' is destroyed when the function returns
}

const char *dataOfLocal() {
  std::vector<char> v{'a', 0};
  return v.data();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a pointer into local variable 'v' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: 'v' is destroyed when the function returns
}

const std::string &byValueParameter(std::string s) {
  return s;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a reference to parameter 's' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:49: note: 's' is destroyed when the function returns
}

const std::string &temporary() {
  return std::string("temp");
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a reference to a temporary [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:28: note: the temporary is destroyed at the end of the full-expression
}

std::function<int()> lambdaCapturingLocal() {
  int counter = 0;
  return [&] { return ++counter; };
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a value that borrows local variable 'counter' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:11: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'counter' is destroyed when the function returns
}

auto rawLambda() {
  int counter = 0;
  return [&counter] { return counter; };
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a lambda that captures local variable 'counter' by reference [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:12: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'counter' is destroyed when the function returns
}

int &onSomePaths(bool c, int &param) {
  int local = 0;
  return c ? local : param;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a reference to local variable 'local' on some paths [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:14: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-4]]:7: note: 'local' is destroyed when the function returns
}

// A value computed from itself keeps what it borrowed: `p + 1` still points
// into `s`, and `c ? v : w` is still `v` on some paths.
const char *advancedPointer() {
  std::string s = "abc";
  const char *p = s.c_str();
  p = p + 1;
  return p;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a pointer into local variable 's' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-6]]:15: note: 's' is destroyed when the function returns
}

std::string_view keptOnSomePaths(bool c) {
  std::string s = "abc";
  std::string_view v = s;
  std::string_view w;
  v = c ? v : w;
  return v;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a value that borrows local variable 's' on some paths [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-5]]:24: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-7]]:15: note: 's' is destroyed when the function returns
}

// What is not flagged.
int global = 0;
struct Widget {
  std::string name;
  std::vector<int> items;
  const std::string &getName() const { return name; }
  const int *first() const { return items.data(); }
  std::string_view view() const { return name; }
};

const std::string &parameterByReference(const std::string &s) { return s; }
const int *pointerParameter(const int *p) { return p; }
int &globalVariable() { return global; }
int &staticLocal() {
  static int counter = 0;
  return counter;
}
const char *stringLiteral() { return "literal"; }
std::string_view literalView() { return "literal"; }
int *heap() { return new int(3); }
std::unique_ptr<int> owned() {
  auto p = std::make_unique<int>(1);
  return p;
}
std::string byValue() {
  std::string s = "copy";
  return s;
}
std::string_view memberOfParameter(const Widget &w) { return w.name; }
const int &elementOfParameter(const std::vector<int> &v) { return v[0]; }
auto lambdaByCopy() {
  int counter = 0;
  return [counter] { return counter; };
}

// Assigned something else, the pointer no longer borrows `s`.
const char *pointerReassigned() {
  std::string s = "abc";
  const char *p = s.c_str();
  p = "literal";
  return p;
}
std::string_view viewReassignedFromOther(bool c, std::string_view param) {
  std::string s = "abc";
  std::string_view v = s;
  v = c ? param : param.substr(1);
  return v;
}

// A std method called through a pointer or an owner's `->` is modelled on
// the object pointed to: c_str() points into the string `text` owns.
const char *viaArrow() {
  auto text = std::make_unique<std::string>("x");
  return text->c_str();
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a pointer into local variable 'text' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:8: note: 'text' is destroyed when the function returns
}
