//===- LoanAnalysis.h - Which loans each origin may hold --------*- C++ -*-===//
//
// The dataflow domain behind the dangling and conflicting-borrow rules. At
// each point, for every origin: the loans it may hold (union at joins) and
// those it holds on every path (intersection). A loan whose place was
// destroyed stays in the origins that hold it, marked dead: using such an
// origin is the bug. Marking it in the holders (not globally) keeps a loan
// issued again in a later loop iteration apart from the dead one of the
// previous iteration. Loan sets are immutable and shared between states,
// so copying a state is cheap.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_LOANANALYSIS_H
#define BORROW_LOANANALYSIS_H

#include "borrow/BorrowFacts.h"
#include "borrow/Dataflow.h"
#include "borrow/Fact.h"
#include "llvm/ADT/ImmutableMap.h"
#include "llvm/ADT/ImmutableSet.h"

namespace borrow {

class LoanDomain {
public:
  using LoanSet = llvm::ImmutableSet<LoanID>;
  using OriginMap = llvm::ImmutableMap<OriginID, LoanSet>;

  struct State {
    OriginMap May;
    OriginMap Must;
  };

  /// Loan set entries are loan IDs, with this bit set once the borrowed
  /// place has been destroyed.
  static constexpr LoanID DeadBit = 1u << 31;
  static bool isDead(LoanID Entry) { return Entry & DeadBit; }
  static LoanID loanOf(LoanID Entry) { return Entry & ~DeadBit; }

  LoanDomain(const FunctionFacts &Facts, const PlaceTable &Places,
             const BorrowModel &Model, Borrowers &Types);

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

  /// True if the loan's place lives in this call's frame: a local
  /// variable, a by-value parameter, or a temporary.
  bool isLocal(LoanID L) const;
  /// The variable, parameter or temporary a local loan lives in.
  PlaceID storageRoot(LoanID L) const;

  const BorrowModel &model() const { return Model; }

private:
  LoanSet unite(LoanSet A, LoanSet B);
  LoanSet intersect(LoanSet A, LoanSet B);
  OriginMap killDead(OriginMap M, llvm::ArrayRef<LoanID> Loans);
  OriginMap forget(OriginMap M, llvm::ArrayRef<OriginID> Origins);

  const PlaceTable &Places;
  const BorrowModel &Model;
  LoanSet::Factory SetFactory;
  OriginMap::Factory MapFactory;
  LoanSet EmptySet;
  llvm::DenseMap<PlaceID, llvm::SmallVector<LoanID, 4>> LoansByRoot;
  llvm::DenseMap<unsigned, llvm::SmallVector<OriginID, 2>> UsedOrigins;
  /// The origins of the places inside each place, forgotten when a call we
  /// cannot see into may reassign them.
  llvm::DenseMap<PlaceID, llvm::SmallVector<OriginID, 2>> OriginsWithin;
};

/// What the callee's returned values refer to, in its caller's terms: the
/// parameters and parts of `*this` (with a field path, and whether into
/// what they own) that some returned loan borrows.
llvm::SmallVector<BorrowedPart, 2>
summarizeResult(const clang::FunctionDecl &F,
                const ForwardDataflow<LoanDomain> &Solution, LoanDomain &Loans,
                const PlaceTable &Places);

} // namespace borrow

#endif // BORROW_LOANANALYSIS_H
