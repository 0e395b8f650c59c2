// RUN: %check_borrow_tidy %s borrow-use-after-move %t

#include <string>
#include <utility>
#include <vector>

void print(const std::string &);

void definite() {
  std::string s1 = "hello";
  std::string s2 = std::move(s1);
  print(s1);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's1' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:20: note: moved here
  print(s2);
}

void maybe(bool c) {
  std::string s = "x";
  if (c) {
    std::string t = std::move(s);
  }
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' may be used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-4]]:21: note: moved here
}

void onlyTheFirstUseIsReported() {
  std::string s = "x";
  std::string t = std::move(s);
  print(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: moved here
  print(s);
  s.size();
}

void doubleMove() {
  std::string s = "x";
  std::string a = std::move(s);
  std::string b = std::move(s);
  // CHECK-MESSAGES: :[[@LINE-1]]:29: warning: 's' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:19: note: moved here
}

void previousIteration(std::vector<std::string> &out) {
  std::string line;
  for (int i = 0; i < 3; ++i) {
    line.push_back('x');
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'line' may be used after it was moved [borrow-use-after-move]
    // CHECK-MESSAGES: :[[@LINE+1]]:19: note: moved here in a previous iteration
    out.push_back(std::move(line));
  }
}

struct Person {
  std::string name;
  std::string email;
  int id;
};

void fieldGranularity(Person p) {
  std::string n = std::move(p.name);
  print(p.email); // other fields are untouched
  (void)p.id;
  print(p.name);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'p.name' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-5]]:19: note: moved here
}

void wholeMoveMovesFields(Person p) {
  Person q = std::move(p);
  print(p.email);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'p.email' used after 'p' was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:14: note: moved here
}

void partialMoveThenWholeUseIsNotFlagged(Person p) {
  // C++ keeps `p` a valid object; only the moved member is unspecified.
  std::string n = std::move(p.name);
  Person copy = p;
}

struct Holder {
  std::string value;
  std::string take() { return std::move(value); }
  void moveThenUse() {
    std::string v = std::move(value);
    print(value);
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'value' used after it was moved [borrow-use-after-move]
    // CHECK-MESSAGES: :[[@LINE-3]]:21: note: moved here
  }
};

void copyIsNotAMove() {
  std::string s = "x";
  std::string t = s;
  print(s);
}

void moveIntoConstReferenceIsNotAMove() {
  std::string s = "x";
  print(std::move(s));
  print(s);
}

void differentBranches(bool c) {
  std::string s = "x";
  if (c)
    print(std::string(std::move(s)));
  else
    print(s);
}

void declaredInLoopBody(std::vector<std::string> &out) {
  for (int i = 0; i < 3; ++i) {
    std::string item = "x";
    item.push_back('y');
    out.push_back(std::move(item));
  }
}

void trivialTypesAreCopied() {
  int n = 1;
  int m = std::move(n);
  struct P { int x, y; } a{1, 2};
  P b = std::move(a);
  (void)(n + m + a.x + b.y);
}

void destructorIsNotAUse() {
  std::string s = "x";
  std::string t = std::move(s);
}
