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

bool CallEffects::isUserReinitializer(const FunctionDecl *F) const {
  if (Cfg.ReinitializationFunctions.empty())
    return false;
  std::string Name = F->getQualifiedNameAsString();
  for (const std::string &Listed : Cfg.ReinitializationFunctions) {
    llvm::StringRef L(Listed);
    L.consume_front("::");
    if (L == Name)
      return true;
  }
  return false;
}

ArgEffect CallEffects::fromSummary(const FunctionDecl *F, unsigned Param,
                                   ArgEffect Default) const {
  const Summary *S = Summaries.lookup(F);
  if (!S)
    return Default;
  ArgEffect E;
  E.Via = F;
  E.Parts = S->Moves;
  const MovedPart *Moved = S->movedParam(Param);
  E.Site = Moved ? Moved->Site : nullptr;
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

ArgEffect CallEffects::onParam(const FunctionDecl *Callee,
                               unsigned Param) const {
  if (!Callee || Param >= Callee->getNumParams())
    return {};
  QualType T = Callee->getParamDecl(Param)->getType();
  if (T->isRValueReferenceType())
    return fromSummary(Callee, Param, ArgEffect::of(ArgEffect::Kind::Moves));
  if (!isMutableReferenceOrPointer(T))
    return {};
  ArgEffect Writes = ArgEffect::of(ArgEffect::Kind::Reinits);
  if (Callee->isInStdNamespace())
    return stdFunctionWritesArgument(Callee) ? Writes : ArgEffect{};
  ArgEffect E = fromSummary(Callee, Param, Writes);
  // A mutable reference the callee does not move from may be written: an
  // out-parameter gives the caller's object a fresh value.
  if (E.K == ArgEffect::Kind::None)
    E.K = ArgEffect::Kind::Reinits;
  return E;
}

ArgEffect CallEffects::onObject(const CXXMethodDecl *Method,
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
  if (ObjectIsXValue && Method->getRefQualifier() == RQ_RValue)
    return fromSummary(Method, MovedPart::ThisParam,
                       ArgEffect::of(ArgEffect::Kind::Moves, Method));
  if (Method->isConst() || modelFor(Method->getParent()) ||
      isInSystemHeader(Method))
    return {};
  // A mutating method we can see into moves what its summary says; one we
  // cannot see into may assign any member.
  ArgEffect E = ArgEffect::of(ArgEffect::Kind::ReinitsParts);
  if (const Summary *S = Summaries.lookup(Method)) {
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
  if (Ctor->isImplicit() || Ctor->isDefaulted() || Ctor->isInStdNamespace() ||
      isInSystemHeader(Ctor))
    return Moves;
  return fromSummary(Ctor, Param, Moves);
}

} // namespace borrow
