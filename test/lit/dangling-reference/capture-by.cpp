// [[clang::lifetime_capture_by(X)]]: after the call, X holds what the
// argument borrows. clang's -Wdangling-capture sees temporaries only; the
// scope of a local is followed here too.
// RUN: %check_borrow_tidy %s borrow-dangling-reference %t -- -std=c++20

#include <string>
#include <string_view>
#include <vector>

struct NameSet {
  void insert(std::string_view name [[clang::lifetime_capture_by(this)]]);
  bool contains(std::string_view name) const;
};
void addTo(std::string_view name [[clang::lifetime_capture_by(names)]],
           std::vector<std::string_view> &names);
void addGlobally(std::string_view name [[clang::lifetime_capture_by(global)]],
                 std::vector<std::string_view> &names);
void use(bool);

void localGoesOutOfScope() {
  NameSet set;
  {
    std::string local = "x";
    set.insert(local);
  }
  use(set.contains("x"));
  // CHECK-MESSAGES: :[[@LINE-3]]:16: warning: 'local' does not live long enough: 'set' still refers to it [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: destroyed here (end of scope)
  // CHECK-MESSAGES: :[[@LINE-3]]:7: note: later used here
}

void temporary() {
  NameSet set;
  set.insert(std::string("tmp"));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: temporary destroyed while still borrowed by 'set' [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:32: note: destroyed here (end of full-expression)
  use(set.contains("x"));
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

void capturedByAnotherParameter() {
  std::vector<std::string_view> names;
  addTo(std::string("tmp"), names);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: temporary destroyed while still borrowed by 'names' [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:34: note: destroyed here (end of full-expression)
  use(names.empty());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

void pushTemporaryIntoViews() {
  std::vector<std::string_view> views;
  views.push_back(std::string("tmp"));
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: temporary may be destroyed while still borrowed by 'views' [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:37: note: destroyed here (end of full-expression)
  use(views.empty());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

// Like `std::string_view v = std::string("x");`, a temporary captured by a
// variable is reported even without a later use (so does clang).
void notUsedAfterwards() {
  NameSet set;
  set.insert(std::string("tmp"));
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: temporary destroyed while still borrowed by 'set' [borrow-dangling-reference]
  // CHECK-MESSAGES: :[[@LINE-2]]:32: note: destroyed here (end of full-expression)
}

// Negatives.
void localOutlivesTheUses() {
  NameSet set;
  std::string local = "x";
  set.insert(local);
  use(set.contains("x"));
}


// Captures by `global` or `unknown` are not followed: `names` keeps nothing.
void capturedGlobally() {
  std::vector<std::string_view> names;
  {
    std::string local = "x";
    addGlobally(local, names);
  }
  use(names.empty());
}

void literalsLiveForever() {
  NameSet set;
  set.insert("forever");
  use(set.contains("x"));
}
