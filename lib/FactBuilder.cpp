//===- FactBuilder.cpp ----------------------------------------------------===//

#include "borrow/FactBuilder.h"
#include "borrow/Models.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/ConstructionContext.h"

using namespace clang;

namespace borrow {

// Room for the facts: about one per CFG element in practice.
static unsigned expectedFacts(const CFG &Cfg) {
  unsigned Elements = 0;
  for (const CFGBlock *Block : Cfg)
    Elements += Block->size();
  return Elements;
}

FactBuilder::FactBuilder(const CFG &Cfg, const PostOrderCFGView &Order,
                         ExprPlaces &Exprs, PlaceTable &Places,
                         const CallEffects &Effects, const ASTContext &Ctx)
    : Order(Order), Exprs(Exprs), Places(Places), Effects(Effects), Ctx(Ctx),
      Facts(Cfg.getNumBlockIDs(), expectedFacts(Cfg)) {}

void FactBuilder::trackBorrows(BorrowModel &Model, Borrowers &Types,
                               const SummaryTable &Summaries,
                               const FunctionDecl &F,
                               const ExprNesting &Nesting, const Config &Cfg) {
  Borrows =
      std::make_unique<BorrowFacts>(Facts, CurrentBlock, Exprs, Places, Model,
                                    Types, Summaries, F, Nesting, Cfg);
}

FunctionFacts FactBuilder::build() {
  if (Borrows) {
    CurrentBlock = (*Order.begin())->getBlockID(); // the entry block
    Borrows->enterFunction();
  }
  // Reverse post-order: an operand's block comes before its consumer's, so
  // a consumer can always find (and cancel) the use its operand emitted.
  for (const CFGBlock *Block : Order) {
    CurrentBlock = Block->getBlockID();
    for (const CFGElement &E : *Block)
      visitElement(E);
    visitNullTest(*Block);
  }
  if (Borrows)
    Borrows->finish();
  return std::move(Facts);
}

// The smart pointer place a condition tests against null, and whether the
// condition is true when it is not null: `p`, `!p`, `p != nullptr`,
// `p.get() == nullptr`...
static const Expr *nullTested(const Expr *Cond, bool &NonNullWhenTrue) {
  Cond = Cond->IgnoreParenImpCasts();
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot) {
    const Expr *Inner = nullTested(Not->getSubExpr(), NonNullWhenTrue);
    NonNullWhenTrue = !NonNullWhenTrue;
    return Inner;
  }
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Cond)) {
    // `if (p)` (operator bool) and `p.get()`.
    const CXXMethodDecl *M = Call->getMethodDecl();
    if (M &&
        (isa<CXXConversionDecl>(M) ||
         (M->getIdentifier() && M->getName() == "get")) &&
        isSmartPointer(Call->getImplicitObjectArgument()->getType())) {
      NonNullWhenTrue = true;
      return Call->getImplicitObjectArgument();
    }
    return nullptr;
  }
  const Expr *LHS = nullptr, *RHS = nullptr;
  bool Equal = false;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
      Op && Op->getNumArgs() == 2 &&
      (Op->getOperator() == OO_EqualEqual ||
       Op->getOperator() == OO_ExclaimEqual)) {
    LHS = Op->getArg(0);
    RHS = Op->getArg(1);
    Equal = Op->getOperator() == OO_EqualEqual;
  } else if (const auto *BO = dyn_cast<BinaryOperator>(Cond);
             BO && BO->isEqualityOp()) {
    LHS = BO->getLHS();
    RHS = BO->getRHS();
    Equal = BO->getOpcode() == BO_EQ;
  } else {
    return nullptr;
  }
  auto IsNull = [](const Expr *E) {
    return E->IgnoreParenImpCasts()->getType()->isNullPtrType() ||
           isa<GNUNullExpr>(E->IgnoreParenImpCasts());
  };
  if (IsNull(LHS))
    std::swap(LHS, RHS);
  if (!IsNull(RHS))
    return nullptr;
  bool Unused = true;
  const Expr *Tested = LHS;
  if (const Expr *Inner = nullTested(LHS, Unused))
    Tested = Inner; // `p.get() != nullptr`
  if (!isSmartPointer(Tested->IgnoreParenImpCasts()->getType()))
    return nullptr;
  NonNullWhenTrue = !Equal;
  return Tested;
}

void FactBuilder::visitNullTest(const CFGBlock &Block) {
  const auto *Cond = dyn_cast_or_null<Expr>(Block.getTerminatorCondition());
  if (!Cond || Block.succ_size() != 2)
    return;
  bool NonNullWhenTrue = true;
  const Expr *Tested = nullTested(Cond, NonNullWhenTrue);
  if (!Tested)
    return;
  std::optional<PlaceID> P = Exprs.placeOf(Tested);
  if (!P)
    return;
  Fact F;
  F.K = Fact::Kind::NotNull;
  F.Place = *P;
  F.Site = Cond;
  Facts.addEdge(Block.getBlockID(), NonNullWhenTrue ? 0 : 1, F);
}

Fact &FactBuilder::emit(Fact::Kind K, PlaceID P, const Stmt *Site) {
  Fact F;
  F.K = K;
  F.Place = P;
  F.Site = Site;
  return Facts.add(CurrentBlock, F);
}

void FactBuilder::visitElement(const CFGElement &E) {
  if (std::optional<CFGStmt> S = E.getAs<CFGStmt>()) {
    const ConstructionContext *Context = nullptr;
    if (std::optional<CFGConstructor> C = E.getAs<CFGConstructor>())
      Context = C->getConstructionContext();
    visitStmt(S->getStmt(), Context);
    if (Borrows) {
      Borrows->visitStmt(S->getStmt());
      Borrows->afterStmt(S->getStmt());
    }
    return;
  }
  if (std::optional<CFGLifetimeEnds> End = E.getAs<CFGLifetimeEnds>()) {
    if (Borrows)
      Borrows->visitLifetimeEnds(*End);
    return;
  }
  if (std::optional<CFGInitializer> I = E.getAs<CFGInitializer>()) {
    const CXXCtorInitializer *Init = I->getInitializer();
    std::optional<PlaceID> This = Exprs.thisPlace();
    if (Init->isMemberInitializer() && This)
      emit(Fact::Kind::Reinit, Places.field(*This, Init->getMember()),
           Init->getInit());
  }
}

void FactBuilder::visitStmt(const Stmt *S, const ConstructionContext *Context) {
  if (const auto *E = dyn_cast<Expr>(S); E && ExprPlaces::formsPlace(E))
    visitPlaceExpr(E);

  if (const auto *DS = dyn_cast<DeclStmt>(S)) {
    visitDeclStmt(DS);
  } else if (const auto *CE = dyn_cast<CXXConstructExpr>(S)) {
    visitConstruct(CE, Context);
  } else if (const auto *Call = dyn_cast<CallExpr>(S)) {
    visitCall(Call);
  } else if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    if (BO->getOpcode() == BO_Assign)
      visitAssignment(BO->getLHS(), BO);
    else if (BO->isCompoundAssignmentOp())
      if (std::optional<PlaceID> P = Exprs.placeOf(BO->getLHS()))
        emit(Fact::Kind::Reinit, *P, BO);
  } else if (const auto *UO = dyn_cast<UnaryOperator>(S)) {
    if (UO->isIncrementDecrementOp())
      if (std::optional<PlaceID> P = Exprs.placeOf(UO->getSubExpr()))
        emit(Fact::Kind::Reinit, *P, UO);
  } else if (const auto *Lambda = dyn_cast<LambdaExpr>(S)) {
    visitLambda(Lambda);
  }
}

void FactBuilder::visitPlaceExpr(const Expr *E) {
  if (!Exprs.isOutermostPlace(E))
    return;
  if (std::optional<PlaceID> P = Exprs.placeOf(E))
    UseAt[E] = Facts.idOf(emit(Fact::Kind::Use, *P, E));
}

void FactBuilder::cancelUse(const Expr *E) {
  if (!E)
    return;
  if (const Expr *PE = ExprPlaces::placeExpr(E))
    if (auto It = UseAt.find(PE); It != UseAt.end())
      Facts.byID(It->second).Cancelled = true;
}

// The lambda that a variable's initialiser or a call's argument denotes,
// looking through the std::function or temporary that may wrap it.
static const LambdaExpr *lambdaOf(const Expr *E) {
  while (E) {
    E = E->IgnoreImplicit();
    if (const auto *L = dyn_cast<LambdaExpr>(E))
      return L;
    const auto *CE = dyn_cast<CXXConstructExpr>(E);
    if (!CE || CE->getNumArgs() != 1)
      return nullptr;
    E = CE->getArg(0);
  }
  return nullptr;
}

void FactBuilder::visitDeclStmt(const DeclStmt *DS) {
  for (const Decl *D : DS->decls()) {
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V || !V->hasLocalStorage())
      continue;
    if (const Expr *Init = V->getInit()) {
      // Binding a reference reads nothing.
      if (V->getType()->isReferenceType())
        cancelUse(Init);
      if (const LambdaExpr *L = lambdaOf(Init))
        Lambdas[V] = L;
    }
    emit(Fact::Kind::Reinit, Places.variable(V), DS);
    if (const auto *DD = dyn_cast<DecompositionDecl>(V))
      for (const BindingDecl *B : DD->bindings())
        emit(Fact::Kind::Reinit, Places.variable(B), DS);
  }
}

static bool isMutableReferenceOrPointer(QualType T) {
  if (T->isLValueReferenceType() || T->isPointerType())
    return !T->getPointeeType().isConstQualified();
  return false;
}

void FactBuilder::visitConstruct(const CXXConstructExpr *CE,
                                 const ConstructionContext *Context) {
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  const auto *AsArgument =
      dyn_cast_or_null<ArgumentConstructionContext>(Context);
  for (unsigned I = 0, N = CE->getNumArgs(); I < N && I < Ctor->getNumParams();
       ++I) {
    const Expr *Arg = CE->getArg(I);
    if (!Ctor->getParamDecl(I)->getType()->isRValueReferenceType())
      continue;
    const Expr *Moved = ExprPlaces::movedOperand(Arg);
    std::optional<PlaceID> P = Moved ? Exprs.placeOf(Moved) : std::nullopt;
    if (!P)
      continue;
    ArgEffect E = Effects.onConstructorArg(Ctor, I);
    if (AsArgument && E.K == ArgEffect::Kind::Moves) {
      // A by-value parameter: the move happens while the call's arguments
      // are evaluated, unsequenced with the other arguments.
      PendingMoves[AsArgument->getCallLikeExpr()].push_back(
          {*P, Arg, AsArgument->getIndex(), I, E});
      continue;
    }
    applyEffect(E, *P, I, Moved, Arg);
  }
  llvm::SmallVector<const Expr *, 4> Args(CE->arguments());
  visitArguments(CE, Ctor, Args, /*RValueParams=*/false);
  flushPendingMoves(CE, Args, nullptr);
}

void FactBuilder::visitCall(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  llvm::SmallVector<const Expr *, 4> RawArgs(Call->arguments());
  llvm::ArrayRef<const Expr *> Args = RawArgs;
  const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Callee);
  const Expr *Object = nullptr;
  const Expr *ObjectUse = nullptr; // where the object's Use fact is
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    Object = MC->getImplicitObjectArgument();
    ObjectUse = MC->getCallee();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Call)) {
    if (OC->getOperator() == OO_Call && !Args.empty())
      useLambdaCaptures(Args.front(), Call);
    if (Method && !Method->isExplicitObjectMemberFunction() && !Args.empty()) {
      Object = ObjectUse = Args.front();
      Args = Args.drop_front();
    }
  }
  // A callable handed to a function may run there.
  for (const Expr *Arg : Args)
    useLambdaCaptures(Arg, Call);
  visitArguments(Call, Callee, Args, /*RValueParams=*/true);
  if (Method && Object)
    visitObject(Call, Method, Object, ObjectUse);
  // Before C++17 the object expression is unsequenced with the arguments.
  flushPendingMoves(Call, RawArgs,
                    Ctx.getLangOpts().CPlusPlus17 ? nullptr : ObjectUse);
}

// The parameter types of the function \p Call calls, from its declaration
// or, for calls through pointers, from the pointer's function type.
static llvm::SmallVector<QualType, 4>
parameterTypes(const Expr *Call, const FunctionDecl *Callee) {
  llvm::SmallVector<QualType, 4> Types;
  if (Callee) {
    for (const ParmVarDecl *P : Callee->parameters())
      Types.push_back(P->getType());
    return Types;
  }
  const auto *CE = dyn_cast<CallExpr>(Call);
  if (!CE || !CE->getCallee())
    return Types;
  QualType T = CE->getCallee()->getType();
  if (const auto *Ptr = T->getAs<PointerType>())
    T = Ptr->getPointeeType();
  else if (const auto *MemberPtr = T->getAs<MemberPointerType>())
    T = MemberPtr->getPointeeType();
  if (const auto *Proto = T->getAs<FunctionProtoType>())
    for (QualType P : Proto->param_types())
      Types.push_back(P);
  return Types;
}

void FactBuilder::visitArguments(const Expr *Call, const FunctionDecl *Callee,
                                 llvm::ArrayRef<const Expr *> Args,
                                 bool RValueParams) {
  llvm::SmallVector<QualType, 4> Params = parameterTypes(Call, Callee);
  for (unsigned I = 0, N = std::min<size_t>(Args.size(), Params.size()); I < N;
       ++I) {
    QualType T = Params[I];
    const Expr *Target = nullptr;
    if (T->isRValueReferenceType()) {
      if (!RValueParams) // constructors: handled with their context
        continue;
      Target = ExprPlaces::movedOperand(Args[I]);
    } else if (T->isLValueReferenceType() && isMutableReferenceOrPointer(T)) {
      Target = Args[I];
    } else if (isMutableReferenceOrPointer(T)) {
      // `read(&x)`: the address of a place handed to an out-parameter.
      const auto *AddrOf = dyn_cast<UnaryOperator>(Args[I]->IgnoreParens());
      if (AddrOf && AddrOf->getOpcode() == UO_AddrOf)
        Target = AddrOf->getSubExpr();
    }
    if (!Target)
      continue;
    if (std::optional<PlaceID> P = Exprs.placeOf(Target))
      applyEffect(Effects.onParam(Call, Callee, I, T), *P, I, Target, Args[I]);
  }
}

void FactBuilder::visitObject(const CallExpr *Call, const CXXMethodDecl *Method,
                              const Expr *Object, const Expr *ObjectUse) {
  // `s.f()` and `p->f()`: the callee expression denotes the object.
  const Expr *Moved = ExprPlaces::movedOperand(Object);
  std::optional<PlaceID> P =
      Exprs.placeOf(Moved                        ? Moved
                    : isa<MemberExpr>(ObjectUse) ? ObjectUse
                                                 : Object);
  if (!P)
    return;
  applyEffect(Effects.onObject(Call, Method, Moved != nullptr), *P,
              MovedPart::ThisParam, ObjectUse, Object);
}

void FactBuilder::applyEffect(const ArgEffect &E, PlaceID P, unsigned Param,
                              const Expr *PlaceE, const Stmt *Site) {
  switch (E.K) {
  case ArgEffect::Kind::None:
    break;
  case ArgEffect::Kind::Moves: {
    if (Places.isGlobal(P)) // globals are not tracked for moves
      break;
    Fact &F = emit(Fact::Kind::Move, P, Site);
    F.Maybe = E.Maybe;
    F.Why = Facts.reason({E.Via, E.Site, E.SiteElsewhere, Param});
    break;
  }
  case ArgEffect::Kind::Reinits: {
    cancelUse(PlaceE);
    useDereferencedPointers(P, Site);
    Reason Why;
    Why.Via = E.Via;
    emit(Fact::Kind::Reinit, P, Site).Why = Facts.reason(Why);
    break;
  }
  case ArgEffect::Kind::ReinitsParts:
    emit(Fact::Kind::ReinitParts, P, Site);
    break;
  }
  // `consume(c)` moving from `c.name`, as the callee's summary says.
  for (const MovedPart &Part : E.Parts) {
    if (Part.Param != Param || Part.Fields.empty() ||
        Part.Effect == MoveEffect::Never || Places.isGlobal(P))
      continue;
    PlaceID Q = P;
    for (const FieldDecl *Field : Part.Fields)
      Q = Places.field(Q, Field);
    Fact &F = emit(Fact::Kind::Move, Q, Site);
    F.Maybe = Part.Effect == MoveEffect::Maybe;
    F.Why = Facts.reason(
        {Part.In ? Part.In : E.Via, Part.Site, Part.SiteElsewhere, Param});
  }
}

void FactBuilder::visitAssignment(const Expr *LHS, const Stmt *Site) {
  std::optional<PlaceID> P = Exprs.placeOf(LHS);
  if (!P)
    return;
  cancelUse(LHS);
  useDereferencedPointers(*P, LHS);
  emit(Fact::Kind::Reinit, *P, Site);
}

void FactBuilder::useDereferencedPointers(PlaceID P, const Stmt *Site) {
  // Writing to `*p` or `p->x` reads `p` to find the object.
  for (; !Places.get(P).isRoot(); P = Places.get(P).Parent)
    if (Places.get(P).K == Place::Kind::Deref)
      emit(Fact::Kind::Use, Places.get(P).Parent, Site).Dereferences = true;
}

void FactBuilder::visitLambda(const LambdaExpr *Lambda) {
  // Capturing by reference reads nothing; the lambda reads when it runs.
  for (auto [Capture, Init] :
       llvm::zip(Lambda->captures(), Lambda->capture_inits()))
    if (Capture.capturesVariable() && Capture.getCaptureKind() == LCK_ByRef)
      cancelUse(Init);
}

// The first expression in \p Body that refers to \p Var, and whether every
// reference to it only assigns it.
static std::pair<const Expr *, bool> findCapturedUse(const Stmt *Body,
                                                     const ValueDecl *Var) {
  const Expr *First = nullptr;
  bool OnlyAssigned = true;
  llvm::SmallVector<std::pair<const Stmt *, const Stmt *>, 32> Work;
  Work.push_back({Body, nullptr});
  while (!Work.empty()) {
    auto [S, Parent] = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S);
        DRE && DRE->getDecl() == Var) {
      if (!First)
        First = DRE;
      bool Assigned = false;
      if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Parent))
        Assigned =
            BO->getOpcode() == BO_Assign && BO->getLHS()->IgnoreParens() == DRE;
      else if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(Parent))
        Assigned = OC->getOperator() == OO_Equal &&
                   OC->getArg(0)->IgnoreParenImpCasts() == DRE;
      OnlyAssigned &= Assigned;
    }
    for (const Stmt *Child : S->children())
      Work.push_back({Child, isa<ImplicitCastExpr, ParenExpr>(S) ? Parent : S});
  }
  return {First, OnlyAssigned};
}

void FactBuilder::useLambdaCaptures(const Expr *Callable, const Stmt *Site) {
  const LambdaExpr *Lambda = lambdaOf(Callable);
  if (!Lambda)
    if (const auto *DRE =
            dyn_cast<DeclRefExpr>(Callable->IgnoreParenImpCasts()))
      Lambda = Lambdas.lookup(DRE->getDecl());
  if (!Lambda)
    return;
  for (const LambdaCapture &Capture : Lambda->captures()) {
    if (!Capture.capturesVariable() || Capture.getCaptureKind() != LCK_ByRef)
      continue;
    const ValueDecl *Var = Capture.getCapturedVar();
    auto [First, OnlyAssigned] = findCapturedUse(Lambda->getBody(), Var);
    if (!First)
      continue;
    PlaceID P = Places.variable(Var);
    if (OnlyAssigned) {
      emit(Fact::Kind::Reinit, P, Site);
      continue;
    }
    Reason Why;
    Why.ViaSite = First;
    emit(Fact::Kind::Use, P, Site).Why = Facts.reason(Why);
  }
}

void FactBuilder::flushPendingMoves(const Expr *Call,
                                    llvm::ArrayRef<const Expr *> Args,
                                    const Expr *UnsequencedObject) {
  auto It = PendingMoves.find(Call);
  if (It == PendingMoves.end())
    return;
  llvm::SmallVector<PendingMove, 1> Moves = std::move(It->second);
  PendingMoves.erase(It);
  for (const PendingMove &M : Moves) {
    applyEffect(M.Effect, M.Place, M.CtorParam, nullptr, M.Site);
    for (unsigned I = 0, N = Args.size(); I < N; ++I)
      if (I != M.ArgIndex)
        emitUnsequencedUses(M.Place, Args[I]);
    if (UnsequencedObject)
      emitUnsequencedUses(M.Place, UnsequencedObject);
  }
}

void FactBuilder::emitUnsequencedUses(PlaceID Moved, const Stmt *Root) {
  llvm::SmallVector<const Stmt *, 16> Work{Root};
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S || isa<LambdaExpr, UnaryExprOrTypeTraitExpr, CXXNoexceptExpr>(S))
      continue;
    if (auto It = UseAt.find(S); It != UseAt.end()) {
      const Fact &Use = Facts.byID(It->second);
      if (!Use.Cancelled && Places.isPrefixOf(Moved, Use.Place))
        emit(Fact::Kind::Use, Use.Place, S).Unsequenced = true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
}

} // namespace borrow
