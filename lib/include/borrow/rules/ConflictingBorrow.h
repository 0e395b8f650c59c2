//===- ConflictingBorrow.h - borrow-conflicting-borrow ----------*- C++ -*-===//
//
// borrow-conflicting-borrow (Rust E0502, E0499, E0505, E0506): a borrow is
// used after its place was mutated in a way that may invalidate it
// (`p = &v[0]; v.push_back(x); use(*p);`), including a container mutated
// while a range-for loop iterates over it. In Mode Rust, any mutation of a
// borrowed place, and two mutable borrows of one place in one call.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_RULES_CONFLICTINGBORROW_H
#define BORROW_RULES_CONFLICTINGBORROW_H

#include "borrow/Dataflow.h"
#include "borrow/Finding.h"
#include "borrow/LoanAnalysis.h"
#include <vector>

namespace borrow {

/// borrow-conflicting-borrow, a visitor of every fact with the state before
/// it (ForwardDataflow::solveAndReplay): a use of a borrow that a mutation
/// of its object invalidated. One finding per mutation and loan, at its
/// first later use.
class ConflictingBorrowRule {
public:
  ConflictingBorrowRule(LoanDomain &Loans, const FunctionFacts &Facts,
                        const PlaceTable &Places)
      : Loans(Loans), Facts(Facts), Places(Places) {}
  /// False when no fact can invalidate a loan: nothing to find, no need to
  /// visit the facts.
  static bool applies(const LoanDomain &Loans) { return Loans.mayInvalidate(); }
  void visit(const Fact &F, const LoanDomain::State &S);

  std::vector<Finding> Findings;

private:
  LoanDomain &Loans;
  const FunctionFacts &Facts;
  const PlaceTable &Places;
  llvm::DenseSet<std::pair<unsigned, LoanID>> Reported;
};

/// Mode Rust: the MutableAlias facts (`f(x, x)`), which need no dataflow.
void checkMutableAliases(const FunctionFacts &Facts, const PlaceTable &Places,
                         std::vector<Finding> &Out);

} // namespace borrow

#endif // BORROW_RULES_CONFLICTINGBORROW_H
