// RUN: %check_borrow_tidy %s borrow-use-after-move %t

#include <map>
#include <string>
#include <utility>
#include <vector>

void print(const std::string &);
void byValue(std::string);
void unknownSink(std::string &&);
std::string keep;

// Provably never moves from its parameter: passing std::move(x) is no move.
void peek(std::string &&s) { print(s); }
// Moves on one path only.
void maybeTake(std::string &&s, bool c) {
  if (c)
    keep = std::move(s);
}
// Moves through an lvalue reference: its callers' argument is gone.
void consume(std::string &s) { keep = std::move(s); }
// Two levels deep.
void relay(std::string &s) { consume(s); }

void intoByValueParameter() {
  std::string s = "x";
  byValue(std::move(s));
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:11: note: moved here
}

void intoUnknownRValueParameter() {
  std::string s = "x";
  unknownSink(std::move(s));
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: moved here
}

void intoNonMovingCallee() {
  std::string s = "x";
  peek(std::move(s));
  print(s);
}

void intoMaybeMovingCallee(bool c) {
  std::string s = "x";
  maybeTake(std::move(s), c);
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' may be used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: moved here
  // CHECK-MESSAGES: :[[@LINE-35]]:12: note: inside 'maybeTake', parameter 's' is moved here
}

void throughLValueReference() {
  std::string name = "x";
  consume(name);
  print(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'name' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:11: note: moved here
  // CHECK-MESSAGES: :[[@LINE-41]]:39: note: inside 'consume', parameter 's' is moved here
}

void twoLevelsDeep() {
  std::string name = "x";
  relay(name);
  print(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'name' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:9: note: moved here
  // CHECK-MESSAGES: :[[@LINE-48]]:38: note: inside 'relay', parameter 's' is moved here
}

void intoContainer(std::vector<std::string> &v) {
  std::string s = "x";
  v.push_back(std::move(s));
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: moved here
  std::string e = "y";
  v.emplace_back(std::move(e));
  print(e);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'e' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:18: note: moved here
}

template <typename T> void forwarder(T &&t) { byValue(std::forward<T>(t)); }

void throughForward() {
  std::string s = "x";
  forwarder(s); // an lvalue: std::forward copies
  print(s);
  forwarder(std::move(s));
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: moved here
  // CHECK-MESSAGES: :[[@LINE-10]]:55: note: inside 'forwarder', parameter 't' is moved here
}

struct Widget {
  std::string name;
  Widget(std::string n) : name(std::move(n)) {}
  std::string release() && { return std::move(name); }
  const std::string &get() const & { return name; }
};

void rvalueQualifiedMethod() {
  Widget w("w");
  std::string n = std::move(w).release();
  print(w.get());
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'w' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: moved here
  // CHECK-MESSAGES: :[[@LINE-10]]:37: note: inside 'release', '*this' is moved here
}

void initCapture() {
  std::string s = "x";
  auto f = [t = std::move(s)] { print(t); };
  f();
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-4]]:17: note: moved here
}

void constructorInitializerMovesParameter(std::string n) {
  struct Named {
    std::string a, b;
    Named(std::string x) : a(std::move(x)), b(x) {}
    // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: 'x' used after it was moved [borrow-use-after-move]
    // CHECK-MESSAGES: :[[@LINE-2]]:30: note: moved here
  };
  Named v(n);
}

std::string returnMember(Widget &w) { return std::move(w.name); }

void afterReturnMember(Widget &w) {
  std::string n = returnMember(w);
  print(w.name);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'w.name' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:32: note: moved here
  // CHECK-MESSAGES: :[[@LINE-7]]:46: note: inside 'returnMember', parameter 'w' is moved here
}

// A hand-written move constructor or assignment is a move, whatever its
// body does.
struct Handle {
  int *fd;
  Handle(Handle &&other) : fd(other.fd) { other.fd = nullptr; }
  Handle &operator=(Handle &&other) {
    fd = other.fd;
    other.fd = nullptr;
    return *this;
  }
  int get() const;
};

void handWrittenMoves(Handle h, Handle g) {
  Handle a(std::move(h));
  (void)h.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'h' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:12: note: moved here
  a = std::move(g);
  (void)g.get();
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'g' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: moved here
}

// Moving into a base class moves the base part only.
struct Base {
  std::string text;
};
struct Derived : Base {
  int extra;
  Derived(Derived &&other) : Base(std::move(other)), extra(other.extra) {}
};

// try_emplace moves its arguments only when it inserts, and code reads them
// afterwards where it did not: no move (as bugprone-use-after-move), for
// std::map and for a map of the TU's own with the same contract.
struct Registry {
  template <class V> bool try_emplace(int Key, V &&Value) {
    if (Key < 0)
      return false;
    keep = std::forward<V>(Value);
    return true;
  }
};
void tryEmplace(std::map<int, std::string> &m, Registry &r, std::string s,
                std::string t) {
  auto [It, Inserted] = m.try_emplace(1, std::move(s));
  if (!Inserted)
    print(s);
  if (!r.try_emplace(2, std::move(t)))
    print(t);
}

// emplace makes no such promise: a move.
void emplaceMoves(std::map<int, std::string> &m, std::string s) {
  m.emplace(1, std::move(s));
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: moved here
}
