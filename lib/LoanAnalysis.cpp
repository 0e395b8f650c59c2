//===- LoanAnalysis.cpp ---------------------------------------------------===//

#include "borrow/LoanAnalysis.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/BitVector.h"

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
  llvm::SmallVector<PlaceID, 4> Parts;
  Places.partsOf(P, Parts);
  for (PlaceID Q : Parts)
    if (std::optional<OriginID> O = Origins.lookupPlace(Q))
      Out.push_back(*O);
}

// True if some projection from \p Prefix down to \p P enters what an owner
// owns (`*up`, `*opt`): then \p P lives in storage the owner manages.
static bool reachesThroughOwned(const PlaceTable &Places, PlaceID Prefix,
                                PlaceID P) {
  for (PlaceID Q = P; Q != Prefix && !Places.get(Q).isRoot();
       Q = Places.get(Q).Parent)
    if (Places.get(Q).K == Place::Kind::Deref && Places.get(Q).OwnedPointee)
      return true;
  return false;
}

bool LoanDomain::invalidates(const Fact &F, const Loan &L) const {
  if (L.Placeholder)
    return false;
  PlaceID T = L.Target;
  bool Inside = Places.isPrefixOf(F.Place, T);
  switch (F.K == Fact::Kind::Move ? InvalidationScope::Whole
                                  : F.Invalidates.Scope) {
  case InvalidationScope::None:
    return false;
  case InvalidationScope::Whole:
    // Mode Rust: touching `c` conflicts with a borrow of `c.items` and the
    // other way round.
    return Inside ||
           (Mode == Config::BorrowMode::Rust && Places.isPrefixOf(T, F.Place));
  case InvalidationScope::Element:
    return Inside;
  case InvalidationScope::Iterators:
    if (!L.Iterator)
      return false;
    [[fallthrough]];
  case InvalidationScope::Contents:
    // What the place owns, not the place itself: `&v` survives
    // `v.push_back(x)`, `&v[0]` may not.
    return Inside && (L.Contents || (T != F.Place &&
                                     reachesThroughOwned(Places, F.Place, T)));
  }
  return false;
}

bool heldByRangeFor(const BorrowModel &Model, const PlaceTable &Places,
                    OriginID O) {
  if (std::optional<PlaceID> P = Model.Origins.placeOf(O)) {
    const Place &R = Places.get(Places.root(*P));
    return R.Decl && R.Decl->isImplicit();
  }
  const ValueDecl *Ref = Model.Origins.referentOf(O);
  return Ref && Ref->isImplicit();
}

std::string describeHolder(const BorrowModel &Model, const PlaceTable &Places,
                           OriginID O) {
  if (heldByRangeFor(Model, Places, O))
    return "the range-for loop";
  if (std::optional<PlaceID> P = Model.Origins.placeOf(O))
    return "'" + Places.describe(*P) + "'";
  if (const ValueDecl *Ref = Model.Origins.referentOf(O))
    return "'" + Ref->getNameAsString() + "'";
  return "";
}

LoanDomain::LoanDomain(const FunctionFacts &Facts, const PlaceTable &Places,
                       const BorrowModel &Model, Borrowers &Types,
                       Config::BorrowMode Mode)
    : Facts(Facts), Places(Places), Model(Model),
      EmptySet(SetFactory.getEmptySet()),
      HolderSlotOfLoan(Model.Loans.size(), NoSlot),
      InvalidatedBy(Facts.numFacts(), NoList), Mode(Mode) {
  std::vector<std::pair<unsigned, LoanID>> ByRoot;
  std::vector<unsigned> SlotOfRoot(Places.size(), NoSlot);
  for (LoanID L = 0, N = Model.Loans.size(); L < N; ++L) {
    PlaceTable::Storage S = Places.storageOf(Model.Loans.get(L).Borrowed);
    if (S.Pointer)
      continue;
    ByRoot.push_back({S.Root, L});
    if (SlotOfRoot[S.Root] == NoSlot) {
      SlotOfRoot[S.Root] = Holders.size();
      Holders.emplace_back();
    }
    HolderSlotOfLoan[L] = SlotOfRoot[S.Root];
  }
  LoansByRoot.assign(Places.size(), ByRoot);
  std::vector<std::pair<unsigned, OriginID>> Within;
  for (OriginID O = 0, N = Model.Origins.size(); O < N; ++O)
    if (std::optional<PlaceID> P = Model.Origins.placeOf(O))
      for (PlaceID Q = *P; !Places.get(Q).isRoot();) {
        Q = Places.get(Q).Parent;
        Within.push_back({Q, O});
      }
  OriginsWithin.assign(Places.size(), Within);
  // A mutation only reaches loans whose target shares its root.
  std::vector<std::pair<unsigned, LoanID>> ByTargetRoot;
  for (LoanID L = 0, N = Model.Loans.size(); L < N; ++L)
    ByTargetRoot.push_back({Places.root(Model.Loans.get(L).Target), L});
  FactLists<LoanID> LoansByTargetRoot;
  LoansByTargetRoot.assign(Places.size(), ByTargetRoot);
  // What a mutation invalidates depends on its place and its scope only.
  llvm::DenseMap<std::pair<PlaceID, unsigned>, std::optional<unsigned>> ListOf;
  std::vector<std::pair<unsigned, OriginID>> Uses;
  for (unsigned ID = 0, N = Facts.numFacts(); ID < N; ++ID) {
    const Fact &F = Facts.byID(ID);
    bool Mutates =
        F.K == Fact::Kind::Invalidate ||
        (F.K == Fact::Kind::Move && Mode == Config::BorrowMode::Rust);
    if (Mutates) {
      InvalidationScope Scope = F.K == Fact::Kind::Move
                                    ? InvalidationScope::Whole
                                    : F.Invalidates.Scope;
      auto [List, New] = ListOf.try_emplace({F.Place, unsigned(Scope)});
      if (New) {
        llvm::SmallVector<LoanID, 2> Hit;
        for (LoanID L : LoansByTargetRoot.of(Places.root(F.Place)))
          if (invalidates(F, Model.Loans.get(L)))
            Hit.push_back(L);
        if (!Hit.empty()) {
          List->second = InvalidatedLoans.size();
          InvalidatedLoans.push_back(std::move(Hit));
        }
      }
      if (List->second)
        InvalidatedBy[ID] = *List->second;
      continue;
    }
    if (F.K != Fact::Kind::Use)
      continue;
    llvm::SmallVector<OriginID, 2> Used;
    PlaceID Root = Places.root(F.Place);
    const Place &R = Places.get(Root);
    if (R.K == Place::Kind::Variable && R.Type->isReferenceType())
      if (std::optional<OriginID> O = Model.Origins.lookupReferent(R.Decl))
        Used.push_back(*O);
    for (PlaceID Q = F.Place; !Places.get(Q).isRoot(); Q = Places.get(Q).Parent)
      if (Places.get(Q).K == Place::Kind::Deref && !Places.get(Q).OwnedPointee)
        valueOrigins(Places.get(Q).Parent, Places, Model.Origins, Used);
    if (F.Dereferences || Types.holdsBorrows(Places.get(F.Place).Type))
      valueOrigins(F.Place, Places, Model.Origins, Used);
    llvm::sort(Used);
    Used.erase(llvm::unique(Used), Used.end());
    for (OriginID O : Used)
      Uses.push_back({ID, O});
  }
  UsedOrigins.assign(Facts.numFacts(), Uses);
  collectLastMentions();
}

// One mention of an origin by a fact: whether the fact reads what the
// origin holds, and whether it changes it.
struct Mention {
  OriginID O;
  bool Reads;
  bool Writes;
};

// Calls \p Visit with each origin \p F mentions: for a Use, the origins it
// reads (\p UsedBy, by fact), for a Reinit those it forgets (\p Within, by
// place).
template <typename Fn>
static void forEachMention(const Fact &F, unsigned ID,
                           const FactLists<OriginID> &UsedBy,
                           const FactLists<OriginID> &Within, Fn Visit) {
  switch (F.K) {
  case Fact::Kind::Flow:
    Visit(Mention{F.Src, true, false});
    Visit(Mention{F.Origin, !F.Kill || F.Maybe, true});
    return;
  case Fact::Kind::Issue:
    Visit(Mention{F.Origin, !F.Kill, true});
    return;
  case Fact::Kind::Escape:
  case Fact::Kind::Invalidate:
    Visit(Mention{F.Origin, true, false});
    return;
  case Fact::Kind::Use:
    for (OriginID O : UsedBy.of(ID))
      Visit(Mention{O, true, false});
    return;
  case Fact::Kind::Reinit:
  case Fact::Kind::ReinitParts:
    for (OriginID O : Within.of(F.Place))
      Visit(Mention{O, false, true});
    return;
  default:
    return;
  }
}

// True for the value of an expression, and for a local variable's (or a
// temporary's, or one of their members') own value or referent: nothing
// outside the function reads it, and no rule reads it at the function's end.
bool LoanDomain::isLocalToTheCall(OriginID O) const {
  if (O == OriginTable::Empty)
    return false;
  if (const ValueDecl *Ref = Model.Origins.referentOf(O)) {
    const auto *V = dyn_cast<VarDecl>(Ref);
    return V && V->hasLocalStorage();
  }
  std::optional<PlaceID> P = Model.Origins.placeOf(O);
  if (!P)
    return true;
  PlaceTable::Storage S = Places.storageOf(*P);
  if (S.Pointer)
    return false;
  const Place &Root = Places.get(S.Root);
  if (Root.K == Place::Kind::Temporary)
    return true;
  const auto *V = dyn_cast_or_null<VarDecl>(Root.Decl);
  return Root.K == Place::Kind::Variable && V && V->hasLocalStorage() &&
         !Root.Type->isReferenceType();
}

// An origin is forgotten after its last mention when all its mentions are
// in one block and the first one replaces what it holds (every expression
// value starts as `Set(O <- Empty)`, every local variable with its
// initialiser): it then holds nothing on entry to that block, and no fact
// reads it after that last mention. A local variable's origin must also be
// last mentioned by a read: one last written (a view bound to a temporary)
// is still read by the temporary's end.
void LoanDomain::collectLastMentions() {
  struct Mentions {
    bool Seen = false;
    bool Forgettable = false;
    bool LastOnlyReads = false;
    unsigned Block = 0;
    unsigned Last = 0;
  };
  std::vector<Mentions> Of(Model.Origins.size());
  llvm::BitVector Eligible(Of.size());
  for (OriginID O = 0, N = Of.size(); O < N; ++O)
    Eligible[O] = isLocalToTheCall(O);
  auto Note = [&](unsigned B, unsigned ID, const Mention &M) {
    if (!Eligible.test(M.O))
      return;
    Mentions &Ms = Of[M.O];
    if (!Ms.Seen) {
      Ms = Mentions{true, M.Writes && !M.Reads, !M.Writes, B, ID};
      return;
    }
    Ms.Last = ID;
    Ms.LastOnlyReads = !M.Writes;
    if (Ms.Block != B)
      Ms.Forgettable = false;
  };
  llvm::BitVector InBlock(Facts.numFacts());
  for (unsigned B = 0, N = Facts.numBlocks(); B < N; ++B)
    for (const Fact &F : Facts.block(B)) {
      unsigned ID = Facts.idOf(F);
      InBlock.set(ID);
      forEachMention(F, ID, UsedOrigins, OriginsWithin,
                     [&](const Mention &M) { Note(B, ID, M); });
    }
  // Facts on edges are mentions outside any block.
  for (unsigned ID = 0, N = Facts.numFacts(); ID < N; ++ID)
    if (!InBlock.test(ID))
      forEachMention(Facts.byID(ID), ID, UsedOrigins, OriginsWithin,
                     [&](const Mention &M) {
                       if (Eligible.test(M.O))
                         Of[M.O].Forgettable = false;
                     });
  std::vector<std::pair<unsigned, OriginID>> Last;
  IsPassing.resize(Of.size());
  for (OriginID O = 0, N = Of.size(); O < N; ++O)
    if (Of[O].Seen && Of[O].Forgettable &&
        (Of[O].LastOnlyReads ||
         (!Model.Origins.placeOf(O) && !Model.Origins.referentOf(O)))) {
      Last.push_back({Of[O].Last, O});
      IsPassing.set(O);
    }
  LastMentions.assign(Facts.numFacts(), Last);
}

llvm::ArrayRef<OriginID> LoanDomain::originsUsedBy(const Fact &Use) const {
  return UsedOrigins.of(Facts.idOf(Use));
}

bool LoanDomain::isLocal(Entry E) const {
  const Loan &Lo = Model.Loans.get(loanOf(E));
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

PlaceID LoanDomain::storageRoot(Entry E) const {
  return Places.storageOf(Model.Loans.get(loanOf(E)).Borrowed).Root;
}

LoanDomain::State LoanDomain::initial() {
  OriginMap Empty = MapFactory.getEmptyMap();
  return {{Empty, Empty}, {Empty, Empty}};
}

LoanDomain::LoanSet LoanDomain::unite(LoanSet A, LoanSet B) {
  if (A.getHeight() < B.getHeight())
    std::swap(A, B);
  for (Entry L : B)
    A = SetFactory.add(A, L);
  return A;
}

LoanDomain::LoanSet LoanDomain::intersect(LoanSet A, LoanSet B) {
  LoanSet Out = SetFactory.getEmptySet();
  for (Entry L : A)
    if (B.contains(L))
      Out = SetFactory.add(Out, L);
  return Out;
}

// True if \p A and \p B are the same trees: equal without looking inside.
static bool sameTrees(const LoanDomain::Holdings &A,
                      const LoanDomain::Holdings &B) {
  return A.Lasting.getRootWithoutRetain() == B.Lasting.getRootWithoutRetain() &&
         A.Passing.getRootWithoutRetain() == B.Passing.getRootWithoutRetain();
}

template <typename Fn>
static void forEachHolder(const LoanDomain::Holdings &H, Fn Visit) {
  for (const auto &[O, Loans] : H.Lasting)
    Visit(O, Loans);
  for (const auto &[O, Loans] : H.Passing)
    Visit(O, Loans);
}

const LoanDomain::LoanSet *LoanDomain::lookup(const Holdings &H,
                                              OriginID O) const {
  return (IsPassing.test(O) ? H.Passing : H.Lasting).lookup(O);
}

LoanDomain::Holdings LoanDomain::put(Holdings H, OriginID O, LoanSet Loans) {
  OriginMap &M = IsPassing.test(O) ? H.Passing : H.Lasting;
  M = Loans.isEmpty() ? MapFactory.remove(M, O) : MapFactory.add(M, O, Loans);
  return H;
}

LoanDomain::State LoanDomain::join(const State &A, const State &B) {
  State J = A;
  if (!sameTrees(A.May, B.May))
    forEachHolder(B.May, [&](OriginID O, const LoanSet &Loans) {
      const LoanSet *Mine = lookup(J.May, O);
      J.May = put(J.May, O, Mine ? unite(*Mine, Loans) : Loans);
    });
  // Must never holds an empty set: a map met with itself is itself.
  if (sameTrees(A.Must, B.Must))
    return J;
  Holdings Must = initial().Must;
  forEachHolder(A.Must, [&](OriginID O, const LoanSet &Loans) {
    if (const LoanSet *Theirs = lookup(B.Must, O))
      Must = put(Must, O, intersect(Loans, *Theirs));
  });
  J.Must = Must;
  return J;
}

bool LoanDomain::equal(const State &A, const State &B) const {
  return A.May.Lasting == B.May.Lasting && A.May.Passing == B.May.Passing &&
         A.Must.Lasting == B.Must.Lasting && A.Must.Passing == B.Must.Passing;
}

LoanDomain::LoanSet LoanDomain::mayHold(const State &S, OriginID O) const {
  const LoanSet *Loans = lookup(S.May, O);
  return Loans ? *Loans : EmptySet;
}

LoanDomain::LoanSet LoanDomain::mustHold(const State &S, OriginID O) const {
  const LoanSet *Loans = lookup(S.Must, O);
  return Loans ? *Loans : EmptySet;
}

void LoanDomain::noteHolder(Entry E, OriginID O) {
  if (isDead(E))
    return;
  if (unsigned Slot = HolderSlotOfLoan[loanOf(E)]; Slot != NoSlot)
    Holders[Slot].insert(O);
}

llvm::SmallVector<OriginID, 4> LoanDomain::holdersOf(PlaceID Root) const {
  llvm::ArrayRef<LoanID> Loans = LoansByRoot.of(Root);
  if (Loans.empty())
    return {};
  const auto &Of = Holders[HolderSlotOfLoan[Loans.front()]];
  llvm::SmallVector<OriginID, 4> Sorted(Of.begin(), Of.end());
  llvm::sort(Sorted);
  return Sorted;
}

// Every holder of one of \p Loans (all of one root, with holder slot
// \p Slot) now holds it dead.
LoanDomain::Holdings LoanDomain::killDead(Holdings H, unsigned Slot,
                                          llvm::ArrayRef<LoanID> Loans) {
  Holdings Out = H;
  for (OriginID O : Holders[Slot]) {
    const LoanSet *Held = lookup(H, O);
    if (!Held)
      continue;
    LoanSet Updated = *Held;
    for (LoanID L : Loans)
      if (Updated.contains(L))
        Updated = SetFactory.add(SetFactory.remove(Updated, L), L | DeadBit);
    if (Updated != *Held)
      Out = put(Out, O, Updated);
  }
  return Out;
}

// The holders of one of \p Loans (for an Element scope, only the iterator
// argument's origin) now hold it invalidated by \p F.
LoanDomain::Holdings LoanDomain::invalidate(Holdings H, const Fact &F,
                                            llvm::ArrayRef<LoanID> Loans) {
  Entry Mark = Entry(Facts.idOf(F) + 1) << 33;
  bool OnlyArgument = F.K == Fact::Kind::Invalidate &&
                      F.Invalidates.Scope == InvalidationScope::Element;
  Holdings Out = H;
  forEachHolder(H, [&](OriginID O, const LoanSet &Held) {
    if (OnlyArgument && O != F.Origin)
      return;
    // An origin holds few loans; a mutation may reach many (\p Loans is
    // sorted).
    LoanSet Updated = Held;
    for (Entry E : Held)
      if (isValid(E) && llvm::binary_search(Loans, loanOf(E)))
        Updated = SetFactory.add(SetFactory.remove(Updated, E), E | Mark);
    if (Updated != Held)
      Out = put(Out, O, Updated);
  });
  return Out;
}

LoanDomain::Holdings LoanDomain::forget(Holdings H,
                                        llvm::ArrayRef<OriginID> Origins) {
  for (OriginID O : Origins)
    H = put(H, O, EmptySet);
  return H;
}

// Applies \p Update to both holdings of \p S. Where no fact was Maybe, May
// and Must are the same trees: they are then updated once, and stay shared.
template <typename Fn> static void updateBoth(LoanDomain::State &S, Fn Update) {
  bool Shared = sameTrees(S.May, S.Must);
  S.May = Update(S.May);
  S.Must = Shared ? S.May : Update(S.Must);
}

void LoanDomain::transfer(State &S, const Fact &F) {
  apply(S, F);
  if (llvm::ArrayRef<OriginID> Dead = LastMentions.of(Facts.idOf(F));
      !Dead.empty())
    updateBoth(S, [&](const Holdings &H) { return forget(H, Dead); });
}

void LoanDomain::apply(State &S, const Fact &F) {
  switch (F.K) {
  case Fact::Kind::Issue: {
    noteHolder(F.Loan, F.Origin);
    auto Add = [&](const Holdings &H) {
      const LoanSet *Old = F.Kill ? nullptr : lookup(H, F.Origin);
      return put(H, F.Origin, SetFactory.add(Old ? *Old : EmptySet, F.Loan));
    };
    if (F.Maybe)
      S.May = Add(S.May);
    else
      updateBoth(S, Add);
    break;
  }
  case Fact::Kind::Flow: {
    auto Move = [&](const Holdings &H) {
      const LoanSet *Src = lookup(H, F.Src);
      const LoanSet *Dst = lookup(H, F.Origin);
      LoanSet From = Src ? *Src : EmptySet;
      for (Entry E : From)
        noteHolder(E, F.Origin);
      return put(H, F.Origin, F.Kill || !Dst ? From : unite(*Dst, From));
    };
    // A Maybe clearing (Kill, from the empty origin): Origin is replaced
    // on some paths only, so it surely holds nothing but keeps what it may.
    if (F.Maybe && F.Kill)
      S.Must = Move(S.Must);
    else if (F.Maybe)
      S.May = Move(S.May);
    else
      updateBoth(S, Move);
    break;
  }
  case Fact::Kind::Expire: {
    llvm::ArrayRef<LoanID> Loans = LoansByRoot.of(F.Place);
    if (Loans.empty())
      break;
    unsigned Slot = HolderSlotOfLoan[Loans.front()];
    updateBoth(S, [&](const Holdings &H) { return killDead(H, Slot, Loans); });
    break;
  }
  case Fact::Kind::Invalidate:
  case Fact::Kind::Move: {
    unsigned List = InvalidatedBy[Facts.idOf(F)];
    if (List == NoList)
      break;
    llvm::ArrayRef<LoanID> Loans = InvalidatedLoans[List];
    updateBoth(S, [&](const Holdings &H) { return invalidate(H, F, Loans); });
    break;
  }
  case Fact::Kind::Reinit:
  case Fact::Kind::ReinitParts: {
    // A write we cannot see into (an out-parameter, a mutating method) may
    // have given the place's pointer members new values: forget theirs.
    llvm::ArrayRef<OriginID> Within = OriginsWithin.of(F.Place);
    if (Within.empty())
      break;
    updateBoth(S, [&](const Holdings &H) { return forget(H, Within); });
    break;
  }
  default:
    break;
  }
}

// A place of the callee in its caller's terms: the parameter (a reference
// one, or any one for a placeholder) or `*this` it lies in, and the field
// path below it. None for locals, for places behind pointers and, unless
// \p Placeholder, for paths that are not fields only.
struct CallerPart {
  unsigned Param;
  llvm::SmallVector<const FieldDecl *, 2> Fields;
};
static std::optional<CallerPart> callerPartOf(const FunctionDecl &F, PlaceID P,
                                              const PlaceTable &Places,
                                              bool Placeholder = false) {
  PlaceTable::Storage S = Places.storageOf(P);
  const Place &R = Places.get(S.Root);
  CallerPart Part;
  if (R.K == Place::Kind::This && !S.Pointer)
    Part.Param = MovedPart::ThisParam;
  else if (const auto *PVD = dyn_cast_or_null<ParmVarDecl>(R.Decl);
           PVD && PVD->getDeclContext() == &F &&
           (Placeholder || S.ThroughReference))
    Part.Param = PVD->getFunctionScopeIndex();
  else
    return std::nullopt;
  if (Placeholder)
    return Part;
  for (PlaceID Q = P; Q != S.Root; Q = Places.get(Q).Parent) {
    if (Places.get(Q).K != Place::Kind::Field)
      return std::nullopt;
    Part.Fields.insert(Part.Fields.begin(),
                       cast<FieldDecl>(Places.get(Q).Decl));
  }
  return Part;
}

// The caller-side part a loan stands for, if it is one.
static std::optional<BorrowedPart> partOf(const FunctionDecl &F, const Loan &L,
                                          const PlaceTable &Places) {
  std::optional<CallerPart> Where =
      callerPartOf(F, L.Borrowed, Places, L.Placeholder);
  if (!Where)
    return std::nullopt;
  bool Carries =
      L.Placeholder && Places.get(L.Borrowed).K == Place::Kind::Deref;
  return BorrowedPart{Where->Param, std::move(Where->Fields),
                      L.Contents && !L.Placeholder, Carries, L.Site};
}

// `[[clang::noescape]]`: nothing derived from the parameter outlives the
// call, so the result does not borrow it, whatever the body seems to do.
static bool promisesNoEscape(const FunctionDecl &F, const BorrowedPart &Part) {
  return Part.Param != MovedPart::ThisParam && Part.Param < F.getNumParams() &&
         F.getParamDecl(Part.Param)->hasAttr<NoEscapeAttr>();
}

llvm::SmallVector<BorrowedPart, 2>
summarizeResult(const FunctionDecl &F,
                const ForwardDataflow<LoanDomain> &Solution, LoanDomain &Loans,
                const PlaceTable &Places) {
  llvm::SmallVector<BorrowedPart, 2> Parts;
  Solution.replayFactsOf(Fact::Kind::Escape, [&](const Fact &Escape,
                                                 const LoanDomain::State &S) {
    for (LoanDomain::Entry L : Loans.mayHold(S, Escape.Origin))
      if (std::optional<BorrowedPart> Part =
              partOf(F, Loans.model().Loans.get(LoanDomain::loanOf(L)), Places);
          Part && !promisesNoEscape(F, *Part) &&
          !llvm::is_contained(Parts, *Part))
        Parts.push_back(*Part);
  });
  return Parts;
}

llvm::SmallVector<CapturedPart, 1>
summarizeCaptures(const FunctionDecl &F,
                  const ForwardDataflow<LoanDomain> &Solution,
                  LoanDomain &Loans, const PlaceTable &Places,
                  llvm::ArrayRef<OriginID> Outliving) {
  llvm::SmallVector<CapturedPart, 1> Parts;
  const std::optional<LoanDomain::State> &Exit = Solution.exitState();
  if (!Exit)
    return Parts;
  const BorrowModel &Model = Loans.model();
  for (OriginID O : Outliving) {
    std::optional<CallerPart> Into =
        callerPartOf(F, *Model.Origins.placeOf(O), Places);
    if (!Into)
      continue;
    LoanDomain::LoanSet Must = Loans.mustHold(*Exit, O);
    for (LoanDomain::Entry L : Loans.mayHold(*Exit, O)) {
      std::optional<BorrowedPart> What =
          partOf(F, Model.Loans.get(LoanDomain::loanOf(L)), Places);
      // A part holding a borrow of itself is the caller's business.
      if (!What || promisesNoEscape(F, *What) ||
          (What->Param == Into->Param && !What->Carries))
        continue;
      bool Maybe = !LoanDomain::containsLoan(Must, LoanDomain::loanOf(L));
      CapturedPart Part{std::move(*What), Into->Param, Into->Fields, Maybe};
      if (!llvm::is_contained(Parts, Part))
        Parts.push_back(std::move(Part));
    }
  }
  return Parts;
}

llvm::SmallVector<InvalidatedPart, 1>
summarizeInvalidations(const FunctionDecl &F, const FunctionFacts &Facts,
                       const PlaceTable &Places) {
  llvm::SmallVector<InvalidatedPart, 1> Parts;
  if (!Facts.count(Fact::Kind::Invalidate))
    return Parts;
  for (unsigned ID = 0, N = Facts.numFacts(); ID < N; ++ID) {
    const Fact &Fa = Facts.byID(ID);
    // Element invalidations concern one iterator of the callee's; Whole
    // ones are destruction and Mode Rust, which callers decide themselves.
    if (Fa.K != Fact::Kind::Invalidate ||
        (Fa.Invalidates.Scope != InvalidationScope::Contents &&
         Fa.Invalidates.Scope != InvalidationScope::Iterators))
      continue;
    std::optional<CallerPart> Where = callerPartOf(F, Fa.Place, Places);
    if (!Where)
      continue;
    InvalidatedPart Part{Where->Param, std::move(Where->Fields), Fa.Invalidates,
                         Fa.via(), Fa.Site};
    // A deeper callee's "why" is kept: `add` reallocates via `push_back`.
    if (Fa.viaSite())
      Part.Site = Fa.viaSite();
    if (!llvm::is_contained(Parts, Part))
      Parts.push_back(Part);
  }
  return Parts;
}

} // namespace borrow
