//===- BodyScan.h - What a function body may need ---------------*- C++ -*-===//
//
// A cheap syntactic pass over a body, run before any CFG is built, so that
// most functions cost one walk: only bodies that can move or borrow get the
// full pipeline. A body with compile errors (RecoveryExpr) is half-written
// code in an editor: nothing is analysed or reported in it.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_BODYSCAN_H
#define BORROW_BODYSCAN_H

#include "borrow/Borrowers.h"
#include "borrow/Config.h"
#include "borrow/ExprNesting.h"
#include "borrow/Summary.h"

namespace borrow {

struct BodyTraits {
  bool HasErrors = false;
  /// An xvalue cast, or a call to a function whose summary moves.
  bool MayMove = false;
  /// Returns a borrower, declares one, assigns one, captures by reference,
  /// or stores into a container of borrowers.
  bool MayBorrow = false;
  /// Calls something that may invalidate borrows (a std member in the
  /// invalidation tables, a listed or summarised function) or deletes.
  bool MayInvalidate = false;
  /// Declares a local variable whose destruction may not return (its
  /// class's destructor, or a member's or a base's, is `[[noreturn]]`), or
  /// is such a class's destructor: the paths after it end where the CFG
  /// places that destructor.
  bool NoReturnDestructor = false;
  /// The if statements, loops and switch labels of the function itself
  /// (not of the lambdas in it): each starts at least one block of its
  /// CFG, so a count over the block budget drops the function before
  /// clang spends time building a CFG that would be dropped anyway.
  unsigned Branches = 0;
};

/// With \p Nesting, the same walk records how the expressions of the body
/// the CFG is built from nest (for a coroutine, the body as written, without
/// the statements clang adds around it): the fact builder's questions, for
/// the price of one walk. Incomplete when the body has errors or more
/// Branches than the block budget (no CFG is built for it then).
BodyTraits scanBody(const clang::FunctionDecl &F, const SummaryTable &Summaries,
                    Borrowers &Types, const Config &Cfg,
                    ExprNesting *Nesting = nullptr);

} // namespace borrow

#endif // BORROW_BODYSCAN_H
