//===- Loan.h - Borrows of places and the values that hold them -*- C++ -*-===//
//
// A Loan is one borrow of a Place: `&x`, binding `const T &r = x`,
// `v.data()`, `s.c_str()`, a string_view of a string, a lambda capturing `x`
// by reference. An Origin is a value that may hold loans: a reference,
// pointer, iterator, view, lambda, or an aggregate or container of those.
// Each pointer-like place (a variable, `this->view`, `excerpt.part` folded
// into `excerpt`) and each pointer-like expression has one.
//
// The bug the dangling rules look for is an origin that holds a loan of a
// place that no longer exists; the conflicting-borrow rule, one whose place
// was mutated in a way that invalidates it.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_LOAN_H
#define BORROW_LOAN_H

#include "borrow/Place.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace borrow {

using LoanID = unsigned;
using OriginID = unsigned;

struct Loan {
  /// The borrowed place.
  PlaceID Borrowed;
  /// Where the borrow happens, for "borrowed here".
  const clang::Stmt *Site;
  /// A borrow of what the place owns (`v[0]`, `v.data()`, `s.c_str()`)
  /// rather than of the place itself (`&v`): growing `v` invalidates the
  /// first kind only.
  bool Contents;
  /// Stands for what a reference or pointer parameter refers to when the
  /// function is entered (only ever read by summaries). A placeholder of a
  /// Deref place (`*p`) stands for what the argument's value points to.
  bool Placeholder;
  /// The borrow is an iterator (`v.begin()`, `m.find(k)`), which some
  /// mutations invalidate while references stay valid.
  bool Iterator = false;
  /// Borrowed, seen through reference variables bound to a place
  /// (`auto &r = c.items;` makes `r[0]` a borrow of `c.items`' contents):
  /// what mutations of the original place are matched against.
  PlaceID Target = 0;
};

class LoanTable {
public:
  LoanID add(Loan L) {
    Loans.push_back(L);
    return Loans.size() - 1;
  }
  const Loan &get(LoanID ID) const { return Loans[ID]; }
  void markIterator(LoanID ID) { Loans[ID].Iterator = true; }
  unsigned size() const { return Loans.size(); }

private:
  llvm::SmallVector<Loan, 16> Loans;
};

class OriginTable {
public:
  /// An origin nothing flows into: assigning it empties another.
  static constexpr OriginID Empty = 0;
  OriginTable() { Places.push_back(std::nullopt); }

  /// The origin of the pointer-like place \p P.
  OriginID ofPlace(PlaceID P) {
    auto [It, Inserted] = ByPlace.try_emplace(P, Places.size());
    if (Inserted)
      Places.push_back(P);
    return It->second;
  }
  /// What the reference variable \p Ref refers to. (The origin of the place
  /// `Ref` is the value stored in that object, like for any other place.)
  OriginID ofReferent(const clang::ValueDecl *Ref) {
    auto [It, Inserted] = ByReferent.try_emplace(Ref, Places.size());
    if (Inserted) {
      Places.push_back(std::nullopt);
      Referents[It->second] = Ref;
    }
    return It->second;
  }
  /// The reference variable whose referent \p O is, if it is one.
  const clang::ValueDecl *referentOf(OriginID O) const {
    return Referents.lookup(O);
  }
  std::optional<OriginID> lookupReferent(const clang::ValueDecl *Ref) const {
    auto It = ByReferent.find(Ref);
    if (It == ByReferent.end())
      return std::nullopt;
    return It->second;
  }
  /// The origin of an expression's value, created on first request.
  OriginID ofExpr(const clang::Stmt *E) {
    auto [It, Inserted] = ByExpr.try_emplace(E, Places.size());
    if (Inserted)
      Places.push_back(std::nullopt);
    return It->second;
  }
  std::optional<OriginID> lookupExpr(const clang::Stmt *E) const {
    auto It = ByExpr.find(E);
    if (It == ByExpr.end())
      return std::nullopt;
    return It->second;
  }
  std::optional<OriginID> lookupPlace(PlaceID P) const {
    auto It = ByPlace.find(P);
    if (It == ByPlace.end())
      return std::nullopt;
    return It->second;
  }
  /// The place an origin belongs to, if it is a place's.
  std::optional<PlaceID> placeOf(OriginID O) const { return Places[O]; }
  unsigned size() const { return Places.size(); }

private:
  llvm::SmallVector<std::optional<PlaceID>, 16> Places;
  llvm::DenseMap<PlaceID, OriginID> ByPlace;
  llvm::DenseMap<const clang::Stmt *, OriginID> ByExpr;
  llvm::DenseMap<const clang::ValueDecl *, OriginID> ByReferent;
  llvm::DenseMap<OriginID, const clang::ValueDecl *> Referents;
};

} // namespace borrow

#endif // BORROW_LOAN_H
