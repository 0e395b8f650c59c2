//===- Invalidation.h - Which mutations invalidate which borrows -*- C++
//-*-===//
//
// A mutation of an object can leave borrows into it dangling while the
// object itself lives on: `v.push_back(x)` may reallocate the elements `&v[0]`
// pointed to, `m.erase(it)` destroys the node `it` refers to, `opt.reset()`
// destroys the value `*opt` referred to. Each std family has a table of its
// members and what they invalidate, exact to the standard where the analysis
// can be (InvalidationModels.cpp); user functions invalidate what their
// bodies do, through their Summary.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_INVALIDATION_H
#define BORROW_INVALIDATION_H

#include "llvm/ADT/StringRef.h"

namespace clang {
class CXXMethodDecl;
class CXXRecordDecl;
} // namespace clang

namespace borrow {

/// Which borrows of an object a mutation invalidates.
enum class InvalidationScope : unsigned char {
  None,
  /// Iterators into what the object owns, not references or pointers:
  /// `deque::push_back`, an insertion into an unordered container (rehash).
  Iterators,
  /// Every borrow of what the object owns: its elements, iterators, data(),
  /// the value of an optional or the pointee of a unique_ptr.
  Contents,
  /// Only the element the iterator argument refers to: `erase(it)` on a
  /// node-based container, and on a vector (then also later elements).
  Element,
  /// Every borrow of the object and of anything in it. Rust's exclusivity
  /// (Mode: Rust) and the destruction of the object (`delete p`).
  Whole,
};

/// What a call does to the borrows of its object.
/// One byte: every Invalidate fact carries one.
struct Invalidation {
  constexpr Invalidation(InvalidationScope Scope = InvalidationScope::None,
                         bool Grows = false, bool Rehashes = false)
      : Scope(Scope), Grows(Grows), Rehashes(Rehashes) {}

  InvalidationScope Scope : 3;
  /// It may grow the storage: "may reallocate" (or "may rehash").
  bool Grows : 1;
  /// The kind of storage growth: true for unordered containers.
  bool Rehashes : 1;

  bool any() const { return Scope != InvalidationScope::None; }
};

/// What calling the std member \p Method does to its object's borrows;
/// Scope None for members that invalidate nothing and for types without a
/// model.
Invalidation invalidationOf(const clang::CXXMethodDecl *Method);

/// What moving from an object of the std class \p Record does to borrows
/// of its contents: only std::basic_string's characters may move with it
/// (the small-string buffer). A moved-from vector's elements, a moved-from
/// unique_ptr's pointee, live on in the new owner.
Invalidation invalidationOfMove(const clang::CXXRecordDecl *Record);

} // namespace borrow

#endif // BORROW_INVALIDATION_H
