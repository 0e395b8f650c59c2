//===- ExprPlaces.cpp -----------------------------------------------------===//

#include "borrow/ExprPlaces.h"
#include "borrow/Models.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/Builtins.h"

using namespace clang;

namespace borrow {

// Casts that keep denoting the same object. LValueToRValue reads the object
// rather than keeping it, but for a pointer operand of `*p` or `p->x` the
// read pointer still leads to the place, so callers opt into skipping it.
static bool keepsObject(const CastExpr *C, bool SkipRead) {
  switch (C->getCastKind()) {
  case CK_NoOp:
  case CK_DerivedToBase:
  case CK_UncheckedDerivedToBase:
    return true;
  case CK_LValueToRValue:
    return SkipRead;
  default:
    return false;
  }
}

static const Expr *skipTransparent(const Expr *E, bool SkipRead) {
  while (E) {
    if (const auto *P = dyn_cast<ParenExpr>(E))
      E = P->getSubExpr();
    else if (const auto *C = dyn_cast<CastExpr>(E);
             C && keepsObject(C, SkipRead))
      E = C->getSubExpr();
    else
      return E;
  }
  return E;
}

static bool isObjectOperator(const CXXOperatorCallExpr *Op) {
  OverloadedOperatorKind K = Op->getOperator();
  return (K == OO_Star || K == OO_Arrow) && Op->getNumArgs() == 1;
}

static bool isTrackedVariable(const ValueDecl *D) {
  return isa<VarDecl, BindingDecl>(D);
}

bool ExprPlaces::formsPlace(const Expr *E) {
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
    return isTrackedVariable(DRE->getDecl());
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    if (isa<FieldDecl>(ME->getMemberDecl()))
      return true;
    const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    return MD && !MD->isStatic();
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return UO->getOpcode() == UO_Deref;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E))
    return isObjectOperator(Op);
  return false;
}

const Expr *ExprPlaces::placeExpr(const Expr *E) {
  E = skipTransparent(E, /*SkipRead=*/false);
  return E && formsPlace(E) ? E : nullptr;
}

std::optional<PlaceID> ExprPlaces::pointeeOf(const Expr *Pointer) {
  Pointer = skipTransparent(Pointer, /*SkipRead=*/true);
  if (isa<CXXThisExpr>(Pointer)) {
    if (ThisType.isNull())
      return std::nullopt;
    return Places.thisObject(ThisType);
  }
  // `up->x`: operator-> stands for the pointee of its operand.
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Pointer);
      Op && Op->getOperator() == OO_Arrow)
    return placeOf(Op);
  std::optional<PlaceID> Base = placeOf(Pointer);
  if (!Base)
    return std::nullopt;
  QualType PointerType = Pointer->getType();
  QualType Pointee = PointerType->isPointerType()
                         ? PointerType->getPointeeType()
                         : PointerType;
  return Places.deref(*Base, Pointee);
}

std::optional<PlaceID> ExprPlaces::placeOf(const Expr *E) {
  E = skipTransparent(E, /*SkipRead=*/false);
  if (!E)
    return std::nullopt;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(E)) {
    if (!isTrackedVariable(DRE->getDecl()))
      return std::nullopt;
    return Places.variable(DRE->getDecl());
  }
  if (const auto *ME = dyn_cast<MemberExpr>(E)) {
    std::optional<PlaceID> Object =
        ME->isArrow() ? pointeeOf(ME->getBase()) : placeOf(ME->getBase());
    if (!Object)
      return std::nullopt;
    if (const auto *FD = dyn_cast<FieldDecl>(ME->getMemberDecl()))
      return Places.field(*Object, FD);
    const auto *MD = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
    if (MD && !MD->isStatic())
      return Object; // the implicit object of a member call
    return std::nullopt;
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->getOpcode() != UO_Deref)
      return std::nullopt;
    return pointeeOf(UO->getSubExpr());
  }
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E)) {
    if (!isObjectOperator(Op))
      return std::nullopt;
    std::optional<PlaceID> Owner = placeOf(Op->getArg(0));
    if (!Owner)
      return std::nullopt;
    QualType Pointee = Op->getType().getNonReferenceType();
    if (Op->getOperator() == OO_Arrow && Pointee->isPointerType())
      Pointee = Pointee->getPointeeType();
    // `*up`, `*opt`: inside what the operand owns.
    const TypeModel *M = modelFor(Op->getArg(0)->getType());
    return Places.deref(*Owner, Pointee, M && M->Owns);
  }
  if (const auto *Temp = dyn_cast<MaterializeTemporaryExpr>(E))
    return Places.temporary(Temp);
  return std::nullopt;
}

const Expr *ExprPlaces::projectedBase(const Expr *E) {
  const Expr *Base = nullptr;
  if (const auto *ME = dyn_cast<MemberExpr>(E); ME && formsPlace(ME))
    Base = ME->getBase();
  else if (const auto *UO = dyn_cast<UnaryOperator>(E);
           UO && UO->getOpcode() == UO_Deref)
    Base = UO->getSubExpr();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
           Op && isObjectOperator(Op))
    Base = Op->getArg(0);
  return Base ? skipTransparent(Base, /*SkipRead=*/true) : nullptr;
}

const Expr *ExprPlaces::movedOperand(const Expr *E) {
  // `Base(std::move(derived))` moves the base part only; places have no
  // base projection, so that is no move of a place (and no false positive
  // on the derived part's members afterwards).
  while (true) {
    if (const auto *P = dyn_cast<ParenExpr>(E)) {
      E = P->getSubExpr();
    } else if (const auto *C = dyn_cast<ImplicitCastExpr>(E)) {
      if (C->getCastKind() == CK_DerivedToBase ||
          C->getCastKind() == CK_UncheckedDerivedToBase)
        return nullptr;
      E = C->getSubExpr();
    } else {
      break;
    }
  }
  if (!E->isXValue())
    return nullptr;
  if (const auto *Call = dyn_cast<CallExpr>(E)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || Call->getNumArgs() != 1)
      return nullptr;
    switch (Callee->getBuiltinID()) {
    case Builtin::BImove:
    case Builtin::BIforward:
    case Builtin::BImove_if_noexcept:
      return Call->getArg(0);
    default:
      break;
    }
    // Without -fbuiltin-std-move the calls are ordinary functions.
    if (Callee->isInStdNamespace() && Callee->getIdentifier() &&
        (Callee->getName() == "move" || Callee->getName() == "forward"))
      return Call->getArg(0);
    return nullptr;
  }
  if (const auto *Cast = dyn_cast<ExplicitCastExpr>(E))
    if (Cast->getTypeAsWritten()->isRValueReferenceType())
      return Cast->getSubExpr();
  return nullptr;
}

} // namespace borrow
