// A function that keeps a borrow of its argument where its caller can see it
// (a member of *this, an object bound to a reference parameter) is
// summarised: its callers' arguments must outlive the keeper.
// RUN: %check_borrow_tidy %s borrow-dangling-reference %t -- -std=c++20

#include <string>
#include <string_view>
#include <vector>

void use(bool);

class Index {
public:
  void add(std::string_view word) { words.push_back(word); }
  void addRef(const std::string &word) { ptrs.push_back(&word); }
  void addTwice(std::string_view word) {
    add(word);
    add(word);
  }
  void count(std::string_view word) { total += word.size(); }
  bool empty() const { return words.empty(); }

private:
  std::vector<std::string_view> words;
  std::vector<const std::string *> ptrs;
  unsigned long total = 0;
};

void remember(std::vector<std::string_view> &out, std::string_view s) {
  out.push_back(s);
}

void pointee() {
  Index index;
  {
    std::string word = "w";
    index.add(word);
    // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'word' may not live long enough: 'index.words' still refers to it [borrow-dangling-reference]
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: destroyed here (end of scope)
  use(index.empty());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

void reference() {
  Index index;
  {
    std::string word = "w";
    index.addRef(word);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'word' may not live long enough: 'index.ptrs' still refers to it [borrow-dangling-reference]
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: destroyed here (end of scope)
  use(index.empty());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

void twoLevelsDeep() {
  Index index;
  {
    std::string word = "w";
    index.addTwice(word);
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'word' may not live long enough: 'index.words' still refers to it [borrow-dangling-reference]
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: destroyed here (end of scope)
  use(index.empty());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

void intoOutParameter() {
  std::vector<std::string_view> views;
  {
    std::string word = "w";
    remember(views, word);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'word' may not live long enough: 'views' still refers to it [borrow-dangling-reference]
  }
  // CHECK-MESSAGES: :[[@LINE-1]]:3: note: destroyed here (end of scope)
  use(views.empty());
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: later used here
}

// Negatives.
void wordOutlivesTheIndex() {
  Index index;
  std::string word = "w";
  index.add(word);
  use(index.empty());
}

void countKeepsNothing() {
  Index index;
  {
    std::string word = "w";
    index.count(word);
  }
  use(index.empty());
}

void literal() {
  Index index;
  index.add("w");
  use(index.empty());
}

void notUsedAfterTheScope() {
  Index index;
  {
    std::string word = "w";
    index.add(word);
  }
}
