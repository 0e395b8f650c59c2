// A function that mutates what it is given is summarised; its callers are
// checked against the summary.
// RUN: %check_borrow_tidy %s borrow-conflicting-borrow %t

#include <string>
#include <vector>

void use(int);

template <typename T> class Container {
public:
  const T *get(int i) const { return &items[i]; }
  T *get_mut(int i) { return &items[i]; }
  void add(T x) { items.push_back(x); }
  void addTwice(T x) {
    add(x);
    add(x);
  }
  int size() const { return int(items.size()); }
  void touch() { ++version; }

private:
  std::vector<T> items;
  int version = 0;
};

void viaMethods() {
  Container<int> c;
  c.add(1);
  const int *item = c.get(0);
  c.add(73);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'item' borrows 'c.items', which 'add' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:21: note: borrow of 'c.items' occurs here
  // CHECK-MESSAGES: :[[@LINE-20]]:19: note: 'add' may reallocate it through this call to 'push_back'
  use(*item);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void twoLevelsDeep(Container<int> &c) {
  int *slot = c.get_mut(0);
  c.addTwice(2);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'slot' borrows 'c.items', which 'addTwice' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:15: note: borrow of 'c.items' occurs here
  // CHECK-MESSAGES: :[[@LINE-30]]:19: note: 'addTwice' may reallocate it through this call to 'push_back'
  use(*slot);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void appendTo(std::string &out, const char *s) { out += s; }

void freeFunction(std::string &text) {
  const char *start = text.c_str();
  appendTo(text, "!");
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'start' borrows 'text', which 'appendTo' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:23: note: borrow of 'text' occurs here
  // CHECK-MESSAGES: :[[@LINE-7]]:50: note: 'appendTo' may reallocate it through this call to 'operator+='
  use(*start);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

// Silent: the callee does not touch what is borrowed.
void calleesThatDoNotInvalidate(Container<int> &c, std::string &text) {
  const int *item = c.get(0);
  c.touch();
  use(c.size());
  use(*item);
  const char *start = text.c_str();
  use(int(text.size()));
  use(*start);
}


// A virtual call may run any implementation of the translation unit.
class Shape {
public:
  virtual ~Shape() = default;
  virtual void grow(std::vector<int> &v) = 0;
  virtual void measure(std::vector<int> &v) { use(int(v.size())); }
};
class Appender : public Shape {
public:
  void grow(std::vector<int> &v) override { v.push_back(0); }
};
class Counter : public Shape {
public:
  void grow(std::vector<int> &v) override { use(int(v.size())); }
  void measure(std::vector<int> &v) override { use(int(v.capacity())); }
};

void throughVirtual(Shape &shape, std::vector<int> &v) {
  int *first = &v[0];
  shape.grow(v);
  // CHECK-MESSAGES: :[[@LINE-1]]:3: warning: 'first' borrows 'v', which 'grow' may reallocate [borrow-conflicting-borrow]
  // CHECK-MESSAGES: :[[@LINE-3]]:17: note: borrow of 'v' occurs here
  // CHECK-MESSAGES: :[[@LINE-13]]:45: note: 'grow' may reallocate it through this call to 'push_back'
  use(*first);
  // CHECK-MESSAGES: :[[@LINE-1]]:7: note: borrow later used here
}

void noImplementationGrows(Shape &shape, std::vector<int> &v) {
  int *first = &v[0];
  shape.measure(v);
  use(*first);
}

// Counter::grow has no overrider and does not grow.
void knownImplementation(Counter &counter, std::vector<int> &v) {
  int *first = &v[0];
  counter.grow(v);
  use(*first);
}
