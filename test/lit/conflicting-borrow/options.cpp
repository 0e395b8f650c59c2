// InvalidatingFunctions extends the tables to functions the analysis
// cannot see into; a bad Mode is reported and the default used.
// RUN: %check_borrow_tidy --check-suffix=OPT %s borrow-conflicting-borrow %t.opt \
// RUN:   --config="{CheckOptions: {borrow-conflicting-borrow.InvalidatingFunctions: 'Buffer::append;::grow'}}"
// RUN: %check_borrow_tidy %s borrow-conflicting-borrow %t.default
// RUN: %clang_tidy --load=%plugin --checks='-*,borrow-conflicting-borrow' \
// RUN:   --config="{CheckOptions: {borrow-conflicting-borrow.Mode: Strict}}" \
// RUN:   %s -- -std=c++20 2>&1 | %FileCheck --check-prefix=BAD-MODE %s
// BAD-MODE: invalid value 'Strict' for option 'Mode' of borrow-conflicting-borrow: expected 'Cpp' or 'Rust'; using 'Cpp'

#include <vector>

void use(int);

struct [[gsl::Owner(char)]] Buffer {
  char *data();
  void append(const char *s);
  int size() const;
};

void grow(std::vector<int> &v);

void listedMethod(Buffer &b) {
  char *p = b.data();
  b.append("x");
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: 'p' borrows 'b', which 'append' invalidates [borrow-conflicting-borrow]
  // CHECK-MESSAGES-OPT: :[[@LINE-3]]:13: note: borrow of 'b' occurs here
  use(*p);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:7: note: borrow later used here
}

void listedFunction(std::vector<int> &v) {
  int &first = v[0];
  grow(v);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:3: warning: 'first' borrows 'v', which 'grow' invalidates [borrow-conflicting-borrow]
  // CHECK-MESSAGES-OPT: :[[@LINE-3]]:16: note: borrow of 'v' occurs here
  use(first);
  // CHECK-MESSAGES-OPT: :[[@LINE-1]]:7: note: borrow later used here
}

void unlisted(Buffer &b) {
  char *p = b.data();
  use(b.size());
  use(*p);
}
