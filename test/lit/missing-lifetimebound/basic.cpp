// A function whose result borrows from a parameter or *this, declared in a
// header without [[clang::lifetimebound]]: the header gets the attribute.
//
// RUN: rm -rf %t && mkdir -p %t && cp %S/Inputs/lib.h %S/Inputs/caller.cpp %t
// RUN: cp %s %t/basic.cpp
// RUN: %clang_tidy --load=%plugin --checks='-*,borrow-missing-lifetimebound' \
// RUN:   --header-filter='.*' --quiet %t/basic.cpp -- -std=c++20 -I%t 2>&1 \
// RUN:   | FileCheck %s --implicit-check-not='{{warning|note|error}}:'
//
// Before the fix, clang says nothing about the caller; after it, -Wdangling
// catches every dangling call, without borrow-tidy.
// RUN: %clangxx -fsyntax-only -std=c++20 -I%t %t/caller.cpp 2>&1 \
// RUN:   | FileCheck %s --check-prefix=BEFORE --allow-empty
// RUN: %clang_tidy --load=%plugin --checks='-*,borrow-missing-lifetimebound' \
// RUN:   --header-filter='.*' --quiet --fix %t/basic.cpp -- -std=c++20 -I%t > /dev/null 2>&1
// RUN: FileCheck %s --input-file=%t/lib.h --check-prefix=FIXED \
// RUN:   --match-full-lines --strict-whitespace
// RUN: %clangxx -fsyntax-only -std=c++20 -I%t %t/caller.cpp 2>&1 \
// RUN:   | FileCheck %s --check-prefix=AFTER
//
// The fixed header compiles, and a second run has nothing left to say.
// RUN: %clang_tidy --load=%plugin --checks='-*,borrow-missing-lifetimebound' \
// RUN:   --header-filter='.*' --quiet %t/basic.cpp -- -std=c++20 -I%t 2>&1 \
// RUN:   | FileCheck %s --check-prefix=AGAIN --implicit-check-not='{{warning|note|error}}:'

#include "lib.h"

const std::string &get(const std::string &s) { return s; }
// CHECK: lib.h:6:43: warning: the result of 'get' borrows from parameter 's', which is not marked {{\[\[clang::lifetimebound\]\]}} [borrow-missing-lifetimebound]
// CHECK: basic.cpp:[[@LINE-2]]:20: note: the result borrows it in this definition
// FIXED:const std::string &get(const std::string &s {{\[\[clang::lifetimebound\]\]}});

const int *Container::at(unsigned i) const { return &items[i]; }
// CHECK: lib.h:10:14: warning: the result of 'at' borrows from '*this', but 'at' is not marked {{\[\[clang::lifetimebound\]\]}} [borrow-missing-lifetimebound]
// CHECK: basic.cpp:[[@LINE-2]]:54: note: borrowed here
// FIXED:  const int *at(unsigned i) const {{\[\[clang::lifetimebound\]\]}};

const int &Container::ref(unsigned i) const & noexcept { return items[i]; }
// CHECK: lib.h:11:14: warning: the result of 'ref' borrows from '*this'
// CHECK: basic.cpp:[[@LINE-2]]:65: note: borrowed here
// FIXED-NEXT:  const int &ref(unsigned i) const & noexcept {{\[\[clang::lifetimebound\]\]}};

auto Container::last() const -> const int & { return items.back(); }
// CHECK: lib.h:12:8: warning: the result of 'last' borrows from '*this'
// CHECK: note: borrowed here
// FIXED-NEXT:  auto last() const {{\[\[clang::lifetimebound\]\]}} -> const int &;

const int *Container::marked(unsigned i) const { return &items[i]; }

// A view or pointer passed by value: clang binds the result to what it
// points to, which is what the function does.
std::string_view trim(std::string_view v) { return v.substr(1); }
// CHECK: lib.h:16:40: warning: the result of 'trim' points where parameter 'v' points, which is not marked {{\[\[clang::lifetimebound\]\]}} [borrow-missing-lifetimebound]
// CHECK: basic.cpp:[[@LINE-2]]:18: note: the result borrows it in this definition
// FIXED:std::string_view trim(std::string_view v {{\[\[clang::lifetimebound\]\]}});

const char *skip(const char *p, char c) {
  while (*p == c)
    ++p;
  return p;
}
// CHECK: lib.h:17:30: warning: the result of 'skip' points where parameter 'p' points
// CHECK: note: the result borrows it in this definition
// FIXED-NEXT:const char *skip(const char *p {{\[\[clang::lifetimebound\]\]}}, char c);

const std::string &unnamed(const std::string &s) { return s; }
// CHECK: lib.h:18:47: warning: the result of 'unnamed' borrows from parameter 1, which is not marked {{\[\[clang::lifetimebound\]\]}} [borrow-missing-lifetimebound]
// CHECK: lib.h:18:47: note: name the parameter to mark it: an unnamed parameter cannot carry the attribute
// CHECK: basic.cpp:[[@LINE-3]]:20: note: the result borrows it in this definition
// FIXED-NEXT:const std::string &unnamed(const std::string &);

const std::string &longest(const std::string &a, const std::string &b) {
  return a.size() >= b.size() ? a : b;
}
// CHECK: lib.h:19:47: warning: the result of 'longest' borrows from parameter 'a'
// CHECK: note: the result borrows it in this definition
// CHECK: lib.h:19:69: warning: the result of 'longest' borrows from parameter 'b'
// CHECK: note: the result borrows it in this definition
// FIXED-NEXT:const std::string &longest(const std::string &a {{\[\[clang::lifetimebound\]\]}}, const std::string &b {{\[\[clang::lifetimebound\]\]}});

// A template of the header, through its instantiation here.
int useIdentity() { return identity(1); }
// CHECK: lib.h:21:47: warning: the result of 'identity' borrows from parameter 'x'
// FIXED:template <class T> const T &identity(const T &x {{\[\[clang::lifetimebound\]\]}}) { return x; }

// Negatives.
const std::string &annotated(const std::string &s) { return s; }
std::string copy(const std::string &s) { return s; }
std::string someName;
const std::string &globalName(const std::string &s) { return someName; }
const char *fromReference(const char *const &p) { return p; }
// clang already knows an assignment returns *this.
Counter &Counter::operator=(const Counter &other) {
  n = other.n;
  return *this;
}
Counter &Counter::operator+=(int k) {
  n += k;
  return *this;
}
// `T` is a pointer here, a number elsewhere: nothing to say about `T`.
int *usePassThrough(int *p) { return passThrough(p); }
const std::string &Location::file() const { return files[index]; }
template <class T> const T &valueOf(const NamedArg<T> &a) { return a.value; }
int useValueOf(const NamedArg<int> &a) { return valueOf(a); }
Node *following(const Node *n) { return n->next(); }

// Only this file declares it: no other translation unit calls it.
const std::string &local(const std::string &s) { return s; }

// Through a pointer parameter, the callee's *this is where the pointer
// points.
const Chain &Chain::self() const { return *this; }
// CHECK: lib.h:55:16: warning: the result of 'self' borrows from '*this', but 'self' is not marked {{\[\[clang::lifetimebound\]\]}} [borrow-missing-lifetimebound]
// CHECK: basic.cpp:[[@LINE-2]]:43: note: borrowed here
// FIXED:  const Chain &self() const {{\[\[clang::lifetimebound\]\]}};
const Chain *selfOf(const Chain *c) { return &c->self(); }
// CHECK: lib.h:57:34: warning: the result of 'selfOf' points where parameter 'c' points, which is not marked {{\[\[clang::lifetimebound\]\]}} [borrow-missing-lifetimebound]
// CHECK: basic.cpp:[[@LINE-2]]:14: note: the result borrows it in this definition
// FIXED:const Chain *selfOf(const Chain *c {{\[\[clang::lifetimebound\]\]}});

// BEFORE-NOT: warning

// AFTER: caller.cpp:6:30: warning: temporary bound to local reference 'r' will be destroyed at the end of the full-expression [-Wdangling]
// AFTER: caller.cpp:7:18: warning: temporary whose address is used as value of local variable 'p' will be destroyed at the end of the full-expression [-Wdangling]
// AFTER: caller.cpp:8:29: warning: object backing the pointer will be destroyed at the end of the full-expression [-Wdangling-gsl]

// AGAIN-NOT: warning: the result of '{{get|at|ref|last|trim|skip|longest|identity}}'
// AGAIN: warning: the result of 'unnamed' borrows from parameter 1
// AGAIN: note: name the parameter
// AGAIN: note: the result borrows it in this definition
