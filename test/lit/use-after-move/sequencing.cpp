// RUN: %check_borrow_tidy %s borrow-use-after-move %t -- -std=c++17
// RUN: %check_borrow_tidy --check-suffix=CXX14 %s borrow-use-after-move %t.14 -- -std=c++14

#include <memory>
#include <string>
#include <utility>

void g(std::string, unsigned long);
void h(std::string &&, unsigned long);
void both(std::string, const std::string &);

void unsequencedArguments() {
  std::string x = "x";
  g(std::move(x), x.size());
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'x' may be used after it was moved: function arguments are evaluated in unspecified order [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-2]]:5: note: moved here
  // CHECK-MESSAGES-CXX14: :[[@LINE-3]]:19: warning: 'x' may be used after it was moved: function arguments are evaluated in unspecified order [borrow-use-after-move]
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:5: note: moved here
}

void referenceParameterMovesLater() {
  // h receives a reference; its body runs after x.size().
  std::string x = "x";
  h(std::move(x), x.size());
}

void otherArgumentBindsTheMovedObject() {
  std::string x = "x";
  both(std::move(x), x);
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'x' may be used after it was moved: function arguments are evaluated in unspecified order [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: moved here
  // CHECK-MESSAGES-CXX14: :[[@LINE-3]]:22: warning: 'x' may be used after it was moved: function arguments are evaluated in unspecified order [borrow-use-after-move]
  // CHECK-MESSAGES-CXX14: :[[@LINE-4]]:8: note: moved here
}

struct Node {
  void adopt(std::unique_ptr<Node> child);
  void rename(std::string name);
  std::string label;
};

void calleeObjectFirstInCxx17(std::unique_ptr<Node> p) {
  // C++17 evaluates `p->` before the argument; C++14 does not promise it.
  p->adopt(std::move(p));
  // CHECK-MESSAGES-CXX14: :[[@LINE-1]]:3: warning: 'p' may be dereferenced after it was moved (it is null) [borrow-use-after-move]
  // CHECK-MESSAGES-CXX14: :[[@LINE-2]]:12: note: moved here
}

void plainObject(Node n) {
  n.rename(std::move(n.label));
}
