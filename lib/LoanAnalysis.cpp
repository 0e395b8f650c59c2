//===- LoanAnalysis.cpp ---------------------------------------------------===//

#include "borrow/LoanAnalysis.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"

using namespace clang;

namespace borrow {

// The origins that hold the value at \p P: its own, those of the aggregates
// containing it (a whole-object assignment), those of its parts.
static void valueOrigins(PlaceID P, const PlaceTable &Places,
                         const OriginTable &Origins,
                         llvm::SmallVectorImpl<OriginID> &Out) {
  if (std::optional<OriginID> O = Origins.lookupPlace(P))
    Out.push_back(*O);
  for (PlaceID Q = P; !Places.get(Q).isRoot(); Q = Places.get(Q).Parent) {
    if (Places.get(Q).K == Place::Kind::Deref)
      break;
    if (std::optional<OriginID> O = Origins.lookupPlace(Places.get(Q).Parent))
      Out.push_back(*O);
  }
  for (OriginID O = 0, N = Origins.size(); O < N; ++O) {
    std::optional<PlaceID> Q = Origins.placeOf(O);
    if (Q && *Q != P && Places.isPrefixOf(P, *Q) &&
        !Places.reachesThroughDeref(P, *Q))
      Out.push_back(O);
  }
}

LoanDomain::LoanDomain(const FunctionFacts &Facts, const PlaceTable &Places,
                       const BorrowModel &Model, Borrowers &Types)
    : Places(Places), Model(Model), EmptySet(SetFactory.getEmptySet()) {
  for (LoanID L = 0, N = Model.Loans.size(); L < N; ++L) {
    PlaceTable::Storage S = Places.storageOf(Model.Loans.get(L).Borrowed);
    if (!S.Pointer)
      LoansByRoot[S.Root].push_back(L);
  }
  for (OriginID O = 0, N = Model.Origins.size(); O < N; ++O)
    if (std::optional<PlaceID> P = Model.Origins.placeOf(O))
      for (PlaceID Q = *P; !Places.get(Q).isRoot();) {
        Q = Places.get(Q).Parent;
        OriginsWithin[Q].push_back(O);
      }
  for (unsigned ID = 0, N = Facts.numFacts(); ID < N; ++ID) {
    const Fact &F = Facts.byID(ID);
    if (F.K != Fact::Kind::Use)
      continue;
    llvm::SmallVector<OriginID, 2> Used;
    PlaceID Root = Places.root(F.Place);
    const Place &R = Places.get(Root);
    if (R.K == Place::Kind::Variable && R.Decl->getType()->isReferenceType())
      if (std::optional<OriginID> O = Model.Origins.lookupReferent(R.Decl))
        Used.push_back(*O);
    for (PlaceID Q = F.Place; !Places.get(Q).isRoot(); Q = Places.get(Q).Parent)
      if (Places.get(Q).K == Place::Kind::Deref && !Places.get(Q).OwnedPointee)
        valueOrigins(Places.get(Q).Parent, Places, Model.Origins, Used);
    if (F.Dereferences || Types.holdsBorrows(Places.get(F.Place).Type))
      valueOrigins(F.Place, Places, Model.Origins, Used);
    llvm::sort(Used);
    Used.erase(llvm::unique(Used), Used.end());
    if (!Used.empty())
      UsedOrigins[ID] = std::move(Used);
  }
}

llvm::ArrayRef<OriginID> LoanDomain::originsUsedBy(const Fact &Use) const {
  auto It = UsedOrigins.find(Use.ID);
  if (It == UsedOrigins.end())
    return {};
  return It->second;
}

bool LoanDomain::isLocal(LoanID Entry) const {
  const Loan &Lo = Model.Loans.get(loanOf(Entry));
  if (Lo.Placeholder)
    return false;
  PlaceTable::Storage S = Places.storageOf(Lo.Borrowed);
  if (S.Pointer)
    return false;
  const Place &Root = Places.get(S.Root);
  if (Root.K == Place::Kind::Temporary)
    return true;
  if (Root.K != Place::Kind::Variable)
    return false;
  const auto *V = dyn_cast<VarDecl>(Root.Decl);
  return V && V->hasLocalStorage() && !V->getType()->isReferenceType();
}

PlaceID LoanDomain::storageRoot(LoanID Entry) const {
  return Places.storageOf(Model.Loans.get(loanOf(Entry)).Borrowed).Root;
}

LoanDomain::State LoanDomain::initial() {
  return {MapFactory.getEmptyMap(), MapFactory.getEmptyMap()};
}

LoanDomain::LoanSet LoanDomain::unite(LoanSet A, LoanSet B) {
  if (A.getHeight() < B.getHeight())
    std::swap(A, B);
  for (LoanID L : B)
    A = SetFactory.add(A, L);
  return A;
}

LoanDomain::LoanSet LoanDomain::intersect(LoanSet A, LoanSet B) {
  LoanSet Out = SetFactory.getEmptySet();
  for (LoanID L : A)
    if (B.contains(L))
      Out = SetFactory.add(Out, L);
  return Out;
}

LoanDomain::State LoanDomain::join(const State &A, const State &B) {
  State J = A;
  for (const auto &[O, Loans] : B.May) {
    const LoanSet *Mine = J.May.lookup(O);
    J.May = MapFactory.add(J.May, O, Mine ? unite(*Mine, Loans) : Loans);
  }
  OriginMap Must = MapFactory.getEmptyMap();
  for (const auto &[O, Loans] : A.Must)
    if (const LoanSet *Theirs = B.Must.lookup(O)) {
      LoanSet Both = intersect(Loans, *Theirs);
      if (!Both.isEmpty())
        Must = MapFactory.add(Must, O, Both);
    }
  J.Must = Must;
  return J;
}

bool LoanDomain::equal(const State &A, const State &B) const {
  return A.May == B.May && A.Must == B.Must;
}

LoanDomain::LoanSet LoanDomain::mayHold(const State &S, OriginID O) const {
  const LoanSet *Loans = S.May.lookup(O);
  return Loans ? *Loans : EmptySet;
}

LoanDomain::LoanSet LoanDomain::mustHold(const State &S, OriginID O) const {
  const LoanSet *Loans = S.Must.lookup(O);
  return Loans ? *Loans : EmptySet;
}

// Every holder of one of \p Loans now holds it dead.
LoanDomain::OriginMap LoanDomain::killDead(OriginMap M,
                                           llvm::ArrayRef<LoanID> Loans) {
  OriginMap Out = M;
  for (const auto &[O, Held] : M) {
    LoanSet Updated = Held;
    for (LoanID L : Loans)
      if (Updated.contains(L))
        Updated = SetFactory.add(SetFactory.remove(Updated, L), L | DeadBit);
    if (Updated != Held)
      Out = MapFactory.add(Out, O, Updated);
  }
  return Out;
}

LoanDomain::OriginMap LoanDomain::forget(OriginMap M,
                                         llvm::ArrayRef<OriginID> Origins) {
  for (OriginID O : Origins)
    M = MapFactory.remove(M, O);
  return M;
}

void LoanDomain::transfer(State &S, const Fact &F) {
  switch (F.K) {
  case Fact::Kind::Issue: {
    auto Add = [&](OriginMap M) {
      const LoanSet *Old = M.lookup(F.Origin);
      return MapFactory.add(
          M, F.Origin,
          SetFactory.add(Old ? *Old : SetFactory.getEmptySet(), F.Loan));
    };
    S.May = Add(S.May);
    if (!F.Maybe)
      S.Must = Add(S.Must);
    break;
  }
  case Fact::Kind::Flow: {
    auto Move = [&](OriginMap M) {
      const LoanSet *Src = M.lookup(F.Src);
      const LoanSet *Dst = M.lookup(F.Origin);
      LoanSet From = Src ? *Src : SetFactory.getEmptySet();
      LoanSet To = F.Kill || !Dst ? From : unite(*Dst, From);
      return To.isEmpty() ? MapFactory.remove(M, F.Origin)
                          : MapFactory.add(M, F.Origin, To);
    };
    S.May = Move(S.May);
    if (!F.Maybe || F.Kill)
      S.Must = Move(S.Must);
    break;
  }
  case Fact::Kind::Expire: {
    auto It = LoansByRoot.find(F.Place);
    if (It == LoansByRoot.end())
      break;
    S.May = killDead(S.May, It->second);
    S.Must = killDead(S.Must, It->second);
    break;
  }
  case Fact::Kind::Reinit:
  case Fact::Kind::ReinitParts: {
    // A write we cannot see into (an out-parameter, a mutating method) may
    // have given the place's pointer members new values: forget theirs.
    auto It = OriginsWithin.find(F.Place);
    if (It == OriginsWithin.end())
      break;
    S.May = forget(S.May, It->second);
    S.Must = forget(S.Must, It->second);
    break;
  }
  default:
    break;
  }
}

// The caller-side part a loan stands for, if it is one.
static std::optional<BorrowedPart> partOf(const FunctionDecl &F, const Loan &L,
                                          const PlaceTable &Places) {
  PlaceTable::Storage S = Places.storageOf(L.Borrowed);
  PlaceID Root = S.Root;
  const Place &R = Places.get(Root);
  unsigned Param;
  if (R.K == Place::Kind::This && !S.Pointer) {
    Param = MovedPart::ThisParam;
  } else if (const auto *PVD = dyn_cast_or_null<ParmVarDecl>(R.Decl);
             PVD && PVD->getDeclContext() == &F &&
             (L.Placeholder || S.ThroughReference)) {
    Param = PVD->getFunctionScopeIndex();
  } else {
    return std::nullopt;
  }
  bool Carries =
      L.Placeholder && Places.get(L.Borrowed).K == Place::Kind::Deref;
  BorrowedPart Part{Param, {}, L.Contents && !L.Placeholder, Carries, L.Site};
  if (L.Placeholder)
    return Part;
  for (PlaceID P = L.Borrowed; P != Root; P = Places.get(P).Parent) {
    if (Places.get(P).K != Place::Kind::Field)
      return std::nullopt;
    Part.Fields.insert(Part.Fields.begin(),
                       cast<FieldDecl>(Places.get(P).Decl));
  }
  return Part;
}

llvm::SmallVector<BorrowedPart, 2>
summarizeResult(const FunctionDecl &F,
                const ForwardDataflow<LoanDomain> &Solution, LoanDomain &Loans,
                const PlaceTable &Places) {
  llvm::SmallVector<BorrowedPart, 2> Parts;
  Solution.replay([&](const Fact &Escape, const LoanDomain::State &S) {
    if (Escape.K != Fact::Kind::Escape)
      return;
    for (LoanID L : Loans.mayHold(S, Escape.Origin))
      if (std::optional<BorrowedPart> Part =
              partOf(F, Loans.model().Loans.get(LoanDomain::loanOf(L)), Places);
          Part && !llvm::is_contained(Parts, *Part))
        Parts.push_back(*Part);
  });
  return Parts;
}

} // namespace borrow
