//===- AddressSet.h - Addresses recorded once, then asked -------*- C++ -*-===//
//
// The expressions one walk of a long body records and the walk of its CFG
// asks about. A hash set of them spreads a function of 10^5 statements over
// megabytes, and each question costs a cache miss there. Kept in a sorted
// array instead, and searched from where the last question was answered,
// the answers lie in about the order the CFG asks for them (clang
// allocates a body's expressions in source order).
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_ADDRESSSET_H
#define BORROW_ADDRESSSET_H

#include <cstddef>
#include <vector>

namespace borrow {

class AddressSet {
public:
  void insert(const void *P) { Items.push_back(P); }
  /// Sorts what was inserted: contains() only answers after it.
  void seal();
  bool contains(const void *P) const;

private:
  std::vector<const void *> Items;
  /// Where the last search ended.
  mutable size_t Finger = 0;
};

} // namespace borrow

#endif // BORROW_ADDRESSSET_H
