//===- Dangling.h - borrow-dangling-return, borrow-dangling-reference -*- C++
//-*-===//
//
// borrow-dangling-return (Rust E0515): a value leaving the function (by
// `return`, or stored into `*this`, an out-parameter or a global) holds a
// loan of a local variable, a by-value parameter or a temporary.
//
// borrow-dangling-reference (Rust E0597, E0716): inside the function, a
// borrow is used after what it borrows was destroyed; or a variable is
// left holding a borrow of a temporary that dies at the end of its
// full-expression (dangling from birth, as clang's -Wdangling says).
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_RULES_DANGLING_H
#define BORROW_RULES_DANGLING_H

#include "borrow/Dataflow.h"
#include "borrow/Finding.h"
#include "borrow/LoanAnalysis.h"
#include <vector>

namespace clang {
class ASTContext;
}

namespace borrow {

void checkDanglingReturn(const ForwardDataflow<LoanDomain> &Solution,
                         LoanDomain &Loans, const PlaceTable &Places,
                         const clang::ASTContext &Ctx,
                         std::vector<Finding> &Out);

/// borrow-dangling-reference, a visitor of every fact with the state
/// before it (ForwardDataflow::solveAndReplay): a use of a borrow whose
/// object is dead, and a variable left holding a borrow of a temporary at
/// the end of its full-expression. One finding per loan, a note for its
/// first later use.
class DanglingReferenceRule {
public:
  DanglingReferenceRule(LoanDomain &Loans, const FunctionFacts &Facts,
                        const PlaceTable &Places);
  void visit(const Fact &F, const LoanDomain::State &S);

  std::vector<Finding> Findings;

private:
  void report(LoanID L, OriginID Holder, bool Definite, const Fact *Expire);

  LoanDomain &Loans;
  const PlaceTable &Places;
  /// Where each variable or temporary dies first, for the note.
  llvm::DenseMap<PlaceID, const Fact *> Destroyed;
  llvm::DenseMap<LoanID, size_t> FindingOf;
  llvm::DenseSet<LoanID> HasLaterUse;
};

} // namespace borrow

#endif // BORROW_RULES_DANGLING_H
