// Borrows that only a callee's summary reveals.
// RUN: %check_borrow_tidy %s borrow-dangling-return %t

#include <string>
#include <vector>

const std::string &longest(const std::string &a, const std::string &b) {
  return a.size() > b.size() ? a : b;
}

const std::string &first(const std::string &a, const std::string &) {
  return a;
}

const std::string &longestOfLocal(const std::string &param) {
  std::string local = "local";
  return longest(local, param);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a reference to local variable 'local' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'local' is destroyed when the function returns
}

const std::string &firstIsParameter(const std::string &param) {
  std::string local = "local";
  return first(param, local); // the result never refers to the second
}

struct Container {
  std::vector<int> items;
  const int *get(unsigned i) const { return &items[i]; }
};

const int *intoLocalContainer() {
  Container c;
  c.items.push_back(1);
  return c.get(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a pointer into local variable 'c' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-4]]:13: note: 'c' is destroyed when the function returns
}

const int *intoParameterContainer(const Container &c) { return c.get(0); }

const std::string &maxOfLocals() {
  std::string a = "a", b = "b";
  return std::max(a, b);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a reference to local variable 'a' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:19: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'a' is destroyed when the function returns
  // CHECK-MESSAGES: :[[@LINE-4]]:10: warning: returning a reference to local variable 'b' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-5]]:22: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-7]]:24: note: 'b' is destroyed when the function returns
}

const std::string &lifetimebound(const std::string &s [[clang::lifetimebound]]);

const std::string &throughAttribute() {
  std::string s = "s";
  return lifetimebound(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a reference to local variable 's' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:24: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 's' is destroyed when the function returns
}


// A virtual call returns what any implementation may return.
struct Namer {
  virtual ~Namer() = default;
  virtual const std::string &pick(const std::string &a, const std::string &b) const = 0;
};
struct First : Namer {
  const std::string &pick(const std::string &a, const std::string &) const override { return a; }
};
struct Second : Namer {
  const std::string &pick(const std::string &, const std::string &b) const override { return b; }
};

const std::string &throughVirtual(const Namer &n, const std::string &param) {
  std::string local = "local";
  return n.pick(local, param);
  // First::pick returns its first argument.
  // CHECK-MESSAGES: :[[@LINE-2]]:10: warning: returning a reference to local variable 'local' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-5]]:15: note: 'local' is destroyed when the function returns
}

const std::string &secondOnly(const Second &n, const std::string &param) {
  std::string local = "local";
  return n.pick(param, local);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: returning a reference to local variable 'local' [borrow-dangling-return]
  // CHECK-MESSAGES: :[[@LINE-2]]:24: note: borrowed here
  // CHECK-MESSAGES: :[[@LINE-4]]:15: note: 'local' is destroyed when the function returns
}

// First::pick, which no class overrides, never returns its second argument.
const std::string &firstOnly(const First &n, const std::string &param) {
  std::string local = "local";
  return n.pick(param, local);
}
