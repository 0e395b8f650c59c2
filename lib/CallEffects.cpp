//===- CallEffects.cpp ----------------------------------------------------===//

#include "borrow/CallEffects.h"
#include "borrow/Models.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace borrow {

static bool isMutableReferenceOrPointer(QualType T) {
  if (T->isLValueReferenceType() || T->isPointerType())
    return !T->getPointeeType().isConstQualified();
  return false;
}

// True if parameter \p Param of the template \p Callee was instantiated
// from was declared `T &&` with T a template parameter.
static bool isForwardingReference(const FunctionDecl *Callee, unsigned Param) {
  const FunctionDecl *Pattern = Callee->getTemplateInstantiationPattern();
  if (!Pattern || Param >= Pattern->getNumParams())
    return false;
  const auto *Ref =
      Pattern->getParamDecl(Param)->getType()->getAs<RValueReferenceType>();
  if (!Ref)
    return false;
  QualType Pointee = Ref->getPointeeType();
  return !Pointee.hasQualifiers() && Pointee->getAs<TemplateTypeParmType>();
}

bool CallEffects::isUserReinitializer(const FunctionDecl *F) const {
  return isListed(F, Cfg.ReinitializationFunctions);
}

ArgEffect CallEffects::fromSummary(const Expr *Call, const FunctionDecl *F,
                                   unsigned Param, ArgEffect Default) const {
  const Summary *S = Summaries.lookupCall(Call, F);
  if (!S)
    return Default;
  ArgEffect E;
  E.Parts = S->Moves;
  const MovedPart *Moved = S->movedParam(Param);
  E.Via = Moved && Moved->In ? Moved->In : F;
  E.Site = Moved ? Moved->Site : nullptr;
  E.SiteElsewhere = Moved ? Moved->SiteElsewhere : llvm::StringRef();
  switch (Moved ? Moved->Effect : MoveEffect::Never) {
  case MoveEffect::Never:
    E.K = ArgEffect::Kind::None;
    break;
  case MoveEffect::Maybe:
    E.K = ArgEffect::Kind::Moves;
    E.Maybe = true;
    break;
  case MoveEffect::Always:
    E.K = ArgEffect::Kind::Moves;
    break;
  }
  return E;
}

ArgEffect CallEffects::onParam(const Expr *Call, const FunctionDecl *Callee,
                               unsigned Param, QualType T) const {
  ArgEffect Moves = ArgEffect::of(ArgEffect::Kind::Moves);
  ArgEffect Writes = ArgEffect::of(ArgEffect::Kind::Reinits);
  if (!Callee) // through a function pointer: the type is all we know
    return T->isRValueReferenceType()       ? Moves
           : isMutableReferenceOrPointer(T) ? Writes
                                            : ArgEffect();
  if (T->isRValueReferenceType()) {
    // Like a move constructor, a move assignment is a move by definition.
    if (const auto *M = dyn_cast<CXXMethodDecl>(Callee);
        M && M->isMoveAssignmentOperator())
      return Moves;
    // `auto [It, New] = m.try_emplace(k, std::move(v)); if (!New) use(v);`
    // reads `v` only where it was not moved. The analysis cannot follow
    // the flag, so (like bugprone-use-after-move) it is no move at all.
    if (movesOnlyWhenInserting(Callee))
      return {};
    return fromSummary(Call, Callee, Param, Moves);
  }
  if (!isMutableReferenceOrPointer(T))
    return {};
  // `template <class T> void log(T &&)` called with an lvalue: the author
  // asked for "anything", not for an out-parameter. A read, unless the
  // callee's body moves from it.
  if (isForwardingReference(Callee, Param)) {
    ArgEffect E = fromSummary(Call, Callee, Param, ArgEffect());
    return E.K == ArgEffect::Kind::Moves ? E : ArgEffect();
  }
  if (Callee->isInStdNamespace())
    return stdFunctionWritesArgument(Callee) ? Writes : ArgEffect{};
  ArgEffect E = fromSummary(Call, Callee, Param, Writes);
  // A mutable reference the callee does not move from may be written: an
  // out-parameter gives the caller's object a fresh value.
  if (E.K == ArgEffect::Kind::None)
    E.K = ArgEffect::Kind::Reinits;
  return E;
}

ArgEffect CallEffects::onObject(const Expr *Call, const CXXMethodDecl *Method,
                                bool ObjectIsXValue) const {
  if (Method->isStatic())
    return {};
  ArgEffect Reinit = ArgEffect::of(ArgEffect::Kind::Reinits, Method);
  if (Method->getMostRecentDecl()->hasAttr<ReinitializesAttr>() ||
      isUserReinitializer(Method))
    return Reinit;
  if ((memberEffects(Method) & Reinitializes) ||
      Method->isCopyAssignmentOperator() || Method->isMoveAssignmentOperator())
    return Reinit;
  if (Method->getOverloadedOperator() == OO_Equal)
    return Reinit;
  if (ObjectIsXValue && Method->getRefQualifier() == RQ_RValue) {
    // `std::move(w).release()`: a `&&` method consumes its object, unless
    // its body provably moves nothing out of it.
    ArgEffect Consumes = ArgEffect::of(ArgEffect::Kind::Moves, Method);
    const Summary *S = Summaries.lookupCall(Call, Method);
    if (!S)
      return Consumes;
    bool MovesSome = false, MovesSurely = false;
    for (const MovedPart &Part : S->Moves)
      if (Part.Param == MovedPart::ThisParam) {
        MovesSome = true;
        MovesSurely |= Part.Effect == MoveEffect::Always;
        if (Part.In)
          Consumes.Via = Part.In;
        Consumes.Site = Part.Site;
        Consumes.SiteElsewhere = Part.SiteElsewhere;
      }
    Consumes.Maybe = !MovesSurely;
    return MovesSome ? Consumes : ArgEffect();
  }
  if (Method->isConst() || modelFor(Method->getParent()) ||
      isInSystemHeader(Method))
    return {};
  // A mutating method we can see into moves what its summary says; one we
  // cannot see into may assign any member.
  ArgEffect E = ArgEffect::of(ArgEffect::Kind::ReinitsParts);
  if (const Summary *S = Summaries.lookupCall(Call, Method)) {
    E.Via = Method;
    E.Parts = S->Moves;
  }
  return E;
}

ArgEffect CallEffects::onConstructorArg(const CXXConstructorDecl *Ctor,
                                        unsigned Param) const {
  if (Ctor->isTrivial())
    return {}; // a trivial move is a copy: the source keeps its value
  ArgEffect Moves = ArgEffect::of(ArgEffect::Kind::Moves);
  // A move constructor defines what "moved-from" means for its class, even
  // when it steals by hand rather than with std::move.
  if (Ctor->isMoveConstructor() || Ctor->isImplicit() || Ctor->isDefaulted() ||
      Ctor->isInStdNamespace() || isInSystemHeader(Ctor))
    return Moves;
  return fromSummary(nullptr, Ctor, Param, Moves);
}

} // namespace borrow
