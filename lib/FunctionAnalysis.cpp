//===- FunctionAnalysis.cpp -----------------------------------------------===//

#include "borrow/FunctionAnalysis.h"
#include "borrow/CallEffects.h"
#include "borrow/Dataflow.h"
#include "borrow/ExprPlaces.h"
#include "borrow/FactBuilder.h"
#include "borrow/MoveAnalysis.h"
#include "borrow/rules/UseAfterMove.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/AnalysisDeclContext.h"

using namespace clang;

namespace borrow {

// Cheap syntactic test run before building a CFG: can anything in the body
// move? Without an xvalue cast or a call into a summarised mover there is
// nothing for use-after-move to find and nothing to summarise. A body with
// compile errors (RecoveryExpr) is half-written: nothing is reported on it.
enum class BodyScan { NoMoves, MayMove, HasErrors };
static BodyScan scanBody(const FunctionDecl &F, const SummaryTable &Summaries) {
  bool Moves = false;
  llvm::SmallVector<const Stmt *, 64> Work{F.getBody()};
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&F))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Work.push_back(Init->getInit());
  while (!Work.empty()) {
    const Stmt *S = Work.pop_back_val();
    if (!S)
      continue;
    if (const auto *E = dyn_cast<Expr>(S)) {
      if (E->containsErrors())
        return BodyScan::HasErrors;
      if (!Moves && ExprPlaces::movedOperand(E))
        Moves = true;
      const FunctionDecl *Callee = nullptr;
      if (const auto *Call = dyn_cast<CallExpr>(E))
        Callee = Call->getDirectCallee();
      else if (const auto *CE = dyn_cast<CXXConstructExpr>(E))
        Callee = CE->getConstructor();
      if (Callee && !Moves)
        if (const Summary *CS = Summaries.lookup(Callee);
            CS && !CS->Moves.empty())
          Moves = true;
    }
    for (const Stmt *Child : S->children())
      Work.push_back(Child);
  }
  return Moves ? BodyScan::MayMove : BodyScan::NoMoves;
}

static void configureCFG(CFG::BuildOptions &Options) {
  Options.setAllAlwaysAdd();
  Options.AddImplicitDtors = true;
  Options.AddTemporaryDtors = true;
  Options.AddInitializers = true;
  Options.AddCXXDefaultInitExprInCtors = true;
  Options.AddRichCXXConstructors = true;
  Options.AddEHEdges = false;
}

std::unique_ptr<FunctionModel> buildFunctionModel(const FunctionDecl &F,
                                                  const Config &Cfg,
                                                  const SummaryTable &Summaries,
                                                  ASTContext &Ctx,
                                                  bool *OverBudget) {
  if (!F.getBody() || F.isDependentContext() || F.isInvalidDecl())
    return nullptr;
  auto M = std::make_unique<FunctionModel>(F);
  configureCFG(M->AC.getCFGBuildOptions());
  M->Graph = M->AC.getCFG();
  if (!M->Graph)
    return nullptr;
  if (M->Graph->getNumBlockIDs() > Cfg.MaxBlocksPerFunction) {
    if (OverBudget)
      *OverBudget = true;
    return nullptr;
  }
  M->Order = M->AC.getAnalysis<PostOrderCFGView>();

  QualType ThisType;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&F);
      Method && Method->isInstance())
    ThisType = Method->getFunctionObjectParameterType();
  ExprPlaces Exprs(M->Places, M->AC.getParentMap(), ThisType);
  CallEffects Effects(Cfg, Summaries);
  M->Facts =
      FactBuilder(*M->Graph, *M->Order, Exprs, M->Places, Effects, Ctx).build();
  return M;
}

std::string describeFacts(const FunctionModel &M) {
  std::string Out;
  for (const CFGBlock *Block : *M.Order) {
    llvm::ArrayRef<Fact *> Facts = M.Facts.block(Block->getBlockID());
    if (Facts.empty())
      continue;
    if (!Out.empty())
      Out += "\n";
    Out += "B" + std::to_string(Block->getBlockID()) + ":";
    for (const Fact *F : Facts)
      Out += " " + describe(*F, M.Places);
  }
  return Out;
}

FunctionResult analyzeFunction(const FunctionDecl &F, const Config &Cfg,
                               const SummaryTable &Summaries, ASTContext &Ctx,
                               bool WantFindings) {
  FunctionResult Result;
  const Stmt *Body = F.getBody();
  if (!Body || F.isDependentContext() || F.isInvalidDecl()) {
    Result.State = FunctionResult::Status::NoCFG;
    return Result;
  }
  bool WantMoves = !WantFindings || Cfg.Rules.contains(Rule::UseAfterMove);
  if (!WantMoves)
    return Result;
  switch (scanBody(F, Summaries)) {
  case BodyScan::NoMoves:
    return Result;
  case BodyScan::HasErrors:
    Result.State = FunctionResult::Status::NoCFG;
    return Result;
  case BodyScan::MayMove:
    break;
  }

  bool OverBudget = false;
  std::unique_ptr<FunctionModel> M =
      buildFunctionModel(F, Cfg, Summaries, Ctx, &OverBudget);
  if (!M) {
    Result.State = OverBudget ? FunctionResult::Status::OverBudget
                              : FunctionResult::Status::NoCFG;
    return Result;
  }

  MoveDomain Moves(M->Facts, M->Places);
  if (!Moves.hasMoves())
    return Result;
  ForwardDataflow<MoveDomain> Solution(*M->Graph, *M->Order, M->Facts, Moves);
  if (!Solution.solve()) {
    Result.State = FunctionResult::Status::OverBudget;
    return Result;
  }
  Result.State = FunctionResult::Status::Analysed;
  if (const auto &Exit = Solution.exitState())
    Result.FunctionSummary = Moves.summarize(F, *Exit);
  if (WantFindings && Cfg.Rules.contains(Rule::UseAfterMove))
    checkUseAfterMove(Solution, Moves, M->Places, Cfg, Ctx, Result.Findings);
  return Result;
}

} // namespace borrow
