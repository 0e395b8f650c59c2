// The Rust Book, 15.1 "Using Box<T> to Point to Data on the Heap": a cons
// list. In Rust, `let b = a;` moves the Box and `a` cannot be used again.
// In C++ a moved-from unique_ptr is null, and dereferencing it crashes.
#include <iostream>
#include <memory>
#include <utility>

struct List {
  int value;
  std::unique_ptr<List> next;
};

static std::unique_ptr<List> cons(int value, std::unique_ptr<List> next) {
  return std::make_unique<List>(List{value, std::move(next)});
}

int main() {
  std::unique_ptr<List> a = cons(1, cons(2, cons(3, nullptr)));
  std::unique_ptr<List> b = std::move(a);
  std::cout << a->value << '\n'; // flagged: a is null after the move
  if (a) // testing a moved-from unique_ptr is fine
    std::cout << "never\n";
  std::cout << b->value << '\n';
}
