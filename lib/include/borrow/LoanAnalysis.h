//===- LoanAnalysis.h - Which loans each origin may hold --------*- C++ -*-===//
//
// The dataflow domain behind the dangling and conflicting-borrow rules. At
// each point: for every origin, the loans it may hold (union at joins) and
// the loans it holds on every path (intersection); and the loans that may
// have expired, or have expired on every path. Loan sets are immutable
// sets shared between states, so copying a state is cheap.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_LOANANALYSIS_H
#define BORROW_LOANANALYSIS_H

#include "borrow/BorrowFacts.h"
#include "borrow/Dataflow.h"
#include "borrow/Fact.h"
#include "llvm/ADT/BitVector.h"
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
    llvm::BitVector MayExpired;
    llvm::BitVector MustExpired;
  };

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

  /// The loans \p O may hold / holds on every path.
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

  const PlaceTable &Places;
  const BorrowModel &Model;
  LoanSet::Factory SetFactory;
  OriginMap::Factory MapFactory;
  LoanSet EmptySet;
  llvm::DenseMap<PlaceID, llvm::SmallVector<LoanID, 4>> LoansByRoot;
  llvm::DenseMap<unsigned, llvm::SmallVector<OriginID, 2>> UsedOrigins;
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
