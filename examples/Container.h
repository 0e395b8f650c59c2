// A small container in the style of the Rust Book's Vec examples (8.1):
// `get` returns a borrow into the storage, `add` may reallocate it.
#pragma once
#include <cstddef>
#include <vector>

template <typename T> class Container {
public:
  void add(const T &item) { items.push_back(item); }
  const T *get(std::size_t i) const { return &items[i]; }
  T *get_mut(std::size_t i) { return &items[i]; }
  std::size_t size() const { return items.size(); }

private:
  std::vector<T> items;
};
