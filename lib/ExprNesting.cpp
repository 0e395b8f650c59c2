//===- ExprNesting.cpp ----------------------------------------------------===//

#include "borrow/ExprNesting.h"
#include "borrow/ExprPlaces.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/SmallVector.h"

using namespace clang;

namespace borrow {

ExprNesting::ExprNesting(const FunctionDecl &F, const Stmt *Body) {
  walk(Body);
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&F))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      walk(Init->getInit());
}

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

void ExprNesting::walk(const Stmt *Root) {
  struct Item {
    const Stmt *S;
    const Stmt *Parent;
  };
  // An explicit stack: bodies nest deeper than the call stack allows.
  llvm::SmallVector<Item, 64> Stack;
  if (Root)
    Stack.push_back({Root, nullptr});
  while (!Stack.empty()) {
    Item Top = Stack.pop_back_val();
    const Expr *Source;
    const Stmt *Parent = visit(Top.S, Top.Parent, Source);
    if (Source)
      Stack.push_back({Source, Parent});
    for (const Stmt *Child : Top.S->children())
      if (Child)
        Stack.push_back({Child, Parent});
  }
}

} // namespace borrow
