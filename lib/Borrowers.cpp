//===- Borrowers.cpp ------------------------------------------------------===//

#include "borrow/Borrowers.h"
#include "borrow/Models.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Analysis/Analyses/LifetimeSafety/LifetimeAnnotations.h"

using namespace clang;

namespace borrow {

static const CXXRecordDecl *recordOf(QualType T) {
  return T.isNull() ? nullptr : T.getNonReferenceType()->getAsCXXRecordDecl();
}

// Standard iterators are classes in std (or __gnu_cxx, libstdc++'s
// __normal_iterator) named after what they are.
static bool isStdIterator(const CXXRecordDecl *R) {
  if (!R->getIdentifier() || !lifetimes::isInStlNamespace(R))
    return false;
  return R->getName().contains_insensitive("iterator");
}

bool Borrowers::isOwner(QualType T) const {
  const CXXRecordDecl *R = recordOf(T);
  if (!R)
    return false;
  if (const TypeModel *M = modelFor(R))
    return M->Owns;
  return lifetimes::isGslOwnerType(T.getNonReferenceType());
}

bool Borrowers::isPointer(QualType T) const {
  T = T.getNonReferenceType();
  if (T->isPointerType())
    return !T->getPointeeType()->isFunctionType();
  const CXXRecordDecl *R = recordOf(T);
  if (!R)
    return false;
  if (const TypeModel *M = modelFor(R))
    return M->Kind == Family::View;
  return isStdIterator(R) || lifetimes::isGslPointerType(T);
}

bool Borrowers::holdsBorrows(QualType T) {
  if (T.isNull())
    return false;
  if (T->isReferenceType())
    return true;
  if (Unit && !Marked)
    return Unit->holdsBorrows(T);
  bool Holds = compute(T, 0);
  for (const Type *Open : Unsettled) {
    auto It = Cache.find(Open);
    if (It == Cache.end() || It->second != Entry::Working)
      continue;
    // No type reached from T holds borrows, so neither do those that were
    // waiting on one (a cycle holds nothing unless something in it does).
    if (Holds || Cut)
      Cache.erase(It);
    else
      It->second = Entry::No;
  }
  Unsettled.clear();
  Cut = false;
  return Holds;
}

void Borrowers::markHoldsBorrows(QualType T) {
  if (T.isNull())
    return;
  T = T.getCanonicalType().getNonReferenceType();
  Marked = true;
  Cache[T.getTypePtr()] = Entry::Yes;
}

// Deeper than any class a person writes: only a runaway template gets here.
static constexpr unsigned MaxDepth = 16;

bool Borrowers::compute(QualType T, unsigned Depth) {
  T = T.getCanonicalType().getNonReferenceType();
  if (T->isPointerType())
    return !T->getPointeeType()->isFunctionType();
  if (const auto *Array = dyn_cast<ConstantArrayType>(T.getTypePtr()))
    return compute(Array->getElementType(), Depth);
  const CXXRecordDecl *R = recordOf(T);
  if (!R)
    return false;
  const Type *Key = T.getTypePtr();
  if (auto It = Cache.find(Key); It != Cache.end()) {
    if (It->second == Entry::Working)
      ++Doubts;
    return It->second == Entry::Yes;
  }
  if (isPointer(T)) {
    Cache[Key] = Entry::Yes;
    return true;
  }
  if (!R->hasDefinition()) {
    Cache[Key] = Entry::No;
    return false;
  }
  if (Depth > MaxDepth) {
    Cut = true;
    ++Doubts;
    return false;
  }
  Cache[Key] = Entry::Working;
  unsigned DoubtsBefore = Doubts;
  bool Holds = false;
  if (R->isLambda()) {
    // A closure carries what it captures by reference, and the borrows of
    // what it captures by copy.
    for (const LambdaCapture &C : R->captures())
      if (C.capturesVariable())
        Holds |= C.getCaptureKind() == LCK_ByRef ||
                 compute(C.getCapturedVar()->getType(), Depth + 1);
    for (const FieldDecl *Field : R->fields())
      Holds |= compute(Field->getType(), Depth + 1);
  } else if (const TypeModel *M = modelFor(R)) {
    // std::function may hold a lambda that borrows; a std container or
    // optional holds borrows when its elements do.
    Holds = M->Kind == Family::Function;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(R))
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray())
        if (Arg.getKind() == TemplateArgument::Type)
          Holds |= compute(Arg.getAsType(), Depth + 1);
  } else if (!isOwner(T)) {
    // An aggregate such as `struct Excerpt { std::string_view part; }`, or
    // a std::pair/tuple of borrowers.
    for (const FieldDecl *Field : R->fields())
      Holds |= compute(Field->getType(), Depth + 1);
    for (const CXXBaseSpecifier &Base : R->bases())
      Holds |= compute(Base.getType(), Depth + 1);
  }
  if (Holds)
    Cache[Key] = Entry::Yes;
  else if (Doubts == DoubtsBefore)
    Cache[Key] = Entry::No;
  else
    Unsettled.push_back(Key);
  return Holds;
}

} // namespace borrow
