// The Rust Book, 8.1 "Storing Lists of Values with Vectors":
//
//   let first = &v[0];
//   v.push(6);                  // error[E0502]: cannot borrow `v` as mutable
//   println!("{first}");        //   because it is also borrowed as immutable
//
// In C++ `push_back` may reallocate and `first` then dangles.
#include "Container.h"
#include <iostream>

int main() {
  Container<int> c;
  c.add(1);
  const int *first = c.get(0);
  c.add(73); // may reallocate the storage `first` points into
  std::cout << *first << '\n';

  int *slot = c.get_mut(0);
  *slot = 2; // fine: nothing invalidated the borrow
  std::cout << *c.get(0) << c.size() << '\n';
}
