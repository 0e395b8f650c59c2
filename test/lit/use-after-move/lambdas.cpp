// RUN: %check_borrow_tidy %s borrow-use-after-move %t

#include <functional>
#include <string>
#include <utility>
#include <vector>

void print(const std::string &);
void run(const std::function<void()> &);
template <typename F> void later(F f) { f(); }

void referenceCaptureUsedWhenCalled() {
  std::string s = "x";
  auto show = [&] { print(s); };
  std::string t = std::move(s);
  show();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: moved here
  // CHECK-MESSAGES: :[[@LINE-5]]:27: note: used inside the lambda here
}

void referenceCapturePassedOn() {
  std::string s = "x";
  std::function<void()> show = [&s] { print(s); };
  std::string t = std::move(s);
  run(show);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: moved here
  // CHECK-MESSAGES: :[[@LINE-5]]:45: note: used inside the lambda here
}

void immediateLambdaArgument() {
  std::string s = "x";
  std::string t = std::move(s);
  later([&] { print(s); });
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: moved here
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: used inside the lambda here
}

void calledBeforeTheMove() {
  std::string s = "x";
  auto show = [&] { print(s); };
  show();
  std::string t = std::move(s);
}

void lambdaThatAssigns() {
  std::string s = "x";
  auto refill = [&] { s = "again"; };
  std::string t = std::move(s);
  refill();
  print(s);
}

void copyCaptureCopiesAtCreation() {
  std::string s = "x";
  std::string t = std::move(s);
  auto show = [s] { print(s); };
  // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: moved here
  show();
}

void moveInsideLambdaBody() {
  // The lambda's own body is checked as a function of its own.
  auto f = [](std::string v) {
    std::string w = std::move(v);
    print(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'v' used after it was moved [borrow-use-after-move]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: moved here
  };
  f("x");
}

void genericLambda() {
  auto f = [](auto v) {
    auto w = std::move(v);
    print(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'v' used after it was moved [borrow-use-after-move]
    // CHECK-MESSAGES: :[[@LINE-3]]:14: note: moved here
  };
  f(std::string("x"));
}

// A lambda inside a generic lambda is a function of each instance: it is
// analysed there (the generic pattern itself is not), and reported once for
// both instances.
void lambdaInAGenericLambda() {
  auto f = [](auto v) {
    return [v] {
      std::string s = "x";
      std::string t = std::move(s);
      print(s);
      // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 's' used after it was moved [borrow-use-after-move]
      // CHECK-MESSAGES: :[[@LINE-3]]:23: note: moved here
      return v;
    };
  };
  f(1)();
  f(2.0)();
}
