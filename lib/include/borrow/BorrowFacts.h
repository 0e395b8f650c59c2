//===- BorrowFacts.h - Loans, origins and their flows -----------*- C++ -*-===//
//
// The part of fact building that is about borrows. For each CFG element,
// in the order the FactBuilder walks them, it emits:
//   Issue   where a value starts to refer to a place (`&x`, `T &r = x`,
//           `v.data()`, `std::string_view(s)`, `[&x]`, a call whose result
//           borrows an argument by model, summary or [[clang::lifetimebound]]);
//   Flow    where such a value is copied, assigned, returned into a variable,
//           stored into a container or an aggregate;
//   Expire  where a variable's scope or a temporary's full-expression ends;
//   Escape  where a value leaves the function through `return`;
//   Invalidate where a mutation may invalidate borrows of a place
//           (`v.push_back(x)`, a callee whose summary says so; in Mode Rust
//           any mutation), and MutableAlias for `f(x, x)` in Mode Rust.
// Uses of borrowed values are the FactBuilder's Use facts: the loan domain
// reads the origins a used place goes through.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_BORROWFACTS_H
#define BORROW_BORROWFACTS_H

#include "borrow/Borrowers.h"
#include "borrow/Config.h"
#include "borrow/ExprPlaces.h"
#include "borrow/Fact.h"
#include "borrow/Loan.h"
#include "borrow/NearbyKeys.h"
#include "borrow/Summary.h"
#include "clang/Analysis/CFG.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class CallExpr;
class CXXMethodDecl;
class CXXConstructExpr;
class InitListExpr;
class LambdaExpr;
} // namespace clang

namespace borrow {

/// What the loan analysis needs besides the facts: the loans, the origins,
/// and which origins outlive the function (members of `*this`, what
/// reference and pointer parameters refer to, globals).
struct BorrowModel {
  LoanTable Loans;
  OriginTable Origins;
  llvm::SmallVector<OriginID, 4> OutlivingOrigins;
  /// For each Escape fact: does the function return a reference?
  llvm::DenseMap<const clang::Stmt *, bool> ReturnsReference;
};

class BorrowFacts {
public:
  BorrowFacts(FunctionFacts &Facts, const unsigned &Block, ExprPlaces &Exprs,
              PlaceTable &Places, BorrowModel &Model, Borrowers &Types,
              const SummaryTable &Summaries, const clang::FunctionDecl &F,
              const ExprNesting &Nesting, const Config &Cfg);

  /// The parameters' placeholder loans; call in the entry block.
  void enterFunction();
  void visitStmt(const clang::Stmt *S);
  void visitLifetimeEnds(const clang::CFGLifetimeEnds &E);
  /// Ends the temporaries whose full-expression \p S completes.
  void afterStmt(const clang::Stmt *S);
  /// Records which origins outlive the function; call after the walk.
  void finish();

private:
  /// Where the loans of a value come from: origins it copies, loans it
  /// takes. Maybe items hold on some paths only (one arm of `c ? a : b`).
  struct Sources {
    struct Item {
      bool IsLoan;
      unsigned ID;
      bool Maybe;
    };
    llvm::SmallVector<Item, 4> Items;
    void addOrigin(OriginID O) { Items.push_back({false, O, false}); }
    void addLoan(LoanID L) { Items.push_back({true, L, false}); }
    void append(const Sources &O) {
      Items.append(O.Items.begin(), O.Items.end());
    }
    void markMaybe() {
      for (Item &I : Items)
        I.Maybe = true;
    }
    bool empty() const { return Items.empty(); }
  };

  Sources borrowOf(const clang::Expr *GLValue, bool Contents);
  Sources borrowOfPlace(PlaceID P, const clang::Stmt *Site, bool Contents);
  Sources valueOf(const clang::Expr *E);
  Sources valueOfPlace(PlaceID P);
  Sources argumentBorrow(const clang::Expr *Arg, clang::QualType ParamType,
                         bool Contents);
  void mapPart(Sources &Out, const clang::Expr *Arg, const BorrowedPart &Part);
  void mapObjectPart(Sources &Out, const clang::CallExpr *Call,
                     const clang::Expr *Object, const BorrowedPart &Part);

  void visitDeclStmt(const clang::DeclStmt *DS);
  void visitCall(const clang::CallExpr *Call);
  void visitConstruct(const clang::CXXConstructExpr *CE);
  void visitInitList(const clang::InitListExpr *ILE);
  void visitLambda(const clang::LambdaExpr *L);
  void visitReturn(const clang::ReturnStmt *RS);
  void assign(const clang::Expr *LHS, const clang::Expr *RHS);
  /// The object a member call is made on, as a place.
  std::optional<PlaceID> objectPlaceOf(const clang::CallExpr *Call,
                                       const clang::Expr *Object);
  /// The caller's place of a callee's parameter (or `*this`) part.
  std::optional<PlaceID>
  callerPlaceOf(unsigned Param, llvm::ArrayRef<const clang::FieldDecl *> Fields,
                const clang::CallExpr *Call, const clang::Expr *Object,
                llvm::ArrayRef<const clang::Expr *> Args);
  /// What the callee's summary says it stores where the caller sees it.
  void applyCaptures(const Summary &Sum, const clang::CallExpr *Call,
                     const clang::Expr *Object,
                     llvm::ArrayRef<const clang::Expr *> Args);
  /// [[clang::lifetime_capture_by]] parameters of \p Callee.
  void captureArguments(const clang::CallExpr *Call,
                        const clang::FunctionDecl *Callee,
                        const clang::Expr *Object,
                        llvm::ArrayRef<const clang::Expr *> Args);
  void storeInto(const clang::Expr *Container,
                 const clang::CXXMethodDecl *Method,
                 llvm::ArrayRef<const clang::Expr *> Args);
  /// The Invalidate facts of a call: std models, the InvalidatingFunctions
  /// option, the callee's summary, and in Mode Rust every mutable borrow.
  void invalidateByCall(const clang::CallExpr *Call,
                        const clang::FunctionDecl *Callee,
                        const clang::Expr *Object,
                        llvm::ArrayRef<const clang::Expr *> Args);
  void invalidate(PlaceID P, Invalidation What, const clang::Stmt *Site,
                  const clang::FunctionDecl *Via,
                  const clang::Stmt *ViaSite = nullptr,
                  const clang::Expr *Element = nullptr,
                  llvm::StringRef ViaSiteElsewhere = {});
  /// \p P seen through the reference variables its root is bound to.
  PlaceID targetOf(PlaceID P, unsigned Depth = 0);

  OriginID originOf(PlaceID P) { return Model.Origins.ofPlace(P); }
  void flowInto(OriginID Dst, const Sources &S, bool Kill,
                const clang::Stmt *Site);
  void killPlace(PlaceID P, const clang::Stmt *Site);
  LoanID loan(PlaceID P, const clang::Stmt *Site, bool Contents,
              bool Placeholder = false);
  Fact &emit(Fact F);

  FunctionFacts &Facts;
  const unsigned &Block;
  ExprPlaces &Exprs;
  PlaceTable &Places;
  BorrowModel &Model;
  Borrowers &Types;
  const SummaryTable &Summaries;
  const clang::FunctionDecl &Fn;
  const ExprNesting &Nesting;
  const Config &Cfg;

  /// Loans by (site, place, contents), so a site borrows once.
  NearbyKeyMap<LoanID, const clang::Stmt *, PlaceID, unsigned> LoanAt;
  /// Temporaries borrowed in the current full-expression.
  llvm::SmallVector<PlaceID, 4> PendingTemporaries;
  /// Temporaries whose lifetime a variable extends.
  llvm::DenseMap<const clang::ValueDecl *, llvm::SmallVector<PlaceID, 1>>
      Extended;
};

} // namespace borrow

#endif // BORROW_BORROWFACTS_H
