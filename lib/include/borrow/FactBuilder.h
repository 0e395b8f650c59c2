//===- FactBuilder.h - From a CFG to Facts ----------------------*- C++ -*-===//
//
// Walks the elements of a function's CFG (built with every subexpression as
// its own element, in evaluation order) and emits the Facts each one implies.
// What a call does to its arguments comes from CallEffects (attributes,
// summaries, models); this file only knows the shapes of C++ expressions.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_FACTBUILDER_H
#define BORROW_FACTBUILDER_H

#include "borrow/BorrowFacts.h"
#include "borrow/CallEffects.h"
#include "borrow/ExprPlaces.h"
#include "borrow/Fact.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>

namespace clang {
class ASTContext;
class PostOrderCFGView;
class CallExpr;
class CXXConstructExpr;
class LambdaExpr;
} // namespace clang

namespace borrow {

class FactBuilder {
public:
  FactBuilder(const clang::CFG &Cfg, const clang::PostOrderCFGView &Order,
              ExprPlaces &Exprs, PlaceTable &Places, const CallEffects &Effects,
              const clang::ASTContext &Ctx);

  /// Also emit the facts about borrows, into \p Model's loans and origins.
  void trackBorrows(BorrowModel &Model, Borrowers &Types,
                    const SummaryTable &Summaries, const clang::FunctionDecl &F,
                    const ExprNesting &Nesting, const Config &Cfg);

  /// Builds the facts of every block of the CFG.
  FunctionFacts build();

private:
  struct PendingMove {
    PlaceID Place;
    const clang::Stmt *Site;
    unsigned ArgIndex;  ///< in the call's argument list
    unsigned CtorParam; ///< in the moving constructor's parameters
    ArgEffect Effect;
  };

  void visitElement(const clang::CFGElement &E);
  void visitNullTest(const clang::CFGBlock &Block);
  void visitStmt(const clang::Stmt *S,
                 const clang::ConstructionContext *Context);
  void visitPlaceExpr(const clang::Expr *E);
  void visitDeclStmt(const clang::DeclStmt *DS);
  void visitConstruct(const clang::CXXConstructExpr *CE,
                      const clang::ConstructionContext *Context);
  void visitCall(const clang::CallExpr *Call);
  void visitArguments(const clang::Expr *Call,
                      const clang::FunctionDecl *Callee,
                      llvm::ArrayRef<const clang::Expr *> Args,
                      bool RValueParams);
  void visitObject(const clang::CallExpr *Call,
                   const clang::CXXMethodDecl *Method,
                   const clang::Expr *Object, const clang::Expr *ObjectUse);
  void visitAssignment(const clang::Expr *LHS, const clang::Stmt *Site);
  void visitLambda(const clang::LambdaExpr *Lambda);
  void useLambdaCaptures(const clang::Expr *Callable, const clang::Stmt *Site);
  void flushPendingMoves(const clang::Expr *Call,
                         llvm::ArrayRef<const clang::Expr *> Args,
                         const clang::Expr *UnsequencedObject);

  Fact &emit(Fact::Kind K, PlaceID P, const clang::Stmt *Site);
  void applyEffect(const ArgEffect &E, PlaceID P, unsigned Param,
                   const clang::Expr *PlaceE, const clang::Stmt *Site);
  void cancelUse(const clang::Expr *E);
  void useDereferencedPointers(PlaceID Written, const clang::Stmt *Site);
  void emitUnsequencedUses(PlaceID Moved, const clang::Stmt *Root);

  const clang::PostOrderCFGView &Order;
  ExprPlaces &Exprs;
  PlaceTable &Places;
  const CallEffects &Effects;
  const clang::ASTContext &Ctx;

  FunctionFacts Facts;
  unsigned CurrentBlock = 0;
  /// The IDs of the use facts by the expression that forms the used place,
  /// so that a consumer seen later (an assignment, `clear()`) can cancel
  /// them.
  llvm::DenseMap<const clang::Stmt *, unsigned> UseAt;
  /// Moves into by-value parameters happen when the call's arguments are
  /// evaluated, not when each one is: they wait for their call.
  llvm::DenseMap<const clang::Expr *, llvm::SmallVector<PendingMove, 1>>
      PendingMoves;
  /// Variables holding a lambda, to find what it captures by reference.
  llvm::DenseMap<const clang::ValueDecl *, const clang::LambdaExpr *> Lambdas;
  /// The borrow half of the facts, when tracked.
  std::unique_ptr<BorrowFacts> Borrows;
};

} // namespace borrow

#endif // BORROW_FACTBUILDER_H
