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

void checkDanglingReference(const ForwardDataflow<LoanDomain> &Solution,
                            LoanDomain &Loans, const FunctionFacts &Facts,
                            const PlaceTable &Places,
                            const clang::ASTContext &Ctx,
                            std::vector<Finding> &Out);

} // namespace borrow

#endif // BORROW_RULES_DANGLING_H
