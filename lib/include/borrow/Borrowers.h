//===- Borrowers.h - Which types own, point, or hold borrows ----*- C++ -*-===//
//
// The loan analysis needs to know, for a type:
//   - Owner: destroying or mutating the object affects what it owns
//     (std::vector, std::string, std::optional, std::unique_ptr, and any
//     class marked [[gsl::Owner]]);
//   - Pointer: its value refers to another object (raw pointers, iterators,
//     std::string_view, std::span, std::reference_wrapper, [[gsl::Pointer]]);
//   - holds borrows: a value of the type can carry loans at all: references,
//     Pointers, lambdas capturing by reference, std::function, aggregates and
//     std containers whose elements hold borrows (ImportantExcerpt with its
//     string_view, std::vector<std::string_view>), classes seen capturing
//     a borrow through [[clang::lifetime_capture_by(this)]].
// Answers are cached. One instance serves a translation unit; each function
// reads it through an instance of its own, which keeps the function's marks
// (a mark is seen at a call in that function, and is that function's
// business only), so that what one function finds never depends on which
// functions were analysed before it.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_BORROWERS_H
#define BORROW_BORROWERS_H

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"

namespace borrow {

class Borrowers {
public:
  Borrowers() = default;
  /// Answers for one function, read from \p Unit (the translation unit's
  /// instance) until the function marks a type. (A pointer, not a
  /// reference: a constructor from Borrowers & would be a copy constructor.)
  explicit Borrowers(Borrowers *Unit) : Unit(Unit) {}

  bool isOwner(clang::QualType T) const;
  bool isPointer(clang::QualType T) const;
  /// True if values of \p T can carry loans (see above).
  bool holdsBorrows(clang::QualType T);
  /// From now on, values of \p T carry loans: a class seen capturing a
  /// borrow through [[clang::lifetime_capture_by(this)]]. (Found at the
  /// call rather than by reading every method of every class, which in
  /// clangd would deserialise the preamble's classes.)
  void markHoldsBorrows(clang::QualType T);

private:
  /// What holdsBorrows() answers for a type seen \p Depth levels into the
  /// one asked about.
  bool compute(clang::QualType T, unsigned Depth);

  Borrowers *Unit = nullptr;
  bool Marked = false;
  /// Yes and No are answers (a mark is a Yes). Working: the type's answer
  /// is being worked out; one reached again while it is (a class holding a
  /// vector of itself) counts as No for now, and so may everything that
  /// read it: those stay Working until the type asked about has its answer.
  /// If that is No, they are No too; if Yes, they are looked at again when
  /// asked.
  enum class Entry : uint8_t { No, Yes, Working };
  llvm::DenseMap<const clang::Type *, Entry> Cache;
  llvm::SmallVector<const clang::Type *, 8> Unsettled;
  /// Answers that read a Working entry or a cut so far.
  unsigned Doubts = 0;
  /// Set when a type nested deeper than anyone writes was cut short: the
  /// Noes waiting on it are not answers to keep.
  bool Cut = false;
};

} // namespace borrow

#endif // BORROW_BORROWERS_H
