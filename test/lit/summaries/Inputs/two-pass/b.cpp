// The callers. With a.cpp's summaries (pass 2) each call is checked against
// the body it calls; without them (pass 1) the calls get the defaults.
#include "lib.h"
#include <iostream>
#include <utility>

void useAfterConsume() {
  std::string name = "x";
  consume(name);
  std::cout << name;
  // PASS2: b.cpp:[[@LINE-1]]:16: warning: 'name' used after it was moved [borrow-use-after-move]
  // PASS2: b.cpp:[[@LINE-3]]:11: note: moved here
  // PASS2: b.cpp:[[@LINE-4]]:11: note: inside 'consume', parameter 's' is moved (in another translation unit, at {{.*}}a.cpp:4:41)
}

const std::string &danglingGet() {
  std::string local = "y";
  return get(local);
  // PASS2: b.cpp:[[@LINE-1]]:10: warning: returning a reference to local variable 'local' [borrow-dangling-return]
  // PASS2: b.cpp:[[@LINE-2]]:14: note: borrowed here
  // PASS2: b.cpp:[[@LINE-4]]:15: note: 'local' is destroyed when the function returns
}

void fieldMoved() {
  Box b;
  take(b);
  std::cout << b.name << b.id;
  // PASS2: b.cpp:[[@LINE-1]]:16: warning: 'b.name' used after it was moved [borrow-use-after-move]
  // PASS2: b.cpp:[[@LINE-3]]:8: note: moved here
  // PASS2: b.cpp:[[@LINE-4]]:8: note: inside 'take', parameter 'b' is moved (in another translation unit, at {{.*}}a.cpp:11:40)
}

const int *intoLocal() {
  Container c;
  return c.at(0);
  // PASS2: b.cpp:[[@LINE-1]]:10: warning: returning a pointer into local variable 'c' [borrow-dangling-return]
  // PASS2: b.cpp:[[@LINE-3]]:13: note: 'c' is destroyed when the function returns
}

// `peek` takes `std::string &&` but never moves from it: pass 1 assumes the
// move the caller asked for, pass 2 knows better.
void peekThenUse() {
  std::string s = "z";
  peek(std::move(s));
  std::cout << s;
  // PASS1: b.cpp:[[@LINE-1]]:16: warning: 's' used after it was moved [borrow-use-after-move]
  // PASS1: b.cpp:[[@LINE-3]]:8: note: moved here
}

// Two definitions disagree: the merged file marks a conflict and pass 2
// keeps the defaults (a `std::string &` argument may be written, not moved).
void conflicting() {
  std::string s = "w";
  pick(s);
  std::cout << s;
}

// `add` grows `items` (a.cpp): the borrow `at` returned may dangle.
int addWhileBorrowed() {
  Container c;
  c.add(1);
  const int *p = c.at(0);
  c.add(2);
  return *p;
  // PASS2: b.cpp:[[@LINE-2]]:3: warning: 'p' borrows 'c.items', which 'add' may reallocate [borrow-conflicting-borrow]
  // PASS2: b.cpp:[[@LINE-4]]:18: note: borrow of 'c.items' occurs here
  // PASS2: b.cpp:[[@LINE-4]]:3: note: 'add' may reallocate it (in another translation unit, at {{.*}}a.cpp:15:30)
  // PASS2: b.cpp:[[@LINE-4]]:10: note: borrow later used here
}

// `add` keeps what its argument points to in `words` (a.cpp).
bool addScoped() {
  Index index;
  {
    std::string word = "w";
    index.add(word);
  }
  return index.words.empty();
  // PASS2: b.cpp:[[@LINE-3]]:15: warning: 'word' may not live long enough: 'index.words' still refers to it [borrow-dangling-reference]
  // PASS2: b.cpp:[[@LINE-3]]:3: note: destroyed here (end of scope)
  // PASS2: b.cpp:[[@LINE-3]]:10: note: later used here
}
