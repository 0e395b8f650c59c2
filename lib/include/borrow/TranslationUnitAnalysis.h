//===- TranslationUnitAnalysis.h - The whole-TU pass ------------*- C++ -*-===//
//
// Runs the pipeline over every function defined in the main file (template
// instantiations, lambdas, constructors, destructors and coroutines
// included), after computing the summaries of everything they call that is
// defined in the translation unit outside system headers: bottom-up over
// clang's CallGraph, each recursive cycle iterated to a fixed point.
// Functions defined in other translation units take their summaries from
// an imported SummaryFile, and this translation unit's summaries can be
// exported to one (docs/summaries.md).
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_TRANSLATIONUNITANALYSIS_H
#define BORROW_TRANSLATIONUNITANALYSIS_H

#include "borrow/Borrowers.h"
#include "borrow/Config.h"
#include "borrow/Finding.h"
#include "borrow/Summary.h"
#include "borrow/SummaryFile.h"
#include "llvm/ADT/MapVector.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Allocator.h"
#include "llvm/Support/StringSaver.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FunctionDecl;
} // namespace clang

namespace llvm {
class raw_ostream;
} // namespace llvm

namespace borrow {
class CallGraphBuilder;

struct AnalysisStats {
  unsigned Functions = 0;  ///< definitions considered
  unsigned Analysed = 0;   ///< that needed the full pipeline
  unsigned OverBudget = 0; ///< given up on: nothing reported for them
  unsigned Imported = 0;   ///< callees summarised by another TU

  // What the budgets cost the user (kept for the debug report).
  /// The functions given up on, once each, with the budget they went over.
  llvm::MapVector<const clang::FunctionDecl *, std::string> Dropped;
  /// Recursive cycles still changing after the last round: their members
  /// keep no summary.
  std::vector<llvm::SmallVector<const clang::FunctionDecl *, 4>> Unconverged;
  /// More callee definitions outside the main file than are summarised.
  bool CalleesCapped = false;
  /// With Config::Debug: the CPU seconds spent on each function, and the
  /// part of them clang spent building its CFG, all its rounds together,
  /// in the order they were first analysed.
  struct Cost {
    double Seconds = 0;
    double CFGSeconds = 0;
  };
  llvm::MapVector<const clang::FunctionDecl *, Cost> Costs;
  /// With Config::Debug: the CPU seconds spent finding the main file's
  /// functions and building the call graph, before any function is analysed.
  double CallGraphSeconds = 0;
};

class TranslationUnitAnalysis {
public:
  TranslationUnitAnalysis(clang::ASTContext &Ctx, Config Cfg);

  /// Uses the summaries of \p File (merged from other translation units)
  /// for the functions this one declares but does not define. \p File must
  /// outlive this object.
  void importSummaries(const SummaryFile &File);

  /// Analyses the translation unit; findings are sorted by location and
  /// free of duplicates (one per template, not per instantiation).
  void run();

  /// After run(): the summaries of the externally visible functions this
  /// translation unit defines, for other translation units to import.
  SummaryFile exportSummaries() const;

  const std::vector<Finding> &findings() const [[clang::lifetimebound]] {
    return Findings;
  }
  const SummaryTable &summaries() const [[clang::lifetimebound]] {
    return Summaries;
  }
  const AnalysisStats &stats() const [[clang::lifetimebound]] { return Stats; }

  /// Says what the analysis gave up on (nothing is reported for a function
  /// over a budget) and, with Config::Debug, which functions were slow.
  void printDebugReport(llvm::raw_ostream &OS) const;

  /// The function definitions in the main file, in source order.
  static std::vector<const clang::FunctionDecl *>
  mainFileFunctions(clang::ASTContext &Ctx);
  /// The same, adding them and their calls to \p Calls' graph on the way
  /// (one walk of each body does both).
  static std::vector<const clang::FunctionDecl *>
  mainFileFunctions(clang::ASTContext &Ctx, CallGraphBuilder &Calls);

private:
  clang::ASTContext &Ctx;
  Config Cfg;
  SummaryTable Summaries;
  /// What the unit's types own, point to and hold, shared by its functions.
  Borrowers Types;
  std::vector<Finding> Findings;
  AnalysisStats Stats;
  /// The strings imported summaries point to.
  llvm::BumpPtrAllocator Strings;
  llvm::UniqueStringSaver Saver{Strings};
};

} // namespace borrow

#endif // BORROW_TRANSLATIONUNITANALYSIS_H
