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
// Answers are cached per instance; one instance serves one translation unit.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_BORROWERS_H
#define BORROW_BORROWERS_H

#include "clang/AST/Type.h"
#include "llvm/ADT/DenseMap.h"

namespace borrow {

class Borrowers {
public:
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
  bool compute(clang::QualType T, unsigned Depth);

  llvm::DenseMap<const clang::Type *, bool> Cache;
};

} // namespace borrow

#endif // BORROW_BORROWERS_H
