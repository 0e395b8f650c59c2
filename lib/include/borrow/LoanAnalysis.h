//===- LoanAnalysis.h - Which loans each origin may hold --------*- C++ -*-===//
//
// The dataflow domain behind the dangling and conflicting-borrow rules. At
// each point, for every origin: the loans it may hold (union at joins) and
// those it holds on every path (intersection). A loan whose place was
// destroyed, or invalidated by a mutation, stays in the origins that hold
// it, marked dead or invalidated (with the fact that did it): using such an
// origin is the bug. Marking it in the holders (not globally) keeps a loan
// issued again in a later loop iteration apart from the dead one of the
// previous iteration. Loan sets are immutable and shared between states,
// so copying a state is cheap.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_LOANANALYSIS_H
#define BORROW_LOANANALYSIS_H

#include "borrow/BorrowFacts.h"
#include "borrow/Config.h"
#include "borrow/Dataflow.h"
#include "borrow/Fact.h"
#include "borrow/FactLists.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/ImmutableMap.h"
#include "llvm/ADT/ImmutableSet.h"
#include "llvm/ADT/SetVector.h"
#include <optional>
#include <vector>

namespace borrow {

class LoanDomain {
public:
  /// A loan as an origin holds it: the loan ID in the low 32 bits, then a
  /// dead bit, then the ID (plus one) of the fact that invalidated it.
  using Entry = uint64_t;
  using LoanSet = llvm::ImmutableSet<Entry>;
  using OriginMap = llvm::ImmutableMap<OriginID, LoanSet>;

  /// The loans of each origin, in two trees. Most origins are made and
  /// forgotten within one block: values of expressions (an argument, an
  /// initialiser) and local variables last read in the block that sets
  /// them. They live in Passing, which holds a few at a time. The others
  /// (variables used across blocks, parameters' pointees, `*this`'s
  /// members, globals) live in Lasting. Updating a passing value then
  /// copies a short path, not one through every variable of a long
  /// function.
  struct Holdings {
    OriginMap Lasting;
    OriginMap Passing;
  };

  struct State {
    Holdings May;
    Holdings Must;
  };

  static constexpr Entry DeadBit = Entry(1) << 32;
  static bool isDead(Entry E) { return E & DeadBit; }
  static LoanID loanOf(Entry E) { return LoanID(E); }
  /// The Invalidate fact (or, in Mode Rust, Move fact) that invalidated the
  /// loan, if one did.
  static std::optional<unsigned> invalidatedBy(Entry E) {
    if (unsigned Mark = unsigned(E >> 33))
      return Mark - 1;
    return std::nullopt;
  }
  /// True if \p S holds loan \p L, in whatever state.
  static bool containsLoan(const LoanSet &S, LoanID L) {
    for (Entry E : S)
      if (loanOf(E) == L)
        return true;
    return false;
  }
  /// Neither dead nor invalidated.
  static bool isValid(Entry E) { return E == Entry(loanOf(E)); }

  LoanDomain(const FunctionFacts &Facts, const PlaceTable &Places,
             const BorrowModel &Model, Borrowers &Types,
             Config::BorrowMode Mode = Config::BorrowMode::Cpp);

  State initial();
  State join(const State &A, const State &B);
  bool equal(const State &A, const State &B) const;
  void transfer(State &S, const Fact &F);
  bool transferEdge(State &S, const Fact &F) {
    transfer(S, F);
    return true;
  }

  /// The loan entries \p O may hold / holds on every path.
  LoanSet mayHold(const State &S, OriginID O) const;
  LoanSet mustHold(const State &S, OriginID O) const;

  /// The origins whose loans a Use fact relies on: the pointers it goes
  /// through (`p` in `p->x`, `r` for a reference `r`) and, when the used
  /// value is itself a borrower (a view, an iterator, a lambda), its own.
  llvm::ArrayRef<OriginID> originsUsedBy(const Fact &Use) const;

  /// True if some fact may invalidate a loan: otherwise no origin ever
  /// holds an invalidated one.
  bool mayInvalidate() const { return !InvalidatedLoans.empty(); }

  /// True if the loan's place lives in this call's frame: a local
  /// variable, a by-value parameter, or a temporary.
  bool isLocal(Entry E) const;
  /// The variable, parameter or temporary a local loan lives in.
  PlaceID storageRoot(Entry E) const;

  /// The origins that may hold a loan of the object \p Root (a variable or
  /// temporary) in any state computed so far, in increasing order: where a
  /// rule needs the holders of one object's loans, it visits these rather
  /// than every origin of the state.
  llvm::SmallVector<OriginID, 4> holdersOf(PlaceID Root) const;

  const BorrowModel &model() const { return Model; }

private:
  LoanSet unite(LoanSet A, LoanSet B);
  LoanSet intersect(LoanSet A, LoanSet B);
  const LoanSet *lookup(const Holdings &H, OriginID O) const;
  /// \p H with \p O holding \p Loans (nothing, if empty).
  Holdings put(Holdings H, OriginID O, LoanSet Loans);
  Holdings killDead(Holdings H, unsigned Slot, llvm::ArrayRef<LoanID> Loans);
  void noteHolder(Entry E, OriginID O);
  Holdings invalidate(Holdings H, const Fact &F, llvm::ArrayRef<LoanID> Loans);
  bool invalidates(const Fact &F, const Loan &L) const;
  Holdings forget(Holdings H, llvm::ArrayRef<OriginID> Origins);
  void apply(State &S, const Fact &F);
  void collectLastMentions();
  bool isLocalToTheCall(OriginID O) const;

  const FunctionFacts &Facts;
  const PlaceTable &Places;
  const BorrowModel &Model;
  // Not canonicalising: interning each new tree compares it with every
  // equal-digest tree in full, which made long functions quadratic; equal
  // states share their roots anyway, and the solver compares by value.
  LoanSet::Factory SetFactory{/*canonicalize=*/false};
  OriginMap::Factory MapFactory{/*canonicalize=*/false};
  LoanSet EmptySet;
  // The tables below are keyed by dense IDs (places, loans, facts) and
  // stored as arrays: hash maps of a long function's size are read at
  // random and made it grow faster than its length.

  /// By place ID: the loans of objects that die with that root.
  FactLists<LoanID> LoansByRoot;
  /// Each root that such loans die with has a holder slot; every loan of
  /// it names the slot (NoSlot when reached through a pointer). A slot
  /// lists every origin an Issue or Flow has given a live loan of the root
  /// so far. It only grows: a superset of the holders in every state, so
  /// that an object's death costs its holders, not every origin (which
  /// made a long function quadratic).
  static constexpr unsigned NoSlot = ~0u;
  std::vector<unsigned> HolderSlotOfLoan;
  std::vector<llvm::SmallSetVector<OriginID, 4>> Holders;
  FactLists<OriginID> UsedOrigins;
  /// By place ID: the origins of the places inside it, forgotten when a
  /// call we cannot see into may reassign them.
  FactLists<OriginID> OriginsWithin;
  /// By fact ID, for each Invalidate fact (and Move in Mode Rust): the
  /// loans it may invalidate (most mutations touch no borrowed place at
  /// all), in increasing order, as an index into InvalidatedLoans (NoList
  /// if none); one list for all the mutations of one place in one way (a
  /// string assigned a thousand times would otherwise store its thousand
  /// loans a thousand times).
  static constexpr unsigned NoList = ~0u;
  std::vector<unsigned> InvalidatedBy;
  std::vector<llvm::SmallVector<LoanID, 2>> InvalidatedLoans;
  /// For each fact, the origins it is the last to mention that nothing
  /// reads afterwards: forgotten after it, so that the maps hold what may
  /// still be read rather than every value the function ever computed.
  FactLists<OriginID> LastMentions;
  /// By origin: true for those forgotten in the block that sets them,
  /// kept in Holdings::Passing.
  llvm::BitVector IsPassing;
  Config::BorrowMode Mode;
};

/// True if \p O belongs to the hidden variables of a range-for loop.
bool heldByRangeFor(const BorrowModel &Model, const PlaceTable &Places,
                    OriginID O);

/// How a diagnostic names the holder of a loan: "'p'", "'excerpt.part'",
/// "the range-for loop", or "" for an expression's value.
std::string describeHolder(const BorrowModel &Model, const PlaceTable &Places,
                           OriginID O);

/// What the callee's returned values refer to, in its caller's terms: the
/// parameters and parts of `*this` (with a field path, and whether into
/// what they own) that some returned loan borrows.
llvm::SmallVector<BorrowedPart, 2>
summarizeResult(const clang::FunctionDecl &F,
                const ForwardDataflow<LoanDomain> &Solution, LoanDomain &Loans,
                const PlaceTable &Places);

/// What the function leaves stored, when it returns, in places its caller
/// sees (members of `*this`, objects bound to reference parameters) that
/// borrows its caller's objects: a parameter's pointee, `*this`'s parts.
/// \p Outliving are the origins of places that outlive the call.
llvm::SmallVector<CapturedPart, 1>
summarizeCaptures(const clang::FunctionDecl &F,
                  const ForwardDataflow<LoanDomain> &Solution,
                  LoanDomain &Loans, const PlaceTable &Places,
                  llvm::ArrayRef<OriginID> Outliving);

/// The parts of its parameters and of `*this` whose borrows the function
/// may invalidate (what its Invalidate facts do to its caller's objects).
llvm::SmallVector<InvalidatedPart, 1>
summarizeInvalidations(const clang::FunctionDecl &F, const FunctionFacts &Facts,
                       const PlaceTable &Places);

} // namespace borrow

#endif // BORROW_LOANANALYSIS_H
