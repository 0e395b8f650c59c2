// RUN: %check_borrow_tidy %s borrow-use-after-move %t

// The destructor of a local or a temporary that does not return ends every
// path through it: nothing after it runs, so nothing after it is reported.
// Bodies that only move get a CFG without the ends of scopes (faster); one
// that declares such a variable keeps them.

#include <string>
#include <utility>

void use(const std::string &);

struct Fatal {
  [[noreturn]] ~Fatal();
  Fatal &operator<<(const char *);
};

struct Guard {
  [[noreturn]] ~Guard();
};

struct HoldsGuard {
  Guard G;
};

struct DerivedGuard : Guard {};

struct Base {
  virtual ~Base();
};

struct DerivedFatal : Base {
  [[noreturn]] ~DerivedFatal();
};

void reachable(std::string s) {
  std::string t = std::move(s);
  { std::string u = "u"; }
  use(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-4]]:19: note: moved here
}

void reachableAfterAScopedMove(std::string s) {
  { std::string t = std::move(s); }
  use(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: moved here
}

void afterAFatalTemporary(std::string s) {
  std::string t = std::move(s);
  Fatal() << "gone";
  use(s);
}

void afterAFatalLocal(std::string s) {
  std::string t = std::move(s);
  { Guard g; }
  use(s);
}

void afterAFatalMember(std::string s) {
  std::string t = std::move(s);
  { HoldsGuard h; }
  use(s);
}

void afterAFatalBase(std::string s) {
  std::string t = std::move(s);
  { DerivedGuard d; }
  use(s);
}

void afterAFatalArray(std::string s) {
  std::string t = std::move(s);
  { Guard g[2]; }
  use(s);
}

void afterAFatalReference(std::string s) {
  std::string t = std::move(s);
  { const Guard &g = Guard(); }
  use(s);
}

void afterAFatalDerivedReference(std::string s) {
  std::string t = std::move(s);
  { const Base &b = DerivedFatal(); }
  use(s);
}

void onlyOnTheFatalPath(std::string s, bool bad) {
  std::string t = std::move(s);
  if (bad) {
    Guard g;
  } else {
    s = "again";
  }
  use(s);
}
