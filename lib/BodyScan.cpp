//===- BodyScan.cpp -------------------------------------------------------===//

#include "borrow/BodyScan.h"
#include "borrow/ExprPlaces.h"
#include "borrow/Invalidation.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/ScopeExit.h"

using namespace clang;

namespace borrow {

static bool callMayMove(const Expr *E, const SummaryTable &Summaries) {
  const FunctionDecl *Callee = nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(E))
    Callee = Call->getDirectCallee();
  else if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
    Callee = CE->getConstructor();
  if (!Callee)
    return false;
  const Summary *S = Summaries.lookupCall(E, Callee);
  return S && !S->Moves.empty();
}

static bool mayInvalidate(const Stmt *S, const SummaryTable &Summaries,
                          const Config &Cfg) {
  if (isa<CXXDeleteExpr>(S))
    return true;
  const auto *Call = dyn_cast<CallExpr>(S);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return false;
  if (invalidationOf(dyn_cast<CXXMethodDecl>(Callee)).any() ||
      isListed(Callee, Cfg.InvalidatingFunctions))
    return true;
  // Mode Rust: two mutable reference arguments may alias.
  if (Cfg.Mode == Config::BorrowMode::Rust) {
    unsigned Mutable =
        isa<CXXMemberCallExpr>(Call) && !cast<CXXMethodDecl>(Callee)->isConst();
    for (const ParmVarDecl *P : Callee->parameters())
      Mutable += P->getType()->isLValueReferenceType() &&
                 !P->getType().getNonReferenceType().isConstQualified();
    if (Mutable >= 2)
      return true;
  }
  const Summary *Sum = Summaries.lookupCall(Call, Callee);
  return Sum && !Sum->Invalidates.empty();
}

static bool mayBorrow(const Stmt *S, Borrowers &Types) {
  if (isa<LambdaExpr>(S))
    return true;
  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    for (const Decl *D : DS->decls())
      if (const auto *V = dyn_cast<VarDecl>(D);
          V && V->hasLocalStorage() && Types.holdsBorrows(V->getType()))
        return true;
    return false;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(S))
    return BO->getOpcode() == BO_Assign &&
           Types.holdsBorrows(BO->getLHS()->getType());
  // `set.insert(name)` into [[clang::lifetime_capture_by(this)]].
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      for (const ParmVarDecl *P : Callee->parameters())
        if (const auto *A = P->getAttr<LifetimeCaptureByAttr>();
            A && !A->isImplicit())
          return true;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(S))
    return Types.holdsBorrows(MC->getImplicitObjectArgument()->getType());
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    return OC->getOperator() == OO_Equal && OC->getNumArgs() == 2 &&
           Types.holdsBorrows(OC->getArg(0)->getType());
  return false;
}

// The type of the temporary a reference bound to \p Init keeps alive (or
// of \p Init itself): through parentheses, cleanups, materialisations, and
// a temporary's bases and members (`const Base &b = Derived();`).
static QualType extendedType(const Expr *Init) {
  while (true) {
    const Expr *Inner = Init->IgnoreParens();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Inner))
      Inner = Cleanups->getSubExpr();
    else if (const auto *Temporary = dyn_cast<MaterializeTemporaryExpr>(Inner))
      Inner = Temporary->getSubExpr();
    else
      Inner = Inner->skipRValueSubobjectAdjustments();
    if (Inner == Init)
      return Init->getType();
    Init = Inner;
  }
}

namespace {
/// Whether destroying a local variable at the end of its scope may not
/// return: its class's destructor, or a member's or a base's, is
/// `[[noreturn]]`. Asked of every declaration; neighbouring ones mostly
/// share a type, so the last answer is kept.
class NoReturnDestructors {
public:
  bool declaredBy(const Stmt *S) {
    const auto *DS = dyn_cast<DeclStmt>(S);
    if (!DS)
      return false;
    for (const Decl *D : DS->decls()) {
      const auto *V = dyn_cast<VarDecl>(D);
      if (!V || !V->hasLocalStorage())
        continue;
      if (mayNotReturn(V->getType()))
        return true;
      // A reference may keep a temporary alive until then.
      const Expr *Init = V->getInit();
      if (Init && V->getType()->isReferenceType() &&
          mayNotReturn(extendedType(Init)))
        return true;
    }
    return false;
  }

private:
  bool mayNotReturn(QualType T) {
    const Type *Asked = T.getTypePtr();
    if (Asked != Last) {
      const auto *Class = T.getNonReferenceType()
                              ->getBaseElementTypeUnsafe()
                              ->getAsCXXRecordDecl();
      Last = Asked;
      LastAnswer =
          Class && Class->hasDefinition() && Class->isAnyDestructorNoReturn();
    }
    return LastAnswer;
  }

  const Type *Last = nullptr;
  bool LastAnswer = false;
};
} // namespace

// True if \p S starts a block of the CFG of the function it is in: an if
// (but not `if constexpr` or `if consteval`, whose untaken branch is not
// built), a loop, a case or default label.
static bool startsBlock(const Stmt *S) {
  if (const auto *If = dyn_cast<IfStmt>(S))
    return !If->isConstexpr() && !If->isConsteval();
  return isa<ForStmt, WhileStmt, DoStmt, CXXForRangeStmt, SwitchCase>(S);
}

BodyTraits scanBody(const FunctionDecl &F, const SummaryTable &Summaries,
                    Borrowers &Types, const Config &Cfg, ExprNesting *Nesting) {
  BodyTraits T;
  NoReturnDestructors NoReturn;
  // The nesting answers questions once the walk is over, however it ends.
  llvm::scope_exit Seal([Recorded = Nesting] {
    if (Recorded)
      Recorded->seal();
  });
  QualType Result = F.getReturnType();
  T.MayBorrow = Result->isReferenceType() || Types.holdsBorrows(Result);
  // A destructor's CFG ends with its members' and bases' destructors.
  if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(&F))
    T.NoReturnDestructor = Dtor->getParent()->isAnyDestructorNoReturn();
  // The body the CFG is built from, where the nesting starts.
  const Stmt *Body = F.getBody();
  const Stmt *CFGBody = Body;
  if (const auto *Coroutine = dyn_cast_or_null<CoroutineBodyStmt>(Body))
    CFGBody = Coroutine->getBody();
  struct Item {
    const Stmt *S;
    /// Inside a lambda's body (whose CFG is the lambda's, not this
    /// function's).
    bool InLambda;
    /// Inside the body the CFG is built from, and the closest ancestor
    /// there that is no ExprWithCleanups (see ExprNesting::visit).
    bool InCFGBody;
    const Stmt *Parent;
  };
  llvm::SmallVector<Item, 64> Work{{Body, false, Body == CFGBody, nullptr}};
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&F))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Work.push_back({Init->getInit(), false, true, nullptr});
  while (!Work.empty()) {
    auto [S, InLambda, InCFGBody, Parent] = Work.pop_back_val();
    if (!S)
      continue;
    InCFGBody = InCFGBody || S == CFGBody;
    if (Nesting && InCFGBody) {
      const Expr *Source;
      Parent = Nesting->visit(S, Parent, Source);
      if (Source)
        Work.push_back({Source, InLambda, true, Parent});
    }
    if (!InLambda && startsBlock(S))
      ++T.Branches;
    // Over the block budget, no CFG will be built: the nesting is not needed.
    if (T.Branches > Cfg.MaxBlocksPerFunction)
      Nesting = nullptr;
    if (const auto *E = dyn_cast<Expr>(S)) {
      if (E->containsErrors()) {
        T.HasErrors = true;
        return T;
      }
      T.MayMove =
          T.MayMove || ExprPlaces::movedOperand(E) || callMayMove(E, Summaries);
    }
    T.MayBorrow = T.MayBorrow || mayBorrow(S, Types);
    T.MayInvalidate = T.MayInvalidate || mayInvalidate(S, Summaries, Cfg);
    T.NoReturnDestructor = T.NoReturnDestructor || NoReturn.declaredBy(S);
    bool ChildrenInLambda = InLambda || isa<LambdaExpr>(S);
    for (const Stmt *Child : S->children())
      Work.push_back({Child, ChildrenInLambda, InCFGBody, Parent});
  }
  return T;
}

} // namespace borrow
