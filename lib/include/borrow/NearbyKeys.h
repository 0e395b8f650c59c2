//===- NearbyKeys.h - Hash tables that keep nearby keys nearby --*- C++ -*-===//
//
// The fact builder interns places and loans in hash tables keyed by tuples
// of AST pointers and IDs. DenseMap mixes the members' hashes, which sends
// each key to a random cache line: in a function of 10^5 statements, whose
// tables no longer fit in the cache, every lookup is a miss. The pointer
// and ID hashes on their own keep order (declarations are allocated in
// source order, IDs are given in visiting order), so NearbyKeyInfo adds
// them up instead: keys made close together stay close together. Equal
// sums are told apart by probing, as any collision.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_NEARBYKEYS_H
#define BORROW_NEARBYKEYS_H

#include "llvm/ADT/DenseMap.h"
#include <tuple>

namespace borrow {

template <typename... Ts> struct NearbyKeyInfo {
  using Key = std::tuple<Ts...>;
  static Key getEmptyKey() {
    return {llvm::DenseMapInfo<Ts>::getEmptyKey()...};
  }
  static Key getTombstoneKey() {
    return {llvm::DenseMapInfo<Ts>::getTombstoneKey()...};
  }
  static unsigned getHashValue(const Key &K) {
    return std::apply(
        [](const Ts &...Member) {
          return (0u + ... + llvm::DenseMapInfo<Ts>::getHashValue(Member));
        },
        K);
  }
  static bool isEqual(const Key &A, const Key &B) { return A == B; }
};

/// A DenseMap from (Ts...) to \p Value whose lookups keep their locality.
template <typename Value, typename... Ts>
using NearbyKeyMap =
    llvm::DenseMap<std::tuple<Ts...>, Value, NearbyKeyInfo<Ts...>>;

} // namespace borrow

#endif // BORROW_NEARBYKEYS_H
