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

void checkConflictingBorrow(const ForwardDataflow<LoanDomain> &Solution,
                            LoanDomain &Loans, const FunctionFacts &Facts,
                            const PlaceTable &Places,
                            std::vector<Finding> &Out);

/// Mode Rust: the MutableAlias facts (`f(x, x)`), which need no dataflow.
void checkMutableAliases(const FunctionFacts &Facts, const PlaceTable &Places,
                         std::vector<Finding> &Out);

} // namespace borrow

#endif // BORROW_RULES_CONFLICTINGBORROW_H
