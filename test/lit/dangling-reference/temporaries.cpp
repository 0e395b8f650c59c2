// RUN: %check_borrow_tidy %s borrow-dangling-reference %t -- -std=c++17
// RUN: %check_borrow_tidy --check-suffix=CXX23 %s borrow-dangling-reference %t.23 -- -std=c++23

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

struct Record {
  std::string name;
  std::vector<int> items;
  const std::string &label() const { return name; }
  std::vector<int> &list() { return items; }
};
Record make();
void use(std::string_view);
void use(int);

void viewOfTemporary() {
  std::string_view v = std::string("x");
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: temporary destroyed while still borrowed by 'v' [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: destroyed here (end of full-expression)
  // CHECK-MESSAGES-CXX23: :[[@LINE-3]]:24: warning: temporary destroyed while still borrowed by 'v' [borrow-dangling-reference]
  // CHECK-MESSAGES-CXX23: :[[@LINE-4]]:40: note: destroyed here (end of full-expression)
}

void referenceIntoTemporary() {
  const std::string &l = make().label();
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: temporary destroyed while still borrowed by 'l' [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:40: note: destroyed here (end of full-expression)
  // CHECK-MESSAGES-CXX23: :[[@LINE-3]]:26: warning: temporary destroyed while still borrowed by 'l' [borrow-dangling-reference]
  // CHECK-MESSAGES-CXX23: :[[@LINE-4]]:40: note: destroyed here (end of full-expression)
  use(l);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
  // CHECK-MESSAGES-CXX23: :[[@LINE-2]]:7: note: later used here
}

void maxOfTemporaries() {
  const int &m = std::max(1, 2);
  use(m);
  // CHECK-MESSAGES: :[[@LINE-2]]:27: warning: temporary destroyed while still borrowed by 'm' [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: destroyed here (end of full-expression)
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: later used here
  // CHECK-MESSAGES: :[[@LINE-5]]:30: warning: temporary destroyed while still borrowed by 'm' [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-6]]:32: note: destroyed here (end of full-expression)
  // CHECK-MESSAGES: :[[@LINE-6]]:7: note: later used here
  // CHECK-MESSAGES-CXX23: :[[@LINE-8]]:27: warning: temporary destroyed while still borrowed by 'm' [borrow-dangling-reference]
  // CHECK-MESSAGES-CXX23: :[[@LINE-9]]:32: note: destroyed here (end of full-expression)
  // CHECK-MESSAGES-CXX23: :[[@LINE-9]]:7: note: later used here
  // CHECK-MESSAGES-CXX23: :[[@LINE-11]]:30: warning: temporary destroyed while still borrowed by 'm' [borrow-dangling-reference]
  // CHECK-MESSAGES-CXX23: :[[@LINE-12]]:32: note: destroyed here (end of full-expression)
  // CHECK-MESSAGES-CXX23: :[[@LINE-12]]:7: note: later used here
}

void rangeForOverMemberFunctionOfTemporary() {
  // Before C++23 the temporary dies before the loop runs (P2718).
  for (int x : make().list())
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: temporary destroyed while still borrowed by the range-for loop [borrow-dangling-reference]
    // CHECK-MESSAGES: :[[@LINE-2]]:28: note: destroyed here (end of full-expression)
    // CHECK-MESSAGES: :[[@LINE-3]]:14: note: later used here
    use(x);
}

// Lifetime extension keeps these temporaries alive: not flagged.
void extended() {
  const std::string &r = std::string("x");
  use(r);
  const auto &m = make().name;
  use(m);
  for (int x : make().items)
    use(x);
  std::string_view literal = "literal";
  use(literal);
}

void temporaryUsedWithinItsFullExpression() {
  use(std::string_view(std::string("x")));
  use(make().label());
}
