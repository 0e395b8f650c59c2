//===- ExprNesting.h - How the expressions of a body nest -------*- C++ -*-===//
//
// The two questions the fact builder asks of an expression's surroundings:
// is this place expression the base of a larger one (`s` in `s.name`, `p`
// in `*p`), and does this expression end a full-expression (where its
// temporaries die)? Both are answered from one walk of the body that keeps
// only the answers, instead of clang's ParentMap, which stores a parent for
// every statement and was the largest single cost on long functions. The
// walk is scanBody's (BodyScan.h): the pass that decides whether a body
// needs analysing records the answers on the way.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_EXPRNESTING_H
#define BORROW_EXPRNESTING_H

#include "borrow/AddressSet.h"
#include "llvm/ADT/DenseSet.h"

namespace clang {
class Expr;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace borrow {

class ExprNesting {
public:
  /// One step of a walk of the body and the initialisers: records \p S,
  /// whose closest ancestor that is no ExprWithCleanups is \p Parent (null
  /// for the body and each initialiser), and returns that ancestor for
  /// \p S's children. An opaque value's source (not among its children) is
  /// set in \p Source the first time the value is seen: the walk visits it
  /// next, as a child.
  const clang::Stmt *visit(const clang::Stmt *S, const clang::Stmt *Parent,
                           const clang::Expr *&Source);
  /// Ends the walk: the questions below are only answered after it.
  void seal() {
    PlaceBases.seal();
    FullExpressions.seal();
  }

  /// True if \p E is, after parentheses and object-preserving casts, the
  /// base of a member access, a dereference or `*`/`->` of a class.
  bool isPlaceBase(const clang::Expr *E) const {
    return PlaceBases.contains(E);
  }

  /// True for a declaration (its initialisers' temporaries live until the
  /// variable is initialised), a return, and an expression whose parent is
  /// neither an expression, a declaration nor a return. The parent is
  /// looked for through ExprWithCleanups: the CFG has no element for it, its
  /// operand ends the full-expression. Expressions outside the walked body
  /// (inside a default argument) end nothing.
  bool endsFullExpression(const clang::Stmt *S) const;

private:
  AddressSet PlaceBases;
  AddressSet FullExpressions;
  /// The opaque values' sources seen: each is walked once, however many
  /// times it is used.
  llvm::DenseSet<const clang::Expr *> Sources;
};

} // namespace borrow

#endif // BORROW_EXPRNESTING_H
