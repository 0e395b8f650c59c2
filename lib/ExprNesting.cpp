//===- ExprNesting.cpp ----------------------------------------------------===//

#include "borrow/ExprNesting.h"
#include "borrow/ExprPlaces.h"
#include "clang/AST/ExprCXX.h"

using namespace clang;

namespace borrow {

bool ExprNesting::endsFullExpression(const Stmt *S) const {
  if (isa<DeclStmt, ReturnStmt>(S))
    return true;
  const auto *E = dyn_cast<Expr>(S);
  return E && FullExpressions.contains(E);
}

static bool continuesFullExpression(const Stmt *Parent) {
  return isa_and_nonnull<Expr, DeclStmt, ReturnStmt>(Parent);
}

const Stmt *ExprNesting::visit(const Stmt *S, const Stmt *Parent,
                               const Expr *&Source) {
  Source = nullptr;
  if (const auto *E = dyn_cast<Expr>(S)) {
    if (!continuesFullExpression(Parent))
      FullExpressions.insert(E);
    if (const Expr *Base = ExprPlaces::projectedBase(E))
      PlaceBases.insert(Base);
  }
  if (const auto *Opaque = dyn_cast<OpaqueValueExpr>(S))
    if (const Expr *From = Opaque->getSourceExpr();
        From && Sources.insert(From).second)
      Source = From;
  return isa<ExprWithCleanups>(S) ? Parent : S;
}

} // namespace borrow
