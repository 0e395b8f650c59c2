//===- MoveAnalysis.cpp ---------------------------------------------------===//

#include "borrow/MoveAnalysis.h"
#include "clang/AST/Decl.h"
#include <functional>

using namespace clang;

namespace borrow {

MoveDomain::MoveDomain(const FunctionFacts &Facts, const PlaceTable &Places)
    : Facts(Facts), Places(Places), BitOfMove(Facts.numFacts(), ~0u),
      MovesAt(Places.size(), {0, 0}) {
  // By place, then in fact order (sorting the keys, not the facts they
  // point to, keeps a long function's sort in cache). The scan stops at the
  // last move.
  unsigned NumMoves = Facts.count(Fact::Kind::Move);
  std::vector<std::pair<PlaceID, unsigned>> ByPlace;
  ByPlace.reserve(NumMoves);
  for (unsigned ID = 0, N = Facts.numFacts();
       ID < N && ByPlace.size() < NumMoves; ++ID)
    if (Facts.byID(ID).K == Fact::Kind::Move)
      ByPlace.push_back({Facts.byID(ID).Place, ID});
  llvm::sort(ByPlace);
  for (auto [Place, ID] : ByPlace) {
    unsigned Bit = Moves.size();
    Moves.push_back(&Facts.byID(ID));
    BitOfMove[ID] = Bit;
    auto &Range = MovesAt[Place];
    if (Range.first == Range.second)
      Range.first = Bit;
    Range.second = Bit + 1;
  }
  for (unsigned I = 0, N = ByPlace.size(); I < N; ++I) {
    PlaceID Moved = ByPlace[I].first;
    if (I > 0 && ByPlace[I - 1].first == Moved)
      continue;
    for (PlaceID P = Moved; !Places.get(P).isRoot();) {
      P = Places.get(P).Parent;
      MovedBelow[P].push_back(Moved);
    }
  }
}

MoveDomain::State MoveDomain::initial() const {
  return {llvm::BitVector(Moves.size()), llvm::BitVector(Places.size())};
}

MoveDomain::State MoveDomain::join(const State &A, const State &B) const {
  State J = A;
  J.Reaching |= B.Reaching;
  J.Definite &= B.Definite;
  return J;
}

bool MoveDomain::equal(const State &A, const State &B) const {
  return A.Reaching == B.Reaching && A.Definite == B.Definite;
}

// Forgets the moves of exactly \p P.
void MoveDomain::killAt(State &S, PlaceID P) const {
  auto [Begin, End] = MovesAt[P];
  if (Begin == End)
    return;
  S.Reaching.reset(Begin, End);
  S.Definite.reset(P);
}

// A reinitialised place is no longer moved-from, and neither are its parts.
// Nor is a moved-from place it belongs to: `s.name = x` after moving `s`
// makes `s` partly valid, and reporting a use of it would be a guess.
void MoveDomain::kill(State &S, PlaceID P, bool OnlyParts) const {
  if (auto It = MovedBelow.find(P); It != MovedBelow.end())
    for (PlaceID Part : It->second)
      killAt(S, Part);
  if (OnlyParts)
    return;
  killAt(S, P);
  for (PlaceID Q = P; !Places.get(Q).isRoot();) {
    Q = Places.get(Q).Parent;
    killAt(S, Q);
  }
}

void MoveDomain::transfer(State &S, const Fact &F) const {
  switch (F.K) {
  case Fact::Kind::Move: {
    // A new move of a place supersedes the earlier ones of it and its parts.
    bool WasDefinite = S.Definite.test(F.Place);
    kill(S, F.Place, /*OnlyParts=*/true);
    killAt(S, F.Place);
    if (WasDefinite)
      S.Definite.set(F.Place);
    S.Reaching.set(BitOfMove[Facts.idOf(F)]);
    if (!F.Maybe)
      S.Definite.set(F.Place);
    break;
  }
  case Fact::Kind::Reinit:
  case Fact::Kind::NotNull:
    kill(S, F.Place, /*OnlyParts=*/false);
    break;
  case Fact::Kind::ReinitParts:
    kill(S, F.Place, /*OnlyParts=*/true);
    break;
  case Fact::Kind::Use:
  case Fact::Kind::Issue:
  case Fact::Kind::Flow:
  case Fact::Kind::Expire:
  case Fact::Kind::Escape:
  case Fact::Kind::Invalidate:
  case Fact::Kind::MutableAlias:
    break;
  }
}

bool MoveDomain::transferEdge(State &S, const Fact &F) const {
  // A moved-from smart pointer is null: where it tests non-null, it was not
  // moved from, and if it was moved from on every path, that branch is dead.
  if (F.K == Fact::Kind::NotNull && isDefinitelyMoved(S, F.Place))
    return false;
  transfer(S, F);
  return true;
}

llvm::SmallVector<const Fact *, 2>
MoveDomain::movesReaching(const State &S, PlaceID Used) const {
  llvm::SmallVector<const Fact *, 2> Result;
  for (PlaceID P = Used;; P = Places.get(P).Parent) {
    auto [Begin, End] = MovesAt[P];
    for (int Bit = Begin == End ? -1 : S.Reaching.find_first_in(Begin, End);
         Bit != -1; Bit = S.Reaching.find_first_in(Bit + 1, End))
      Result.push_back(Moves[Bit]);
    if (Places.get(P).isRoot())
      break;
  }
  // A function's facts sit in one array in ID order.
  llvm::sort(Result, std::less<const Fact *>());
  return Result;
}

Summary MoveDomain::summarize(const FunctionDecl &F, const State &Exit) const {
  Summary S;
  // In fact order, as the summary's notes expect (the order of the array
  // the facts sit in).
  llvm::SmallVector<const Fact *, 8> Reaching;
  for (unsigned Bit : Exit.Reaching.set_bits())
    Reaching.push_back(Moves[Bit]);
  llvm::sort(Reaching, std::less<const Fact *>());
  for (const Fact *Reached : Reaching) {
    const Fact &Move = *Reached;
    // Walk up to the root collecting fields; a Deref on the way means the
    // object is not the caller's.
    llvm::SmallVector<const FieldDecl *, 2> Fields;
    PlaceID P = Move.Place;
    bool ThroughDeref = false;
    for (; !Places.get(P).isRoot(); P = Places.get(P).Parent) {
      const Place &Step = Places.get(P);
      if (Step.K != Place::Kind::Field) {
        ThroughDeref = true;
        break;
      }
      Fields.insert(Fields.begin(), cast<FieldDecl>(Step.Decl));
    }
    if (ThroughDeref)
      continue;
    const Place &Root = Places.get(P);
    unsigned Param;
    if (Root.K == Place::Kind::This) {
      Param = MovedPart::ThisParam;
    } else if (const auto *PVD = dyn_cast_or_null<ParmVarDecl>(Root.Decl);
               PVD && PVD->getDeclContext() == &F &&
               PVD->getType()->isReferenceType() &&
               !PVD->getType().getNonReferenceType().isConstQualified()) {
      Param = PVD->getFunctionScopeIndex();
    } else {
      continue;
    }
    MoveEffect Effect = isDefinitelyMoved(Exit, Move.Place) ? MoveEffect::Always
                                                            : MoveEffect::Maybe;
    bool Merged = false;
    for (MovedPart &Known : S.Moves)
      if (Known.Param == Param && Known.Fields == Fields) {
        Merged = true;
        if (Effect == MoveEffect::Always)
          Known.Effect = Effect;
      }
    if (!Merged)
      S.Moves.push_back({Param, Fields, Effect, Move.Site});
  }
  return S;
}

} // namespace borrow
