//===- Place.cpp ----------------------------------------------------------===//

#include "borrow/Place.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace borrow {

// Roots use their own ID as parent. A variable, a temporary and `*this` are
// told apart by their keys (a declaration, an expression, null); a field
// and a deref of the same parent by theirs (the field, null).
PlaceID PlaceTable::intern(Place P, const void *Key) {
  PlaceID New = Places.size();
  if (P.Depth == 0) {
    auto [It, Inserted] = Roots.try_emplace(Key, New);
    if (!Inserted)
      return It->second;
    P.Parent = New;
  } else {
    auto [It, Inserted] = Projections.try_emplace({P.Parent, Key}, New);
    if (!Inserted)
      return It->second;
  }
  Places.push_back(P);
  Families.emplace_back();
  if (P.Depth != 0) {
    Family &Parent = Families[P.Parent];
    if (Parent.LastChild == Family::None)
      Parent.FirstChild = New;
    else
      Families[Parent.LastChild].NextSibling = New;
    Parent.LastChild = New;
  }
  return New;
}

void PlaceTable::partsOf(PlaceID P, llvm::SmallVectorImpl<PlaceID> &Out) const {
  for (PlaceID C = Families[P].FirstChild; C != Family::None;
       C = Families[C].NextSibling)
    if (Places[C].K == Place::Kind::Field) {
      Out.push_back(C);
      partsOf(C, Out);
    }
}

PlaceID PlaceTable::variable(const ValueDecl *Var) {
  // Asked again at every use and at the end of the scope: the declaration,
  // far away in memory in a long function, is only read the first time.
  if (auto It = Roots.find(Var); It != Roots.end())
    return It->second;
  Place P{Place::Kind::Variable, 0, Var, nullptr, Var->getType(), 0};
  return intern(P, Var);
}

PlaceID PlaceTable::thisObject(QualType ClassType) {
  Place P{Place::Kind::This, 0, nullptr, nullptr, ClassType, 0};
  return intern(P, nullptr);
}

PlaceID PlaceTable::temporary(const Expr *E) {
  Place P{Place::Kind::Temporary, 0, nullptr, E, E->getType(), 0};
  return intern(P, E);
}

PlaceID PlaceTable::field(PlaceID Base, const FieldDecl *Field) {
  Place P{Place::Kind::Field,    Base, Field, nullptr, Field->getType(),
          Places[Base].Depth + 1};
  return intern(P, Field);
}

PlaceID PlaceTable::deref(PlaceID Base, QualType Pointee, bool Owned) {
  Place P{Place::Kind::Deref,     Base, nullptr, nullptr, Pointee,
          Places[Base].Depth + 1, Owned};
  return intern(P, nullptr);
}

PlaceTable::Storage PlaceTable::storageOf(PlaceID P) const {
  for (PlaceID Q = P; !Places[Q].isRoot(); Q = Places[Q].Parent) {
    if (Places[Q].K == Place::Kind::Deref && !Places[Q].OwnedPointee)
      return {root(P), Places[Q].Parent};
    // A reference member refers to storage of its own, like a pointer.
    if (Places[Q].K == Place::Kind::Field && Places[Q].Decl &&
        cast<ValueDecl>(Places[Q].Decl)->getType()->isReferenceType())
      return {root(P), Q};
  }
  PlaceID Root = root(P);
  const Place &R = Places[Root];
  if (R.K == Place::Kind::Variable && R.Type->isReferenceType())
    return {Root, Root, /*ThroughReference=*/true};
  return {Root, std::nullopt};
}

PlaceID PlaceTable::root(PlaceID ID) const {
  while (!Places[ID].isRoot())
    ID = Places[ID].Parent;
  return ID;
}

bool PlaceTable::isGlobal(PlaceID ID) const {
  const Place &R = Places[root(ID)];
  const auto *V = dyn_cast_or_null<VarDecl>(R.Decl);
  return R.K == Place::Kind::Variable && V && !V->hasLocalStorage();
}

bool PlaceTable::isPrefixOf(PlaceID Prefix, PlaceID P) const {
  unsigned PrefixDepth = Places[Prefix].Depth;
  while (Places[P].Depth > PrefixDepth)
    P = Places[P].Parent;
  return P == Prefix;
}

bool PlaceTable::reachesThroughDeref(PlaceID Prefix, PlaceID P) const {
  unsigned PrefixDepth = Places[Prefix].Depth;
  for (; Places[P].Depth > PrefixDepth; P = Places[P].Parent)
    if (Places[P].K == Place::Kind::Deref)
      return true;
  return false;
}

std::string PlaceTable::describe(PlaceID ID) const {
  const Place &P = Places[ID];
  switch (P.K) {
  case Place::Kind::Variable:
    return P.Decl->getNameAsString();
  case Place::Kind::This:
    return "*this";
  case Place::Kind::Temporary:
    return "temporary";
  case Place::Kind::Deref:
    return "*" + describe(P.Parent);
  case Place::Kind::Field: {
    const Place &Base = Places[P.Parent];
    std::string Name = P.Decl->getNameAsString();
    if (Base.K == Place::Kind::This)
      return Name;
    if (Base.K == Place::Kind::Deref)
      return describe(Base.Parent) + "->" + Name;
    return describe(P.Parent) + "." + Name;
  }
  }
  return "?";
}

} // namespace borrow
