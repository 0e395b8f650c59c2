// RUN: %check_borrow_tidy %s borrow-dangling-reference %t

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

void use(int);
void use(std::string_view);

void innerScope() {
  const int *p = nullptr;
  {
    int x = 1;
    p = &x;
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'x' does not live long enough: 'p' still refers to it [borrow-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE+1]]:3: note: destroyed here (end of scope)
  }
  use(*p);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

void innerScopeNotUsed() {
  const int *p = nullptr;
  {
    int x = 1;
    p = &x;
  }
  p = nullptr;
}

void reassignedBeforeUse() {
  int y = 2;
  const int *p = nullptr;
  {
    int x = 1;
    p = &x;
  }
  p = &y;
  use(*p);
}

struct ImportantExcerpt {
  std::string_view part;
};

void excerpt() {
  ImportantExcerpt e;
  {
    std::string novel = "Call me Ishmael. Some years ago...";
    e = ImportantExcerpt{std::string_view(novel).substr(0, 16)};
    // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'novel' does not live long enough: 'e' still refers to it [borrow-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE+1]]:3: note: destroyed here (end of scope)
  }
  use(e.part);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

void containerOutsideTheLoop(const std::vector<std::string> &input) {
  std::vector<std::string_view> views;
  for (const std::string &in : input) {
    std::string copy = in + "!";
    // Using the vector in the next iteration already reads a dangling view.
    views.push_back(copy);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'copy' may not live long enough: 'views' still refers to it [borrow-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE+2]]:3: note: destroyed here (end of scope)
    // CHECK-MESSAGES: :[[@LINE-3]]:5: note: later used here
  }
  use(views.front());
}

void ownedByUniquePtr() {
  int *raw = nullptr;
  {
    auto owner = std::make_unique<int>(1);
    raw = owner.get();
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'owner' does not live long enough: 'raw' still refers to it [borrow-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE+1]]:3: note: destroyed here (end of scope)
  }
  use(*raw);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

void sharedOwnershipIsNotTracked(std::shared_ptr<int> &keep) {
  int *raw = nullptr;
  {
    auto shared = std::make_shared<int>(1);
    keep = shared;
    raw = shared.get();
  }
  use(*raw);
}

void lambdaCapturingInnerVariable() {
  std::string_view (*unused)() = nullptr;
  (void)unused;
  int total = 0;
  auto add = [&total](int v) { total += v; };
  {
    int bonus = 3;
    auto addBonus = [&] { add(bonus); };
    addBonus();
  }
  add(1);
}

void previousIteration(const std::vector<int> &in) {
  const int *last = nullptr;
  for (int v : in) {
    if (last)
      use(*last);
    int copy = v;
    last = &copy;
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'copy' may not live long enough: 'last' still refers to it [borrow-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE+2]]:3: note: destroyed here (end of scope)
    // CHECK-MESSAGES: :[[@LINE-6]]:9: note: later used here
  }
}

// A method we cannot see into that returns a reference, called through an
// optional's `->`, is guessed to refer into the object (a raw pointer is
// not: dangling-reference/real-code-negatives.cpp).
struct Element {
  const std::string &name() const; // declared only: no body to summarise
};
void use(const std::string &);
void optionalName(std::optional<Element> (*next)()) {
  const std::string *N = nullptr;
  if (std::optional<Element> E = next())
    N = &E->name();
  use(*N);
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: 'E' may not live long enough: 'N' still refers to it [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-4]]:3: note: destroyed here (end of scope)
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: later used here
}
