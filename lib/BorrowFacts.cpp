//===- BorrowFacts.cpp ----------------------------------------------------===//

#include "borrow/BorrowFacts.h"
#include "borrow/Models.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/Analyses/LifetimeSafety/LifetimeAnnotations.h"

using namespace clang;

namespace borrow {

BorrowFacts::BorrowFacts(FunctionFacts &Facts, const unsigned &Block,
                         ExprPlaces &Exprs, PlaceTable &Places,
                         BorrowModel &Model, Borrowers &Types,
                         const SummaryTable &Summaries, const FunctionDecl &F,
                         const ExprNesting &Nesting, const Config &Cfg)
    : Facts(Facts), Block(Block), Exprs(Exprs), Places(Places), Model(Model),
      Types(Types), Summaries(Summaries), Fn(F), Nesting(Nesting), Cfg(Cfg) {}

Fact &BorrowFacts::emit(Fact F) { return Facts.add(Block, F); }

LoanID BorrowFacts::loan(PlaceID P, const Stmt *Site, bool Contents,
                         bool Placeholder) {
  auto [It, Inserted] = LoanAt.try_emplace({Site, P, unsigned(Contents)}, 0);
  if (Inserted) {
    Loan L{P, Site, Contents, Placeholder};
    L.Target = Placeholder ? P : targetOf(P);
    It->second = Model.Loans.add(L);
  }
  return It->second;
}

PlaceID BorrowFacts::targetOf(PlaceID P, unsigned Depth) {
  llvm::SmallVector<PlaceID, 4> Path;
  PlaceID Root = P;
  for (; !Places.get(Root).isRoot(); Root = Places.get(Root).Parent)
    Path.push_back(Root);
  const Place &R = Places.get(Root);
  const auto *V = R.K == Place::Kind::Variable
                      ? dyn_cast_or_null<VarDecl>(R.Decl)
                      : nullptr;
  // A reference never rebinds: `auto &r = c.items;` names `c.items` for
  // good. (Chains are followed a few steps; `int &r = r;` compiles.)
  if (!V || !V->getType()->isReferenceType() || !V->getInit() || Depth > 4)
    return P;
  std::optional<PlaceID> Bound = Exprs.placeOf(V->getInit());
  if (!Bound)
    return P;
  PlaceID Out = targetOf(*Bound, Depth + 1);
  for (PlaceID Q : llvm::reverse(Path)) {
    const Place &Step = Places.get(Q);
    Out = Step.K == Place::Kind::Field
              ? Places.field(Out, cast<FieldDecl>(Step.Decl))
              : Places.deref(Out, Step.Type, Step.OwnedPointee);
  }
  return Out;
}

void BorrowFacts::flowInto(OriginID Dst, const Sources &S, bool Kill,
                           const Stmt *Site) {
  // The sources are read before Dst changes. A source that is Dst itself
  // (`p = p + 1`, `v = c ? v : w`) keeps what Dst held: Dst is then not
  // cleared, or, when that source is read on some paths only, only its
  // surely-held loans are (a Maybe clearing).
  bool ReadsDst = false, MaybeReadsDst = false;
  const Sources::Item *First = nullptr;
  for (const Sources::Item &I : S.Items) {
    if (!I.IsLoan && I.ID == Dst)
      (I.Maybe ? MaybeReadsDst : ReadsDst) = true;
    else if (!First)
      First = &I;
  }
  // Otherwise a replacing flow forgets Dst's loans with its first source
  // when that one surely happens, rather than in a fact of its own (a
  // quarter of the facts of a function full of borrows).
  bool KillWithFirst =
      Kill && !ReadsDst && !MaybeReadsDst && First && !First->Maybe;
  if (Kill && !ReadsDst && !KillWithFirst) {
    Fact Clear;
    Clear.K = Fact::Kind::Flow;
    Clear.Site = Site;
    Clear.Origin = Dst;
    Clear.Src = OriginTable::Empty;
    Clear.Kill = true;
    Clear.Maybe = MaybeReadsDst;
    emit(Clear);
  }
  for (const Sources::Item &I : S.Items) {
    if (!I.IsLoan && I.ID == Dst)
      continue;
    Fact F;
    F.Origin = Dst;
    F.Maybe = I.Maybe;
    F.Kill = KillWithFirst && &I == First;
    if (I.IsLoan) {
      F.K = Fact::Kind::Issue;
      F.Site = Model.Loans.get(I.ID).Site;
      F.Loan = I.ID;
    } else {
      F.K = Fact::Kind::Flow;
      F.Site = Site;
      F.Src = I.ID;
    }
    emit(F);
  }
}

void BorrowFacts::killPlace(PlaceID P, const Stmt *Site) {
  flowInto(originOf(P), Sources(), /*Kill=*/true, Site);
}

//===----------------------------------------------------------------------===//
// Where the loans of a value come from
//===----------------------------------------------------------------------===//

BorrowFacts::Sources BorrowFacts::borrowOfPlace(PlaceID P, const Stmt *Site,
                                                bool Contents) {
  Sources Out;
  Out.addLoan(loan(P, Site, Contents));
  PlaceTable::Storage S = Places.storageOf(P);
  // A place reached through a pointer or a reference lives wherever that
  // pointer refers to: the borrow is a reborrow of the pointer's loans.
  if (S.ThroughReference)
    Out.addOrigin(Model.Origins.ofReferent(Places.get(S.Root).Decl));
  else if (S.Pointer)
    Out.append(valueOfPlace(*S.Pointer));
  const Place &Root = Places.get(S.Root);
  if (!S.Pointer && Root.K == Place::Kind::Temporary) {
    const auto *Temp = cast<MaterializeTemporaryExpr>(Root.Temporary);
    if (const ValueDecl *Extender = Temp->getExtendingDecl()) {
      if (!llvm::is_contained(Extended[Extender], S.Root))
        Extended[Extender].push_back(S.Root);
    } else if (!llvm::is_contained(PendingTemporaries, S.Root)) {
      PendingTemporaries.push_back(S.Root);
    }
    // The temporary's own value may hold borrows too.
    if (Types.holdsBorrows(Temp->getType()))
      flowInto(originOf(S.Root), valueOf(Temp->getSubExpr()), /*Kill=*/true,
               Temp);
  }
  return Out;
}

BorrowFacts::Sources BorrowFacts::valueOfPlace(PlaceID P) {
  Sources Out;
  Out.addOrigin(originOf(P));
  // Loans stored into the whole aggregate (`e = Excerpt{view}`) or into a
  // part of this place (`e.part = view`) are loans of this value too.
  for (PlaceID Q = P; !Places.get(Q).isRoot(); Q = Places.get(Q).Parent) {
    if (Places.get(Q).K == Place::Kind::Deref)
      break;
    if (std::optional<OriginID> O =
            Model.Origins.lookupPlace(Places.get(Q).Parent))
      Out.addOrigin(*O);
  }
  llvm::SmallVector<PlaceID, 4> Parts;
  Places.partsOf(P, Parts);
  for (PlaceID Q : Parts)
    if (std::optional<OriginID> O = Model.Origins.lookupPlace(Q))
      Out.addOrigin(*O);
  return Out;
}

static const Expr *skipObjectCasts(const Expr *E) {
  while (true) {
    E = E->IgnoreParens();
    if (const auto *Full = dyn_cast<FullExpr>(E)) {
      E = Full->getSubExpr();
      continue;
    }
    const auto *C = dyn_cast<CastExpr>(E);
    if (!C ||
        (C->getCastKind() != CK_NoOp && C->getCastKind() != CK_DerivedToBase &&
         C->getCastKind() != CK_UncheckedDerivedToBase))
      return E;
    E = C->getSubExpr();
  }
}

BorrowFacts::Sources BorrowFacts::borrowOf(const Expr *E, bool Contents) {
  E = skipObjectCasts(E);
  if (const Expr *Moved = ExprPlaces::movedOperand(E))
    return borrowOf(Moved, Contents);
  if (std::optional<PlaceID> P = Exprs.placeOf(E))
    return borrowOfPlace(*P, E, Contents);
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    Sources S = borrowOf(CO->getTrueExpr(), Contents);
    S.append(borrowOf(CO->getFalseExpr(), Contents));
    S.markMaybe();
    return S;
  }
  if (const auto *Sub = dyn_cast<ArraySubscriptExpr>(E)) {
    const Expr *Base = Sub->getBase()->IgnoreParenImpCasts();
    if (Base->getType()->isArrayType())
      return borrowOf(Base, /*Contents=*/true);
    return valueOf(Sub->getBase());
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) // `f().x`
    return ME->isArrow() ? valueOf(ME->getBase())
                         : borrowOf(ME->getBase(), Contents);
  if (const auto *Comma = dyn_cast<BinaryOperator>(E);
      Comma && Comma->getOpcode() == BO_Comma)
    return borrowOf(Comma->getRHS(), Contents);
  Sources S;
  if (std::optional<OriginID> O = Model.Origins.lookupExpr(E))
    S.addOrigin(*O); // a call returning a reference
  return S;
}

BorrowFacts::Sources BorrowFacts::valueOf(const Expr *E) {
  E = E->IgnoreParens();
  if (const auto *C = dyn_cast<CastExpr>(E)) {
    switch (C->getCastKind()) {
    case CK_ArrayToPointerDecay:
      return borrowOf(C->getSubExpr(), /*Contents=*/true);
    case CK_FunctionToPointerDecay:
    case CK_NullToPointer:
    case CK_IntegralToPointer:
    case CK_BuiltinFnToFnPtr:
      return {};
    default:
      return valueOf(C->getSubExpr());
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() == UO_AddrOf)
      return borrowOf(UO->getSubExpr(), /*Contents=*/false);
  }
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return valueOf(Temp->getSubExpr());
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    return valueOf(Bind->getSubExpr());
  if (const auto *Full = dyn_cast<FullExpr>(E))
    return valueOf(Full->getSubExpr());
  if (const auto *Default = dyn_cast<CXXDefaultArgExpr>(E))
    return valueOf(Default->getExpr());
  if (const auto *CO = dyn_cast<AbstractConditionalOperator>(E)) {
    Sources S = valueOf(CO->getTrueExpr());
    S.append(valueOf(CO->getFalseExpr()));
    S.markMaybe();
    return S;
  }
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    if (BO->getOpcode() == BO_Comma)
      return valueOf(BO->getRHS());
    if (BO->isAdditiveOp() && BO->getType()->isPointerType())
      return valueOf(BO->getLHS()->getType()->isPointerType() ? BO->getLHS()
                                                              : BO->getRHS());
    if (BO->isAssignmentOp())
      return valueOf(BO->getLHS());
    return {};
  }
  if (const Expr *Moved = ExprPlaces::movedOperand(E))
    return valueOf(Moved);
  if (E->isGLValue()) {
    // The value stored in an object. (A call returning a reference has an
    // origin too, but it says what the reference refers to.)
    if (!Types.holdsBorrows(E->getType()))
      return {};
    if (std::optional<PlaceID> P = Exprs.placeOf(E))
      return valueOfPlace(*P);
    if (const auto *Call = dyn_cast<CallExpr>(E))
      if (const FunctionDecl *Callee = Call->getDirectCallee();
          Callee && stdFunctionResultBorrows(Callee) != ArgumentBorrow::None) {
        Sources S; // std::min(a, b) of two views: the loans of both
        for (const Expr *Arg : Call->arguments())
          S.append(valueOf(Arg));
        return S;
      }
    return {};
  }
  if (std::optional<OriginID> O = Model.Origins.lookupExpr(E)) {
    Sources S;
    S.addOrigin(*O);
    return S;
  }
  return {};
}

// What a borrowing parameter of type \p ParamType takes from \p Arg: a
// reference parameter borrows the argument itself (or, for \p Contents,
// what it owns); a pointer-like parameter passes its loans on.
BorrowFacts::Sources BorrowFacts::argumentBorrow(const Expr *Arg,
                                                 QualType ParamType,
                                                 bool Contents) {
  if (ParamType->isReferenceType())
    return borrowOf(Arg, Contents);
  return valueOf(Arg);
}

void BorrowFacts::mapPart(Sources &Out, const Expr *Arg,
                          const BorrowedPart &Part) {
  if (Part.Carries) {
    Out.append(valueOf(Arg));
    return;
  }
  std::optional<PlaceID> P = Exprs.placeOf(skipObjectCasts(Arg));
  if (!P) {
    Out.append(borrowOf(Arg, Part.Contents));
    return;
  }
  PlaceID Q = *P;
  for (const FieldDecl *Field : Part.Fields)
    Q = Places.field(Q, Field);
  Out.append(borrowOfPlace(Q, Arg, Part.Contents));
}

// A callee's part of `*this`, for the object of \p Call: `p->self()`
// points where p points, `p->name()` into `p->name_`.
void BorrowFacts::mapObjectPart(Sources &Out, const CallExpr *Call,
                                const Expr *Object, const BorrowedPart &Part) {
  const auto *ME = dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
  if (!ME || !ME->isArrow()) {
    mapPart(Out, Object, Part);
    return;
  }
  if (Part.Fields.empty() && !Part.Contents) {
    Out.append(valueOf(Object));
    return;
  }
  if (std::optional<PlaceID> Q =
          callerPlaceOf(MovedPart::ThisParam, Part.Fields, Call, Object, {}))
    Out.append(borrowOfPlace(*Q, Object, Part.Contents));
}

//===----------------------------------------------------------------------===//
// Statements
//===----------------------------------------------------------------------===//

void BorrowFacts::enterFunction() {
  // What reference and pointer parameters refer to on entry: placeholders
  // that only summaries read ("the result refers to parameter 'a'").
  // Parameters have no expression: the body stands for where they are.
  const Stmt *Site = Fn.getBody();
  auto Placeholder = [&](PlaceID Of, OriginID Into) {
    Sources S;
    S.addLoan(loan(Of, Site, /*Contents=*/false, /*Placeholder=*/true));
    flowInto(Into, S, /*Kill=*/true, Site);
  };
  for (const ParmVarDecl *Param : Fn.parameters()) {
    QualType T = Param->getType();
    PlaceID P = Places.variable(Param);
    // `const T &p`: the caller's object itself.
    if (T->isReferenceType())
      Placeholder(P, Model.Origins.ofReferent(Param));
    // `const char *p`, `std::string_view p`, `const std::vector<T *> &p`:
    // what the value points to (`*p`, a Deref place, marks that).
    if (Types.holdsBorrows(T.getNonReferenceType()))
      Placeholder(Places.deref(P, T.getNonReferenceType()), originOf(P));
  }
}

void BorrowFacts::visitStmt(const Stmt *S) {
  if (const auto *DS = dyn_cast<DeclStmt>(S))
    visitDeclStmt(DS);
  else if (const auto *Call = dyn_cast<CallExpr>(S))
    visitCall(Call);
  else if (const auto *CE = dyn_cast<CXXConstructExpr>(S))
    visitConstruct(CE);
  else if (const auto *ILE = dyn_cast<InitListExpr>(S))
    visitInitList(ILE);
  else if (const auto *L = dyn_cast<LambdaExpr>(S))
    visitLambda(L);
  else if (const auto *RS = dyn_cast<ReturnStmt>(S))
    visitReturn(RS);
  else if (const auto *BO = dyn_cast<BinaryOperator>(S);
           BO && BO->getOpcode() == BO_Assign)
    assign(BO->getLHS(), BO->getRHS());

  // Destroying an object invalidates every borrow of it.
  if (const auto *Del = dyn_cast<CXXDeleteExpr>(S))
    if (std::optional<PlaceID> P = Exprs.pointeeOf(Del->getArgument()))
      invalidate(*P, {InvalidationScope::Whole, false, false}, Del, nullptr);
  // Mode Rust: writing to a borrowed place is E0506, whatever its type.
  if (Cfg.Mode != Config::BorrowMode::Rust)
    return;
  const Expr *Written = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S); BO && BO->isAssignmentOp())
    Written = BO->getLHS();
  else if (const auto *UO = dyn_cast<UnaryOperator>(S);
           UO && UO->isIncrementDecrementOp())
    Written = UO->getSubExpr();
  if (Written)
    if (std::optional<PlaceID> P = Exprs.placeOf(Written))
      invalidate(*P, {InvalidationScope::Whole, false, false}, S, nullptr);
}

void BorrowFacts::visitDeclStmt(const DeclStmt *DS) {
  for (const Decl *D : DS->decls()) {
    const auto *V = dyn_cast<VarDecl>(D);
    if (!V || !V->hasLocalStorage() || !Types.holdsBorrows(V->getType()))
      continue;
    OriginID O = originOf(Places.variable(V));
    const Expr *Init = V->getInit();
    if (!Init) {
      flowInto(O, Sources(), /*Kill=*/true, DS);
      continue;
    }
    if (V->getType()->isReferenceType()) {
      // What the reference refers to, and (a copy of) what that holds.
      flowInto(Model.Origins.ofReferent(V), borrowOf(Init, /*Contents=*/false),
               /*Kill=*/true, DS);
      if (!Types.holdsBorrows(V->getType().getNonReferenceType()))
        continue;
    }
    flowInto(O, valueOf(Init), /*Kill=*/true, DS);
  }
}

void BorrowFacts::assign(const Expr *LHS, const Expr *RHS) {
  if (!Types.holdsBorrows(LHS->getType()))
    return;
  std::optional<PlaceID> P = Exprs.placeOf(LHS);
  if (!P)
    return;
  // The parts of the place get the new value too.
  llvm::SmallVector<PlaceID, 4> Parts;
  Places.partsOf(*P, Parts);
  for (PlaceID Q : Parts)
    if (std::optional<OriginID> O = Model.Origins.lookupPlace(Q))
      flowInto(*O, Sources(), /*Kill=*/true, LHS);
  flowInto(originOf(*P), valueOf(RHS), /*Kill=*/true, LHS);
}

// The element type of a std container, if \p T is one.
static QualType valueTypeOf(QualType T) {
  const CXXRecordDecl *R = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!R || !R->hasDefinition())
    return QualType();
  for (const NamedDecl *D :
       R->lookup(&R->getASTContext().Idents.get("value_type")))
    if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
      return TD->getUnderlyingType().getCanonicalType().getUnqualifiedType();
  return QualType();
}

void BorrowFacts::storeInto(const Expr *Container, const CXXMethodDecl *Method,
                            llvm::ArrayRef<const Expr *> Args) {
  std::optional<PlaceID> P = Exprs.placeOf(skipObjectCasts(Container));
  QualType Element = valueTypeOf(Container->getType());
  if (!P || Element.isNull())
    return;
  Sources S;
  for (unsigned I = 0; I < Args.size() && I < Method->getNumParams(); ++I) {
    QualType Param = Method->getParamDecl(I)
                         ->getType()
                         .getNonReferenceType()
                         .getCanonicalType()
                         .getUnqualifiedType();
    // `push_back(x)`, `insert(pos, x)`: the element itself. Positions and
    // iterator ranges are not stored.
    if (Param == Element) {
      S.append(valueOf(Args[I]));
      continue;
    }
    // `emplace_back(s)` into a vector of views: the element is built from
    // the argument.
    bool Forwarded = Method->getPrimaryTemplate() != nullptr;
    if (!Forwarded || Types.isPointer(Args[I]->getType()))
      continue;
    if (Types.isPointer(Element) && Types.isOwner(Args[I]->getType()))
      S.append(borrowOf(Args[I], /*Contents=*/true));
    else if (Types.holdsBorrows(Args[I]->getType()))
      S.append(valueOf(Args[I]));
  }
  // The container may drop elements the analysis does not follow (erase,
  // pop_front): what it holds, it holds on some paths only.
  S.markMaybe();
  if (!S.empty())
    flowInto(originOf(*P), S, /*Kill=*/false, Container);
}

// `set.insert(s)` with `insert(std::string_view s
// [[clang::lifetime_capture_by(this)]])`: from now on `set` holds what the
// argument borrows: a view or pointer argument, what it points to; another
// argument bound to a reference, itself. Captures by `global` or `unknown`
// are not followed, nor the attributes clang infers on std containers (the
// models already say what they store).
void BorrowFacts::captureArguments(const CallExpr *Call,
                                   const FunctionDecl *Callee,
                                   const Expr *Object,
                                   llvm::ArrayRef<const Expr *> Args) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  // The attribute numbers the implicit object parameter 0, then the others.
  bool HasThis = Method && Method->isImplicitObjectMemberFunction();
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    const ParmVarDecl *Param = Callee->getParamDecl(I);
    const auto *Capture = Param->getAttr<LifetimeCaptureByAttr>();
    if (!Capture || Capture->isImplicit())
      continue;
    QualType Captured = Param->getType().getNonReferenceType();
    Sources S = Types.isPointer(Captured)
                    ? valueOf(Args[I])
                    : argumentBorrow(Args[I], Param->getType(),
                                     Types.isOwner(Args[I]->getType()));
    for (int By : Capture->params()) {
      if (By < 0)
        continue; // global, unknown
      unsigned Holder = HasThis && By == LifetimeCaptureByAttr::This
                            ? MovedPart::ThisParam
                            : unsigned(By) - HasThis;
      std::optional<PlaceID> P = callerPlaceOf(Holder, {}, Call, Object, Args);
      if (!P)
        continue;
      PlaceID Target = targetOf(*P);
      Types.markHoldsBorrows(Places.get(Target).Type);
      flowInto(originOf(Target), S, /*Kill=*/false, Call);
    }
  }
}

void BorrowFacts::invalidate(PlaceID P, Invalidation What, const Stmt *Site,
                             const FunctionDecl *Via, const Stmt *ViaSite,
                             const Expr *Element,
                             llvm::StringRef ViaSiteElsewhere) {
  Fact F;
  F.K = Fact::Kind::Invalidate;
  F.Invalidates = What;
  // Through a reference bound to a place, the place itself is mutated. (In
  // Mode Rust the reference is the mutable borrow: mutating through it is
  // its right, so it stays a place of its own.)
  F.Place = Cfg.Mode == Config::BorrowMode::Rust ? P : targetOf(P);
  F.Site = Site;
  F.Why = Facts.reason({Via, ViaSite, ViaSiteElsewhere, /*ViaParam=*/0});
  if (What.Scope == InvalidationScope::Element) {
    // Only the loans of the iterator argument itself (a variable), maybe
    // converted to a const_iterator on the way.
    if (Element)
      if (const auto *Convert =
              dyn_cast<CXXConstructExpr>(Element->IgnoreImplicit());
          Convert && Convert->getNumArgs() == 1)
        Element = Convert->getArg(0);
    std::optional<PlaceID> It =
        Element ? Exprs.placeOf(skipObjectCasts(Element)) : std::nullopt;
    if (!It)
      return;
    F.Origin = originOf(*It);
  }
  emit(F);
}

std::optional<PlaceID> BorrowFacts::objectPlaceOf(const CallExpr *Call,
                                                  const Expr *Object) {
  if (!Object)
    return std::nullopt;
  // `p->f()`: the callee expression denotes the object `*p`.
  if (isa<MemberExpr>(Call->getCallee()->IgnoreParens()))
    return Exprs.placeOf(Call->getCallee());
  return Exprs.placeOf(skipObjectCasts(Object));
}

std::optional<PlaceID>
BorrowFacts::callerPlaceOf(unsigned Param,
                           llvm::ArrayRef<const FieldDecl *> Fields,
                           const CallExpr *Call, const Expr *Object,
                           llvm::ArrayRef<const Expr *> Args) {
  std::optional<PlaceID> P;
  if (Param == MovedPart::ThisParam)
    P = objectPlaceOf(Call, Object);
  else if (Param < Args.size())
    P = Exprs.placeOf(skipObjectCasts(Args[Param]));
  if (!P)
    return std::nullopt;
  PlaceID Q = *P;
  for (const FieldDecl *Field : Fields)
    Q = Places.field(Q, Field);
  return Q;
}

void BorrowFacts::applyCaptures(const Summary &Sum, const CallExpr *Call,
                                const Expr *Object,
                                llvm::ArrayRef<const Expr *> Args) {
  for (const CapturedPart &C : Sum.Captures) {
    const Expr *From = C.What.Param == MovedPart::ThisParam ? Object
                       : C.What.Param < Args.size()         ? Args[C.What.Param]
                                                            : nullptr;
    std::optional<PlaceID> Holder =
        callerPlaceOf(C.Into, C.IntoFields, Call, Object, Args);
    if (!From || !Holder)
      continue;
    Sources S;
    if (C.What.Param == MovedPart::ThisParam)
      mapObjectPart(S, Call, Object, C.What);
    else
      mapPart(S, From, C.What);
    if (C.Maybe)
      S.markMaybe();
    flowInto(originOf(targetOf(*Holder)), S, /*Kill=*/false, Call);
  }
}

void BorrowFacts::invalidateByCall(const CallExpr *Call,
                                   const FunctionDecl *Callee,
                                   const Expr *Object,
                                   llvm::ArrayRef<const Expr *> Args) {
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  auto ObjectPlace = [&] { return objectPlaceOf(Call, Object); };
  Invalidation Whole{InvalidationScope::Whole, false, false};
  bool Rust = Cfg.Mode == Config::BorrowMode::Rust;

  // The std tables, and the InvalidatingFunctions option.
  Invalidation Own = Method && Object ? invalidationOf(Method) : Invalidation();
  if (!Own.any() && isListed(Callee, Cfg.InvalidatingFunctions))
    Own = {InvalidationScope::Contents, false, false};
  if (Rust && Method && Object && !Method->isConst() && !Method->isStatic() &&
      !ExprPlaces::movedOperand(Call))
    Own = Whole;
  if (Own.any()) {
    if (Method && Object) {
      if (std::optional<PlaceID> P = ObjectPlace())
        invalidate(*P, Own, Call, Callee, nullptr,
                   Args.empty() ? nullptr : Args.front());
    } else if (!Args.empty()) {
      if (std::optional<PlaceID> P = Exprs.placeOf(skipObjectCasts(Args[0])))
        invalidate(*P, Own, Call, Callee);
    }
  }

  // A function of this translation unit: what its body invalidates.
  if (const Summary *Sum = Summaries.lookupCall(Call, Callee))
    for (const InvalidatedPart &Part : Sum->Invalidates)
      if (std::optional<PlaceID> Q =
              callerPlaceOf(Part.Param, Part.Fields, Call, Object, Args))
        invalidate(*Q, Rust ? Whole : Part.Effect, Call, Callee, Part.Site,
                   /*Element=*/nullptr, Part.SiteElsewhere);

  // `std::move(x)` is no borrow; the move itself is a Move fact.
  if (!Rust || ExprPlaces::movedOperand(Call))
    return;
  // Mode Rust: every `T &` argument is a mutable borrow for the call, and
  // two of them must not overlap (E0499).
  llvm::SmallVector<std::pair<PlaceID, const Expr *>, 4> Mutable;
  if (Method && Object && !Method->isConst() && !Method->isStatic())
    if (std::optional<PlaceID> P = ObjectPlace())
      Mutable.push_back({*P, Object});
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
    QualType T = Callee->getParamDecl(I)->getType();
    if (!T->isLValueReferenceType() ||
        T.getNonReferenceType().isConstQualified())
      continue;
    std::optional<PlaceID> P = Exprs.placeOf(skipObjectCasts(Args[I]));
    if (!P)
      continue;
    invalidate(*P, Whole, Call, Callee);
    Mutable.push_back({*P, Args[I]});
  }
  for (unsigned I = 0; I < Mutable.size(); ++I)
    for (unsigned J = I + 1; J < Mutable.size(); ++J)
      if (Places.isPrefixOf(Mutable[I].first, Mutable[J].first) ||
          Places.isPrefixOf(Mutable[J].first, Mutable[I].first)) {
        Fact F;
        F.K = Fact::Kind::MutableAlias;
        F.Place = Mutable[I].first;
        F.Src = Mutable[J].first;
        F.Site = Mutable[J].second;
        Reason Why;
        Why.Via = Callee;
        Why.ViaSite = Mutable[I].second;
        F.Why = Facts.reason(Why);
        emit(F);
      }
}

// True if a function returning \p Result from a parameter of type
// \p Param gives back that very object (std::min, std::as_const), rather
// than something inside it (std::begin, std::data).
static bool returnsSameObject(QualType Result, QualType Param) {
  if (!Result->isReferenceType() || !Param->isReferenceType())
    return false;
  return Result.getNonReferenceType()->getCanonicalTypeUnqualified() ==
         Param.getNonReferenceType()->getCanonicalTypeUnqualified();
}

void BorrowFacts::visitCall(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return;
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  llvm::ArrayRef<const Expr *> Args(Call->getArgs(), Call->getNumArgs());
  const Expr *Object = nullptr;
  if (const auto *MC = dyn_cast<CXXMemberCallExpr>(Call)) {
    Object = MC->getImplicitObjectArgument();
  } else if (isa<CXXOperatorCallExpr>(Call) && Method &&
             !Method->isExplicitObjectMemberFunction() && !Args.empty()) {
    Object = Args.front();
    Args = Args.drop_front();
  }
  // `p->f()`: the object is what p points to.
  auto ObjectGLValue = [&]() -> Sources {
    if (const auto *ME =
            dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
        ME && ME->isArrow())
      return valueOf(ME->getBase());
    return borrowOf(Object, /*Contents=*/false);
  };
  auto ObjectContents = [&]() -> Sources {
    if (std::optional<PlaceID> P = Exprs.placeOf(Call->getCallee()))
      return borrowOfPlace(*P, Object, /*Contents=*/true);
    return borrowOf(Object, /*Contents=*/true);
  };

  invalidateByCall(Call, Callee, Object, Args);

  // Storing a borrower into a container of borrowers, or into a
  // std::function or optional that holds one.
  if (Object && Method && (memberEffects(Method) & StoresArguments) &&
      Types.holdsBorrows(Object->getType()))
    storeInto(Object, Method, Args);
  if (Method && Object && Method->getOverloadedOperator() == OO_Equal &&
      !Args.empty())
    assign(Object, Args.front());
  captureArguments(Call, Callee, Object, Args);
  if (const Summary *Sum = Summaries.lookupCall(Call, Callee))
    applyCaptures(*Sum, Call, Object, Args);

  QualType Result = Call->getCallReturnType(Fn.getASTContext());
  if (!Result->isReferenceType() && !Types.holdsBorrows(Result))
    return;

  Sources S;
  unsigned NumParams = Callee->getNumParams();
  // The result of std::min, std::get, std::begin, std::find... (a table).
  ArgumentBorrow Std = stdFunctionResultBorrows(Callee);
  for (unsigned I = 0; I < Args.size() && I < NumParams; ++I) {
    const ParmVarDecl *Param = Callee->getParamDecl(I);
    bool Borrowed = Std == ArgumentBorrow::All ||
                    (Std == ArgumentBorrow::First && I == 0) ||
                    Param->hasAttr<LifetimeBoundAttr>();
    if (Borrowed)
      S.append(argumentBorrow(Args[I], Param->getType(),
                              !returnsSameObject(Result, Param->getType()) &&
                                  Types.isOwner(Args[I]->getType())));
  }
  const Summary *Sum = Summaries.lookupCall(Call, Callee);
  // An unknown method of a pointer or owner returning a reference, pointer
  // or view likely refers into the object; one whose body is summarised
  // returns what the summary says.
  bool Guess = !Sum && (Result->isReferenceType() || Types.isPointer(Result));
  // Through a pointer, a raw pointer result points elsewhere as often as
  // into the object (`node->next()`, `opt->context()`): not guessed.
  bool GuessThroughPointer = Guess && !Result->isPointerType();
  if (Object && Method) {
    // `s->c_str()`, `up->data()`: the model of the object pointed to.
    QualType ObjectType = Object->getType();
    if (const auto *ME =
            dyn_cast<MemberExpr>(Call->getCallee()->IgnoreParens());
        ME && ME->isArrow() && ObjectType->isPointerType())
      ObjectType = ObjectType->getPointeeType();
    const TypeModel *M = modelFor(ObjectType);
    bool GivesUp = memberEffects(Method) & GivesUpOwnership;
    if (lifetimes::implicitObjectParamIsLifetimeBound(Method))
      S.append(ObjectGLValue());
    else if (M && !GivesUp && M->Results == ResultBorrow::Contents) {
      Sources Contents = ObjectContents();
      // `v.begin()`, `m.find(k)`: an iterator, which a rehash or a deque
      // push invalidates while references stay valid.
      if (Result->isRecordType() && Types.isPointer(Result) &&
          !modelFor(Result))
        for (const Sources::Item &I : Contents.Items)
          if (I.IsLoan && Model.Loans.get(I.ID).Site == Object)
            Model.Loans.markIterator(I.ID);
      S.append(Contents);
    } else if ((M && M->Results == ResultBorrow::Pointee) ||
               (!M && GuessThroughPointer &&
                Types.isPointer(Object->getType())))
      S.append(valueOf(Object));
    else if (!M && Guess && Types.isOwner(Object->getType()))
      S.append(ObjectContents());
  }
  // A function of this translation unit: what its summary says.
  if (Sum)
    for (const BorrowedPart &Part : Sum->ResultBorrows) {
      if (Part.Param == MovedPart::ThisParam) {
        if (Object)
          mapObjectPart(S, Call, Object, Part);
      } else if (Part.Param < Args.size()) {
        mapPart(S, Args[Part.Param], Part);
      }
    }
  flowInto(Model.Origins.ofExpr(Call), S, /*Kill=*/true, Call);
}

void BorrowFacts::visitConstruct(const CXXConstructExpr *CE) {
  QualType T = CE->getType();
  const CXXConstructorDecl *Ctor = CE->getConstructor();
  // Moving a std::string may take its characters along (or not: the
  // small-string buffer stays): borrows of them are invalid either way.
  if (Ctor->isMoveConstructor() && CE->getNumArgs() > 0)
    if (Invalidation Inv = invalidationOfMove(Ctor->getParent()); Inv.any())
      if (const Expr *Moved = ExprPlaces::movedOperand(CE->getArg(0)))
        if (std::optional<PlaceID> P = Exprs.placeOf(Moved))
          invalidate(*P, Inv, CE, Ctor);
  if (!Types.holdsBorrows(T))
    return;
  Sources S;
  bool IsPointer = Types.isPointer(T);
  bool IsStd = modelFor(T) != nullptr || Ctor->isInStdNamespace();
  for (unsigned I = 0, N = CE->getNumArgs(); I < N && I < Ctor->getNumParams();
       ++I) {
    const Expr *Arg = CE->getArg(I);
    QualType ParamType = Ctor->getParamDecl(I)->getType();
    if (Ctor->isCopyOrMoveConstructor()) {
      S.append(valueOf(Arg));
    } else if (Ctor->getParamDecl(I)->hasAttr<LifetimeBoundAttr>()) {
      S.append(argumentBorrow(Arg, ParamType, Types.isOwner(Arg->getType())));
    } else if (IsPointer && ParamType->isReferenceType() &&
               Types.isOwner(Arg->getType())) {
      // A view of an owner: `std::string_view(s)`, `std::span(v)`.
      S.append(borrowOf(Arg, /*Contents=*/true));
    } else if (IsPointer && IsStd && ParamType->isReferenceType() &&
               !Types.holdsBorrows(Arg->getType())) {
      // `std::reference_wrapper<T>(x)`: refers to the object itself.
      S.append(borrowOf(Arg, /*Contents=*/false));
    } else if (IsPointer || IsStd) {
      S.append(valueOf(Arg));
    }
  }
  flowInto(Model.Origins.ofExpr(CE), S, /*Kill=*/true, CE);
}

void BorrowFacts::visitInitList(const InitListExpr *ILE) {
  QualType T = ILE->getType();
  if (!Types.holdsBorrows(T))
    return;
  Sources S;
  const CXXRecordDecl *R = T->getAsCXXRecordDecl();
  unsigned I = 0, N = ILE->getNumInits();
  if (R && R->hasDefinition()) {
    for (; I < N && I < R->getNumBases(); ++I)
      S.append(valueOf(ILE->getInit(I)));
    for (const FieldDecl *Field : R->fields()) {
      if (I >= N)
        break;
      if (Field->isUnnamedBitField())
        continue;
      const Expr *Init = ILE->getInit(I++);
      if (Field->getType()->isReferenceType())
        S.append(borrowOf(Init, /*Contents=*/false));
      else if (Types.holdsBorrows(Field->getType()))
        S.append(valueOf(Init));
    }
  } else {
    for (; I < N; ++I)
      S.append(valueOf(ILE->getInit(I)));
  }
  flowInto(Model.Origins.ofExpr(ILE), S, /*Kill=*/true, ILE);
}

void BorrowFacts::visitLambda(const LambdaExpr *L) {
  if (!Types.holdsBorrows(L->getType()))
    return;
  Sources S;
  for (auto [Capture, Init] : llvm::zip(L->captures(), L->capture_inits())) {
    if (!Capture.capturesVariable() || !Init)
      continue;
    if (Capture.getCaptureKind() == LCK_ByRef)
      S.append(borrowOf(Init, /*Contents=*/false));
    else if (Types.holdsBorrows(Init->getType()))
      S.append(valueOf(Init));
  }
  flowInto(Model.Origins.ofExpr(L), S, /*Kill=*/true, L);
}

void BorrowFacts::visitReturn(const ReturnStmt *RS) {
  const Expr *Value = RS->getRetValue();
  QualType Result = Fn.getReturnType();
  if (!Value || (!Result->isReferenceType() && !Types.holdsBorrows(Result)))
    return;
  bool Reference = Result->isReferenceType();
  Sources S = Reference ? borrowOf(Value, /*Contents=*/false) : valueOf(Value);
  OriginID O = Model.Origins.ofExpr(RS);
  flowInto(O, S, /*Kill=*/true, RS);
  Fact Escape;
  Escape.K = Fact::Kind::Escape;
  Escape.Origin = O;
  Escape.Site = Value;
  emit(Escape);
  Model.ReturnsReference[Value] = Reference;
}

void BorrowFacts::visitLifetimeEnds(const CFGLifetimeEnds &E) {
  const VarDecl *V = E.getVarDecl();
  const Stmt *Where = E.getTriggerStmt();
  Fact F;
  F.K = Fact::Kind::Expire;
  F.Site = Where;
  // The place's type, not the declaration's: the scope of a long function
  // ends far from where its variables were declared.
  PlaceID P = Places.variable(V);
  if (!Places.get(P).Type->isReferenceType()) {
    F.Place = P;
    emit(F);
  }
  auto It = Extended.find(V);
  if (It == Extended.end())
    return;
  for (PlaceID Temp : It->second) {
    F.Place = Temp;
    emit(F);
  }
}

void BorrowFacts::afterStmt(const Stmt *S) {
  if (PendingTemporaries.empty() || !Nesting.endsFullExpression(S))
    return;
  for (PlaceID Temp : PendingTemporaries) {
    Fact F;
    F.K = Fact::Kind::Expire;
    F.Place = Temp;
    F.Site = S;
    F.EndOfFullExpression = true;
    emit(F);
  }
  PendingTemporaries.clear();
}

void BorrowFacts::finish() {
  // main's locals live as long as anything that could read a global.
  if (Fn.isMain())
    return;
  // Origins of places that outlive the call: `*this`'s members, what a
  // reference or pointer parameter refers to, globals.
  for (OriginID O = 0, N = Model.Origins.size(); O < N; ++O) {
    std::optional<PlaceID> P = Model.Origins.placeOf(O);
    if (!P)
      continue;
    PlaceTable::Storage S = Places.storageOf(*P);
    const Place &Root = Places.get(S.Root);
    bool Outlives = false;
    if (S.Pointer)
      Outlives = isa_and_nonnull<ParmVarDecl>(Root.Decl);
    else
      Outlives = Root.K == Place::Kind::This || Places.isGlobal(*P);
    if (Outlives)
      Model.OutlivingOrigins.push_back(O);
  }
}

} // namespace borrow
