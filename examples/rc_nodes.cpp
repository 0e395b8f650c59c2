// The Rust Book, 15.4 "Rc<T>, the Reference Counted Smart Pointer": several
// lists share ownership of a tail. `Rc::clone` is a std::shared_ptr copy;
// moving the shared_ptr instead gives ownership away, like Rust's move.
#include <iostream>
#include <memory>
#include <utility>

struct Node {
  int value;
  std::shared_ptr<Node> next;
};

int main() {
  auto a = std::make_shared<Node>(Node{5, std::make_shared<Node>(Node{10, nullptr})});
  auto b = std::make_shared<Node>(Node{3, a});            // Rc::clone(&a): fine
  auto c = std::make_shared<Node>(Node{4, std::move(a)}); // a moved into c
  std::cout << "count after creating c = " << a.use_count() << '\n'; // fine: 0
  std::cout << a->value << '\n'; // flagged: a is null after the move
  std::cout << b->value << c->value << '\n';
}
