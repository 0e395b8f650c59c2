// RUN: %check_borrow_tidy %s borrow-use-after-move %t
// RUN: %check_borrow_tidy --check-suffix=STRICT %s borrow-use-after-move %t.strict \
// RUN:   --config="{CheckOptions: {borrow-use-after-move.StrictSmartPointers: true}}"

#include <memory>
#include <utility>

struct Node {
  int value;
  void touch();
};

void take(std::unique_ptr<Node>);
void inspect(const std::shared_ptr<Node> &);

void dereferenceIsFlagged() {
  auto a = std::make_unique<Node>();
  auto b = std::move(a);
  a->value = 1;
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a' is dereferenced after it was moved (it is null) [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: moved here
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:3: warning: 'a' is dereferenced after it was moved (it is null) [borrow-use-after-move]
  // CHECK-MESSAGES-STRICT: :[[@LINE-5]]:12: note: moved here
}

void methodThroughArrow() {
  auto a = std::make_shared<Node>();
  take(nullptr);
  auto b = std::move(a);
  a->touch();
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'a' is dereferenced after it was moved (it is null) [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: moved here
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:3: warning: 'a' is dereferenced after it was moved (it is null) [borrow-use-after-move]
  // CHECK-MESSAGES-STRICT: :[[@LINE-5]]:12: note: moved here
}

void starDereference(bool c) {
  auto a = std::make_unique<Node>();
  if (c)
    take(std::move(a));
  int v = (*a).value;
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'a' may be dereferenced after it was moved (it is null) [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:10: note: moved here
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:11: warning: 'a' may be dereferenced after it was moved (it is null) [borrow-use-after-move]
  // CHECK-MESSAGES-STRICT: :[[@LINE-5]]:10: note: moved here
  (void)v;
}

void nullTestsAreFineByDefault() {
  auto a = std::make_unique<Node>();
  auto b = std::move(a);
  if (a == nullptr)
    return;
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:7: warning: 'a' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES-STRICT: :[[@LINE-4]]:12: note: moved here
}

void boolTestIsFineByDefault() {
  auto a = std::make_shared<Node>();
  auto b = std::move(a);
  bool empty = !a;
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:17: warning: 'a' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:12: note: moved here
  (void)empty;
}

void passingTheNullPointerOnIsFineByDefault() {
  auto a = std::make_shared<Node>();
  auto b = std::move(a);
  inspect(a);
  // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:11: warning: 'a' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES-STRICT: :[[@LINE-3]]:12: note: moved here
}

void resetReinitialises() {
  auto a = std::make_unique<Node>();
  auto b = std::move(a);
  a.reset(new Node{});
  a->value = 2;
  a = std::make_unique<Node>();
  a->touch();
}

void recreatedWhenNull(const char *s) {
  // The moved-from pointer is null, so the null test always recreates it.
  std::unique_ptr<Node> pending;
  for (; *s; ++s) {
    if (*s == '%') {
      if (pending)
        // CHECK-MESSAGES-STRICT: :[[@LINE-1]]:11: warning: 'pending' may be used after it was moved [borrow-use-after-move]
        // CHECK-MESSAGES-STRICT: :[[@LINE+1]]:14: note: moved here in a previous iteration
        take(std::move(pending));
    } else {
      if (!pending)
        pending = std::make_unique<Node>();
      pending->touch();
    }
  }
}

void deadBranch() {
  auto a = std::make_unique<Node>();
  auto b = std::move(a);
  if (a)
    a->touch(); // a is null here: this never runs
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:7: warning: 'a' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES-STRICT: :[[@LINE-4]]:12: note: moved here
}

void getThenTest() {
  auto a = std::make_unique<Node>();
  auto b = std::move(a);
  if (a.get() != nullptr)
    a->touch();
  // CHECK-MESSAGES-STRICT: :[[@LINE-2]]:7: warning: 'a' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES-STRICT: :[[@LINE-4]]:12: note: moved here
}
