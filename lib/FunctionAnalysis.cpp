//===- FunctionAnalysis.cpp -----------------------------------------------===//

#include "borrow/FunctionAnalysis.h"
#include "borrow/BodyScan.h"
#include "borrow/CallEffects.h"
#include "borrow/Dataflow.h"
#include "borrow/ExprPlaces.h"
#include "borrow/FactBuilder.h"
#include "borrow/LoanAnalysis.h"
#include "borrow/MoveAnalysis.h"
#include "borrow/rules/ConflictingBorrow.h"
#include "borrow/rules/Dangling.h"
#include "borrow/rules/UseAfterMove.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "llvm/Support/Process.h"
#include <cassert>
#include <optional>

using namespace clang;

namespace borrow {

double processCpuSeconds() {
  llvm::sys::TimePoint<> Wall;
  std::chrono::nanoseconds User, System;
  llvm::sys::Process::GetTimeUsage(Wall, User, System);
  return std::chrono::duration<double>(User + System).count();
}

static void configureCFG(CFG::BuildOptions &Options, bool ScopeEnds) {
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = ScopeEnds;
  Options.AddTemporaryDtors = true;
  Options.AddLifetime = ScopeEnds;
  Options.AddInitializers = true;
  Options.AddCXXDefaultInitExprInCtors = true;
  Options.AddRichCXXConstructors = true;
  Options.AddEHEdges = false;
}

std::unique_ptr<FunctionModel>
buildFunctionModel(const FunctionDecl &F, const Config &Cfg,
                   const SummaryTable &Summaries, ASTContext &Ctx,
                   ModelOptions Options, unsigned *OverBudgetBlocks) {
  if (!F.getBody() || F.isDependentContext() || F.isInvalidDecl())
    return nullptr;
  assert((Options.ScopeEnds || !Options.WithLoans) &&
         "the borrow facts read the ends of lifetimes");
  auto M = std::make_unique<FunctionModel>(F);
  configureCFG(M->AC.getCFGBuildOptions(), Options.ScopeEnds);
  double Start = Options.CFGSeconds ? processCpuSeconds() : 0;
  M->Graph = M->AC.getCFG();
  if (Options.CFGSeconds)
    *Options.CFGSeconds = processCpuSeconds() - Start;
  if (!M->Graph)
    return nullptr;
  if (M->Graph->getNumBlockIDs() > Cfg.MaxBlocksPerFunction) {
    if (OverBudgetBlocks)
      *OverBudgetBlocks = M->Graph->getNumBlockIDs();
    return nullptr;
  }
  M->Order = M->AC.getAnalysis<PostOrderCFGView>();

  QualType ThisType;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&F);
      Method && Method->isInstance())
    ThisType = Method->getFunctionObjectParameterType();
  Borrowers LocalTypes;
  Borrowers &Types = Options.Types ? *Options.Types : LocalTypes;
  // A caller that did not scan the body (a tool, a test) gets its nesting
  // from a scan here.
  ExprNesting ScannedHere;
  if (!Options.Nesting)
    scanBody(F, Summaries, Types, Cfg, &ScannedHere);
  const ExprNesting &Nesting = Options.Nesting ? *Options.Nesting : ScannedHere;
  ExprPlaces Exprs(M->Places, Nesting, ThisType);
  CallEffects Effects(Cfg, Summaries);
  FactBuilder Builder(*M->Graph, *M->Order, Exprs, M->Places, Effects, Ctx);
  if (Options.WithLoans)
    Builder.trackBorrows(M->Borrows, Types, Summaries, F, Nesting, Cfg);
  M->Facts = Builder.build();
  return M;
}

std::string describeFacts(const FunctionModel &M) {
  std::string Out;
  for (const CFGBlock *Block : *M.Order) {
    llvm::ArrayRef<Fact> Facts = M.Facts.block(Block->getBlockID());
    if (Facts.empty())
      continue;
    if (!Out.empty())
      Out += "\n";
    Out += "B" + std::to_string(Block->getBlockID()) + ":";
    for (const Fact &F : Facts)
      Out += " " + describe(F, M.Places);
  }
  return Out;
}

static void takeFindings(std::vector<Finding> &Found, FunctionResult &Result) {
  std::move(Found.begin(), Found.end(), std::back_inserter(Result.Findings));
}

// Moves: use-after-move findings and the move part of the summary. The rules
// that look at every fact see them during the solver's pass where they can
// (one pass instead of two on a function without loops).
static bool runMoves(const FunctionDecl &F, FunctionModel &M, const Config &Cfg,
                     ASTContext &Ctx, bool WantFindings,
                     FunctionResult &Result) {
  MoveDomain Moves(M.Facts, M.Places);
  if (!Moves.hasMoves())
    return true;
  ForwardDataflow<MoveDomain> Solution(*M.Graph, *M.Order, M.Facts, Moves);
  std::optional<UseAfterMoveRule> Uses;
  if (WantFindings && Cfg.Rules.contains(Rule::UseAfterMove))
    Uses.emplace(Moves, M.Places, Cfg, Ctx);
  bool Solved = Uses ? Solution.solveAndReplay(
                           [&](const Fact &F, const MoveDomain::State &S) {
                             Uses->visit(F, S);
                           })
                     : Solution.solve();
  if (!Solved)
    return false;
  if (const auto &Exit = Solution.exitState())
    Result.FunctionSummary.Moves = Moves.summarize(F, *Exit).Moves;
  if (Uses)
    takeFindings(Uses->Findings, Result);
  return true;
}

// Loans: the dangling and conflicting-borrow findings and what the result
// borrows.
static bool runLoans(const FunctionDecl &F, FunctionModel &M, const Config &Cfg,
                     ASTContext &Ctx, bool WantFindings, Borrowers &Types,
                     FunctionResult &Result) {
  Result.FunctionSummary.Invalidates =
      summarizeInvalidations(F, M.Facts, M.Places);
  if (WantFindings && Cfg.Rules.contains(Rule::ConflictingBorrow) &&
      Cfg.Mode == Config::BorrowMode::Rust)
    checkMutableAliases(M.Facts, M.Places, Result.Findings);
  if (M.Borrows.Loans.size() == 0)
    return true;
  LoanDomain Loans(M.Facts, M.Places, M.Borrows, Types, Cfg.Mode);
  ForwardDataflow<LoanDomain> Solution(*M.Graph, *M.Order, M.Facts, Loans);
  std::optional<DanglingReferenceRule> Dangling;
  std::optional<ConflictingBorrowRule> Conflicts;
  if (WantFindings && Cfg.Rules.contains(Rule::DanglingReference))
    Dangling.emplace(Loans, M.Facts, M.Places);
  if (WantFindings && Cfg.Rules.contains(Rule::ConflictingBorrow) &&
      ConflictingBorrowRule::applies(Loans))
    Conflicts.emplace(Loans, M.Facts, M.Places);
  bool Solved = Dangling || Conflicts
                    ? Solution.solveAndReplay(
                          [&](const Fact &F, const LoanDomain::State &S) {
                            if (Dangling)
                              Dangling->visit(F, S);
                            if (Conflicts)
                              Conflicts->visit(F, S);
                          })
                    : Solution.solve();
  if (!Solved)
    return false;
  Result.FunctionSummary.ResultBorrows =
      summarizeResult(F, Solution, Loans, M.Places);
  Result.FunctionSummary.Captures = summarizeCaptures(
      F, Solution, Loans, M.Places, M.Borrows.OutlivingOrigins);
  if (!WantFindings)
    return true;
  if (Cfg.Rules.contains(Rule::DanglingReturn))
    checkDanglingReturn(Solution, Loans, M.Places, Ctx, Result.Findings);
  if (Dangling)
    takeFindings(Dangling->Findings, Result);
  if (Conflicts)
    takeFindings(Conflicts->Findings, Result);
  return true;
}

FunctionResult analyzeFunction(const FunctionDecl &F, const Config &Cfg,
                               const SummaryTable &Summaries, ASTContext &Ctx,
                               bool WantFindings, Borrowers *Types) {
  FunctionResult Result;
  if (!F.getBody() || F.isDependentContext() || F.isInvalidDecl()) {
    Result.State = FunctionResult::Status::NoCFG;
    return Result;
  }
  Borrowers LocalTypes;
  Borrowers &T = Types ? *Types : LocalTypes;
  ExprNesting Nesting;
  BodyTraits Body = scanBody(F, Summaries, T, Cfg, &Nesting);
  if (Body.HasErrors) {
    Result.State = FunctionResult::Status::NoCFG;
    return Result;
  }
  // Only what the enabled rules read, in findings and in the summaries of
  // callees alike; every part when other translation units will read the
  // summaries. A callee's moves are read by use-after-move, and by
  // conflicting-borrow in Mode Rust, where a move invalidates borrows.
  auto Wants = [&](Rule R) {
    return Cfg.CompleteSummaries || Cfg.Rules.contains(R);
  };
  bool WantMoves = Body.MayMove && (Wants(Rule::UseAfterMove) ||
                                    (Wants(Rule::ConflictingBorrow) &&
                                     Cfg.Mode == Config::BorrowMode::Rust));
  bool WantLoans =
      (Body.MayBorrow || Body.MayInvalidate) &&
      (Wants(Rule::DanglingReturn) || Wants(Rule::DanglingReference) ||
       Wants(Rule::ConflictingBorrow) || Wants(Rule::MissingLifetimebound));
  if (!WantMoves && !WantLoans)
    return Result;
  if (Body.Branches > Cfg.MaxBlocksPerFunction) {
    Result.State = FunctionResult::Status::OverBudget;
    Result.Budget = std::to_string(Body.Branches) +
                    " if statements, loops and case labels, over the budget "
                    "of " +
                    std::to_string(Cfg.MaxBlocksPerFunction) + " CFG blocks";
    return Result;
  }

  unsigned OverBudgetBlocks = 0;
  ModelOptions Options;
  Options.WithLoans = WantLoans;
  Options.ScopeEnds = WantLoans || Body.NoReturnDestructor;
  Options.Types = &T;
  Options.Nesting = &Nesting;
  if (Cfg.Debug)
    Options.CFGSeconds = &Result.CFGSeconds;
  std::unique_ptr<FunctionModel> M =
      buildFunctionModel(F, Cfg, Summaries, Ctx, Options, &OverBudgetBlocks);
  if (!M) {
    Result.State = OverBudgetBlocks ? FunctionResult::Status::OverBudget
                                    : FunctionResult::Status::NoCFG;
    if (OverBudgetBlocks)
      Result.Budget = std::to_string(OverBudgetBlocks) +
                      " CFG blocks, over the budget of " +
                      std::to_string(Cfg.MaxBlocksPerFunction);
    return Result;
  }
  bool MovesSolved =
      !WantMoves || runMoves(F, *M, Cfg, Ctx, WantFindings, Result);
  bool Solved =
      MovesSolved &&
      (!WantLoans || runLoans(F, *M, Cfg, Ctx, WantFindings, T, Result));
  if (!Solved) {
    // Never report a half-computed finding.
    double CFGSeconds = Result.CFGSeconds;
    Result = FunctionResult();
    Result.CFGSeconds = CFGSeconds;
    Result.State = FunctionResult::Status::OverBudget;
    Result.Budget = std::string("the ") + (MovesSolved ? "loan" : "move") +
                    " dataflow did not converge within its budget of block "
                    "visits";
    return Result;
  }
  Result.State = FunctionResult::Status::Analysed;
  return Result;
}

} // namespace borrow
