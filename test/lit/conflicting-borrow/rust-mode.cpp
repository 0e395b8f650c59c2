// Mode: Rust adds Rust's exclusivity: no mutation of a borrowed place at
// all, and no two mutable borrows of one place in one call.
// RUN: %check_borrow_tidy --check-suffix=RUST %s borrow-conflicting-borrow %t.rust \
// RUN:   --config="{CheckOptions: {borrow-conflicting-borrow.Mode: Rust}}"
// RUN: %check_borrow_tidy %s borrow-conflicting-borrow %t.cpp

#include <string>
#include <utility>
#include <vector>

void use(int);
void both(int &a, int &b);

void assignWhileBorrowed() {
  int x = 1;
  const int &r = x;
  x = 2;
  // CHECK-MESSAGES-RUST: :[[@LINE-1]]:3: warning: 'r' borrows 'x', which is assigned here [borrow-conflicting-borrow]
  // CHECK-MESSAGES-RUST: :[[@LINE-3]]:18: note: borrow of 'x' occurs here
  use(r);
  // CHECK-MESSAGES-RUST: :[[@LINE-1]]:7: note: borrow later used here
}

void writeOtherElement(std::vector<int> &v) {
  int &e = v[0];
  v[1] = 3;
  // CHECK-MESSAGES-RUST: :[[@LINE-1]]:3: warning: 'e' borrows 'v', which 'operator[]' mutates [borrow-conflicting-borrow]
  // CHECK-MESSAGES-RUST: :[[@LINE-3]]:12: note: borrow of 'v' occurs here
  use(e);
  // CHECK-MESSAGES-RUST: :[[@LINE-1]]:7: note: borrow later used here
}

void moveWhileBorrowed() {
  std::vector<int> v{1};
  const std::vector<int> &r = v;
  std::vector<int> w = std::move(v);
  // CHECK-MESSAGES-RUST: :[[@LINE-1]]:24: warning: 'r' borrows 'v', which is moved here [borrow-conflicting-borrow]
  // CHECK-MESSAGES-RUST: :[[@LINE-3]]:31: note: borrow of 'v' occurs here
  use(int(r.size()));
  // CHECK-MESSAGES-RUST: :[[@LINE-1]]:11: note: borrow later used here
}

void twoMutableBorrows() {
  int x = 1;
  both(x, x);
  // CHECK-MESSAGES-RUST: :[[@LINE-1]]:11: warning: 'x' is borrowed mutably twice by the call to 'both' [borrow-conflicting-borrow]
  // CHECK-MESSAGES-RUST: :[[@LINE-2]]:8: note: first mutable borrow occurs here
}

struct Pair {
  int a;
  int b;
};

// Silent in both modes: disjoint fields, mutation through the borrow
// itself, a borrow that is dead before the mutation.
void allowed() {
  Pair p{1, 2};
  both(p.a, p.b);
  int x = 1;
  int &r = x;
  r = 2;
  use(r);
  x = 3;
  const int &c = x;
  use(c);
  x = 4;
}
