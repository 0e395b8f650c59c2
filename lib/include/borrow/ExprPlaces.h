//===- ExprPlaces.h - Which place an expression denotes ---------*- C++ -*-===//
//
// Maps the glvalue expressions of one function body to Places: `s` is the
// variable `s`, `c.items` a field of it, `this->items` a field of `*this`,
// `*p`, `p->x` and `up->x` go through a Deref. Expressions that denote no
// trackable object (globals, array elements, call results) have no place.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_EXPRPLACES_H
#define BORROW_EXPRPLACES_H

#include "borrow/ExprNesting.h"
#include "borrow/Place.h"
#include <optional>

namespace borrow {

class ExprPlaces {
public:
  ExprPlaces(PlaceTable &Places, const ExprNesting &Nesting,
             clang::QualType ThisType)
      : Places(Places), Nesting(Nesting), ThisType(ThisType) {}

  /// The place \p E denotes, looking through parentheses and casts that keep
  /// the object (no-op, derived-to-base).
  std::optional<PlaceID> placeOf(const clang::Expr *E);

  /// True for the expressions that form a place themselves (a variable, a
  /// field access, a dereference), as opposed to the casts around them.
  static bool formsPlace(const clang::Expr *E);

  /// True if \p E forms a place and is not the base of a larger place
  /// expression: in `s.name.size()` that is `s.name`, not `s`.
  bool isOutermostPlace(const clang::Expr *E) const {
    return !Nesting.isPlaceBase(E);
  }

  /// For a place built on another (`s.name`, `*p`, `*it`, `up->x`): that
  /// base, skipping parentheses and object-preserving casts. Null for
  /// anything else.
  static const clang::Expr *projectedBase(const clang::Expr *E);

  /// The place-forming expression inside \p E, skipping parentheses and
  /// object-preserving casts; null if there is none.
  static const clang::Expr *placeExpr(const clang::Expr *E);

  /// For `std::move(x)`, `std::forward<T>(x)` with a non-reference T and
  /// `static_cast<T &&>(x)`: the expression `x`. Null otherwise.
  static const clang::Expr *movedOperand(const clang::Expr *E);

  /// The place `*this`, in a method.
  std::optional<PlaceID> thisPlace() {
    if (ThisType.isNull())
      return std::nullopt;
    return Places.thisObject(ThisType);
  }

  /// The object the pointer expression \p Pointer points to (`*p`).
  std::optional<PlaceID> pointeeOf(const clang::Expr *Pointer);

private:
  PlaceTable &Places;
  const ExprNesting &Nesting;
  clang::QualType ThisType;
};

} // namespace borrow

#endif // BORROW_EXPRPLACES_H
