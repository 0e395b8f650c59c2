//===- FunctionAnalysis.h - The pipeline for one function -------*- C++ -*-===//
//
// CFG -> Facts -> Dataflow -> Rules, for one function definition. Returns the
// findings of the enabled rules and the function's Summary for its callers.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_FUNCTIONANALYSIS_H
#define BORROW_FUNCTIONANALYSIS_H

#include "borrow/BorrowFacts.h"
#include "borrow/Borrowers.h"
#include "borrow/Config.h"
#include "borrow/Fact.h"
#include "borrow/Finding.h"
#include "borrow/Summary.h"
#include "clang/Analysis/AnalysisDeclContext.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
class PostOrderCFGView;
} // namespace clang

namespace borrow {

/// The CFG, places and facts of one function: what every rule starts from.
struct FunctionModel {
  explicit FunctionModel(const clang::FunctionDecl &F) : AC(nullptr, &F) {}

  clang::AnalysisDeclContext AC;
  const clang::CFG *Graph = nullptr;
  clang::PostOrderCFGView *Order = nullptr;
  PlaceTable Places;
  FunctionFacts Facts{0};
  /// Loans and origins, when built WithLoans.
  BorrowModel Borrows;
};

struct ModelOptions {
  /// Also build the borrow facts (Issue, Flow, Expire, Escape).
  bool WithLoans = true;
  /// Have the CFG mark where variables' scopes end (their destructors and
  /// the ends of their lifetimes). The borrow facts read the lifetime ends,
  /// and a destructor that does not return ends the paths through it; a
  /// body that needs neither gets its CFG faster without them (clang's
  /// bookkeeping of scopes is up to a third of the CFG of a long
  /// function). Must be set whenever WithLoans is.
  bool ScopeEnds = true;
  /// The function's view of the types (see Borrowers); a fresh one is
  /// used when null.
  Borrowers *Types = nullptr;
  /// If set, receives the CPU seconds clang took to build the CFG.
  double *CFGSeconds = nullptr;
  /// How the body's expressions nest, if the caller's scanBody recorded
  /// it; scanned here when null.
  const ExprNesting *Nesting = nullptr;
};

/// The CPU time (user + system) this process has used so far, in seconds.
double processCpuSeconds();

/// Builds the CFG and facts of \p F; null if \p F has no usable body (none,
/// dependent, invalid, or clang cannot build its CFG) or is over budget
/// (then \p OverBudgetBlocks is set to the CFG's number of blocks).
std::unique_ptr<FunctionModel>
buildFunctionModel(const clang::FunctionDecl &F, const Config &Cfg,
                   const SummaryTable &Summaries, clang::ASTContext &Ctx,
                   ModelOptions Options = {},
                   unsigned *OverBudgetBlocks = nullptr);

/// The facts of \p M in reverse post-order, one line per block that has
/// any, like `B3: Use(s) Move(s) Reinit(t)`.
std::string describeFacts(const FunctionModel &M);

struct FunctionResult {
  enum class Status : unsigned char {
    Analysed,
    Skipped,   ///< nothing any enabled rule or summary needs
    NoCFG,     ///< no body, dependent, invalid, or clang built no CFG
    OverBudget ///< too large: nothing is reported for it
  };
  Status State = Status::Skipped;
  /// OverBudget: which budget, in words (for the debug report).
  std::string Budget;
  std::vector<Finding> Findings;
  Summary FunctionSummary;
  /// With Config::Debug: the CPU seconds of clang's CFG construction.
  double CFGSeconds = 0;
};

/// Runs the pipeline on \p F. \p Summaries are those of its callees; with
/// \p WantFindings false only the summary is computed.
FunctionResult analyzeFunction(const clang::FunctionDecl &F, const Config &Cfg,
                               const SummaryTable &Summaries,
                               clang::ASTContext &Ctx, bool WantFindings,
                               Borrowers *Types = nullptr);

} // namespace borrow

#endif // BORROW_FUNCTIONANALYSIS_H
