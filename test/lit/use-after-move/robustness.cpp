// Code with errors, macros and odd constructs must not crash the check, and
// what it reports must still be right.
// RUN: %check_borrow_tidy --allow-errors %s borrow-use-after-move %t -- -std=c++20

#include <coroutine>
#include <string>
#include <utility>

void print(const std::string &);

void recoveryExpressions() {
  std::string s = "x";
  std::string t = std::move(s);
  undeclared_function(s);
  print(s.no_such_member());
  int broken = ;
}

#define MOVE_INTO(dst, src) std::string dst = std::move(src)
#define USE(x) print(x)

void macros() {
  std::string s = "x";
  MOVE_INTO(t, s);
  USE(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: moved here
  // CHECK-MESSAGES: :[[@LINE-9]]:47: note: expanded from macro 'MOVE_INTO'
}

struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};

Task coroutine(std::string s) {
  std::string t = std::move(s);
  co_await std::suspend_never{};
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: moved here
}

struct Invalid {
  Invalid(UnknownType t) : member(std::move(t)) {}
  std::string member;
};

void gotoLoop(int n) {
  std::string s = "x";
again:
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' may be used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE+1]]:19: note: moved here in a previous iteration
  std::string t = std::move(s);
  if (--n)
    goto again;
}

void tryCatch() {
  std::string s = "x";
  try {
    std::string t = std::move(s);
    throw 1;
  } catch (...) {
    s = "reset";
  }
  print(s);
}
