// RUN: %check_borrow_tidy %s borrow-use-after-move %t

#include <string>
#include <utility>
#include <vector>

template <typename T> void consume(T &&);

// One warning, although the template is instantiated twice.
template <typename T> void twice(T value) {
  T other = std::move(value);
  consume(value);
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'value' used after it was moved [borrow-use-after-move]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: moved here
}

template <typename T> struct Box {
  T item;
  T take() { return std::move(item); }
  void moveTwice() {
    T a = std::move(item);
    T b = std::move(item);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'item' used after it was moved [borrow-use-after-move]
    // CHECK-MESSAGES: :[[@LINE-3]]:11: note: moved here
  }
};

// Only trivially copyable instantiations: a move is a copy, nothing to say.
template <typename T> T copyish(T v) {
  T w = std::move(v);
  return v + w;
}

// Never instantiated: dependent code is not analysed.
template <typename T> void uninstantiated(T v) {
  T w = std::move(v);
  consume(v);
}

void instantiate() {
  twice(std::string("a"));
  twice(std::vector<int>{1});
  Box<std::string> b;
  b.moveTwice();
  Box<std::vector<int>> c;
  c.moveTwice();
  (void)copyish(1);
  (void)copyish(2.0);
}
