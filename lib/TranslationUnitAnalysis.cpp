//===- TranslationUnitAnalysis.cpp ----------------------------------------===//

#include "borrow/TranslationUnitAnalysis.h"
#include "borrow/CallGraphBuilder.h"
#include "borrow/FunctionAnalysis.h"
#include "borrow/Models.h"
#include "borrow/SummaryExchange.h"
#include "borrow/VirtualCalls.h"
#include "borrow/rules/MissingLifetimebound.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/CallGraph.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/SCCIterator.h"
#include "llvm/ADT/SetVector.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <numeric>
#include <tuple>

using namespace clang;

namespace borrow {
namespace {

// Finds the function definitions of the main file's declarations. A body is
// not traversed here: the CallGraphBuilder walks it once, adding its calls
// and reporting the lambdas and local classes' methods it defines; a
// template's body defines nothing to collect (only its instances do).
class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(CallGraphBuilder &Calls) : Calls(Calls) {}

  bool shouldVisitTemplateInstantiations() const { return true; }
  bool shouldVisitLambdaBody() const { return true; }

  // A function collected here: its parameters (lambdas in default
  // arguments) are left to traverse, not the rest (clang's traversal of a
  // function also looks at each of its local declarations).
  bool TraverseDecl(Decl *D) {
    auto *FD = dyn_cast_or_null<FunctionDecl>(D);
    if (!FD || !collect(*FD))
      return RecursiveASTVisitor::TraverseDecl(D);
    for (ParmVarDecl *Param : FD->parameters())
      if (!TraverseDecl(Param))
        return false;
    return true;
  }
  // Every statement the traversal reaches passes here (its own queue keeps
  // deep expressions off the call stack); a walked body is left alone.
  bool dataTraverseStmtPre(Stmt *S) { return !Walked.contains(S); }

  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->isDependentContext() && FD->getBody())
      Walked.insert(FD->getBody());
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    if (CXXMethodDecl *Call = L->getCallOperator())
      collect(*Call);
    if (FunctionTemplateDecl *Generic = L->getDependentCallOperator())
      for (FunctionDecl *Instance : Generic->specializations())
        collect(*Instance);
    return true;
  }

  llvm::SetVector<const FunctionDecl *> Functions;

private:
  /// Whether \p FD is collected and its body walked (now or before).
  bool collect(const FunctionDecl &FD) {
    if (!FD.doesThisDeclarationHaveABody() || FD.isDependentContext() ||
        FD.isImplicit() || FD.isDefaulted())
      return false;
    if (!Functions.insert(&FD))
      return Walked.contains(FD.getBody());
    if (!Calls.add(FD, [this](const FunctionDecl &Nested) { collect(Nested); }))
      return false;
    Walked.insert(FD.getBody());
    if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(&FD))
      for (const CXXCtorInitializer *Init : Ctor->inits())
        Walked.insert(Init->getInit());
    return true;
  }

  CallGraphBuilder &Calls;
  /// Bodies (and member initializers) the traversal leaves alone.
  llvm::DenseSet<const Stmt *> Walked;
};

bool isInMainFile(const SourceManager &SM, const Decl *D) {
  return SM.isInMainFile(SM.getExpansionLoc(D->getBeginLoc()));
}

// Visits the main file's declarations only: the headers' are not ours to
// report on, and skipping them keeps the pass cheap.
// Only declarations parsed in this translation unit (noload: clangd's
// preamble is never deserialised), and only namespaces opened in the main
// file (a namespace block of a header cannot hold main-file code).
void collectMainFile(const SourceManager &SM, Decl *D,
                     FunctionCollector &Collector) {
  if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
    if (isInMainFile(SM, D))
      for (Decl *Inner : cast<DeclContext>(D)->noload_decls())
        collectMainFile(SM, Inner, Collector);
  } else if (isInMainFile(SM, D)) {
    Collector.TraverseDecl(D);
  }
}

} // namespace

std::vector<const FunctionDecl *>
TranslationUnitAnalysis::mainFileFunctions(ASTContext &Ctx) {
  CallGraph Graph;
  CallGraphBuilder Calls(Graph);
  return mainFileFunctions(Ctx, Calls);
}

std::vector<const FunctionDecl *>
TranslationUnitAnalysis::mainFileFunctions(ASTContext &Ctx,
                                           CallGraphBuilder &Calls) {
  FunctionCollector Collector(Calls);
  // clangd narrows the traversal scope to the main file's top-level
  // declarations; clang-tidy leaves it at the whole translation unit.
  for (Decl *Top : Ctx.getTraversalScope()) {
    if (isa<TranslationUnitDecl>(Top)) {
      for (Decl *D : cast<DeclContext>(Top)->noload_decls())
        collectMainFile(Ctx.getSourceManager(), D, Collector);
    } else {
      collectMainFile(Ctx.getSourceManager(), Top, Collector);
    }
  }
  return std::vector<const FunctionDecl *>(Collector.Functions.begin(),
                                           Collector.Functions.end());
}

TranslationUnitAnalysis::TranslationUnitAnalysis(ASTContext &Ctx, Config Cfg)
    : Ctx(Ctx), Cfg(std::move(Cfg)) {}

void TranslationUnitAnalysis::importSummaries(const SummaryFile &File) {
  Summaries.setImporter(
      [this, &File](const FunctionDecl &F) -> std::optional<Summary> {
        // The std library is modelled, not summarised.
        if (F.isInStdNamespace() || isInSystemHeader(&F))
          return std::nullopt;
        const PortableSummary *P = File.lookup(summaryKey(F));
        if (!P)
          return std::nullopt;
        std::optional<Summary> S = fromPortable(F, *P, Saver);
        Stats.Imported += S.has_value();
        return S;
      });
}

SummaryFile TranslationUnitAnalysis::exportSummaries() const {
  SummaryFile File;
  for (const auto &[F, S] : Summaries) {
    const FunctionDecl *Def = F->getDefinition();
    if (!Def || !isExported(*Def))
      continue;
    std::string Key = summaryKey(*Def);
    if (!Key.empty())
      File.add(Key, toPortable(*Def, S));
  }
  return File;
}

// At most this many functions outside the main file are summarised.
static constexpr unsigned MaxCallees = 4000;
// Recursive cycles whose summaries still change after this many rounds keep
// no summary, so their callers fall back to the defaults.
static constexpr unsigned MaxRounds = 4;

// Sorts \p Findings by location, then rule and message; equal ones keep
// the order they were found in. Through their indices: a finding is large
// to move, and each location is decomposed once rather than at every
// comparison (on a function with 2 000 and one with 20 000 findings, the
// comparisons cost 15 times more on the second).
static void sortByLocation(std::vector<Finding> &Findings,
                           const SourceManager &SM) {
  std::vector<std::pair<FileID, unsigned>> Where;
  Where.reserve(Findings.size());
  for (const Finding &F : Findings)
    Where.push_back(SM.getDecomposedLoc(F.Loc));
  std::vector<unsigned> Order(Findings.size());
  std::iota(Order.begin(), Order.end(), 0u);
  llvm::sort(Order, [&](unsigned I, unsigned J) {
    const Finding &A = Findings[I], &B = Findings[J];
    if (A.Loc != B.Loc)
      return Where[I].first == Where[J].first
                 ? Where[I].second < Where[J].second
                 : SM.isBeforeInTranslationUnit(A.Loc, B.Loc);
    return std::tie(A.R, A.Message, I) < std::tie(B.R, B.Message, J);
  });
  std::vector<Finding> Sorted;
  Sorted.reserve(Findings.size());
  for (unsigned I : Order)
    Sorted.push_back(std::move(Findings[I]));
  Findings = std::move(Sorted);
}

void TranslationUnitAnalysis::run() {
  double Start = Cfg.Debug ? processCpuSeconds() : 0;
  CallGraph Graph;
  CallGraphBuilder Calls(Graph);
  std::vector<const FunctionDecl *> Roots = mainFileFunctions(Ctx, Calls);
  llvm::DenseSet<const FunctionDecl *> IsRoot;
  VirtualCalls Virtuals(Ctx);
  llvm::DenseSet<const Decl *> Added;
  for (const FunctionDecl *F : Roots) {
    IsRoot.insert(F->getCanonicalDecl());
    Added.insert(F->getCanonicalDecl());
  }
  for (const FunctionDecl *F : Roots)
    Virtuals.linkCalls(Graph, F);
  // Pull in the definitions of callees outside the main file (inline
  // functions and templates of the project's headers, implementations of
  // virtual methods called), transitively.
  bool Grew = true;
  while (Grew && Added.size() < Roots.size() + MaxCallees) {
    llvm::SmallVector<FunctionDecl *, 32> New;
    for (auto &Entry : Graph) {
      const auto *FD = dyn_cast_or_null<FunctionDecl>(Entry.first);
      if (!FD || Added.contains(FD))
        continue;
      Added.insert(FD);
      const FunctionDecl *Def = FD->getDefinition();
      if (Def && Def->hasBody() && !isInSystemHeader(Def))
        New.push_back(const_cast<FunctionDecl *>(Def));
    }
    for (FunctionDecl *Def : New)
      Calls.add(*Def);
    for (FunctionDecl *Def : New)
      Virtuals.linkCalls(Graph, Def);
    Grew = !New.empty();
  }
  Stats.CalleesCapped = Grew;
  if (Cfg.Debug)
    Stats.CallGraphSeconds = processCpuSeconds() - Start;

  auto Analyse = [&](const FunctionDecl *Def, bool WantFindings) {
    double Start = Cfg.Debug ? processCpuSeconds() : 0;
    Borrowers FunctionTypes(&Types);
    FunctionResult R = analyzeFunction(*Def, Cfg, Summaries, Ctx, WantFindings,
                                       &FunctionTypes);
    if (Cfg.Debug) {
      AnalysisStats::Cost &C = Stats.Costs[Def];
      C.Seconds += processCpuSeconds() - Start;
      C.CFGSeconds += R.CFGSeconds;
    }
    if (R.State == FunctionResult::Status::OverBudget)
      Stats.Dropped.insert({Def, R.Budget});
    return R;
  };

  // What a virtual call may do, once every implementation it may reach
  // has its summary (the callers come later).
  auto UpdateDispatch = [&](const FunctionDecl *Def) {
    for (const CXXMethodDecl *Method : Virtuals.dispatchesReaching(Def)) {
      // Each implementation's moves say which one moves, for the note.
      llvm::SmallVector<Summary, 4> Known;
      auto Add = [&](const FunctionDecl *Impl) {
        if (const Summary *S = Summaries.lookup(Impl)) {
          Known.push_back(*S);
          for (MovedPart &M : Known.back().Moves)
            M.In = Impl;
        }
      };
      Add(Method);
      for (const FunctionDecl *Impl : Virtuals.overridersOf(Method))
        Add(Impl);
      llvm::SmallVector<const Summary *, 4> All;
      for (const Summary &S : Known)
        All.push_back(&S);
      Summaries.setDispatch(Method, unionOf(All));
    }
  };

  for (auto SCC = llvm::scc_begin(&Graph); !SCC.isAtEnd(); ++SCC) {
    llvm::SmallVector<const FunctionDecl *, 4> Members;
    for (CallGraphNode *Node : *SCC) {
      const auto *FD = dyn_cast_or_null<FunctionDecl>(Node->getDecl());
      const FunctionDecl *Def = FD ? FD->getDefinition() : nullptr;
      if (Def && Def->hasBody() && Added.contains(FD) &&
          (IsRoot.contains(FD) || !isInSystemHeader(Def)))
        Members.push_back(Def);
    }
    if (Members.empty())
      continue;
    Stats.Functions += Members.size();

    bool Converged = !SCC.hasCycle();
    for (unsigned Round = 0; !Converged && Round < MaxRounds; ++Round) {
      bool Changed = false;
      for (const FunctionDecl *Def : Members) {
        FunctionResult R = Analyse(Def, /*WantFindings=*/false);
        if (R.State == FunctionResult::Status::Analysed ||
            R.State == FunctionResult::Status::Skipped)
          Changed |= Summaries.update(Def, R.FunctionSummary);
      }
      Converged = !Changed;
    }
    if (!Converged) {
      for (const FunctionDecl *Def : Members)
        Summaries.erase(Def);
      Stats.Unconverged.emplace_back(Members.begin(), Members.end());
    }

    for (const FunctionDecl *Def : Members) {
      bool Root = IsRoot.contains(Def->getCanonicalDecl());
      FunctionResult R = Analyse(Def, Root);
      Stats.Analysed += R.State == FunctionResult::Status::Analysed;
      bool Summarise = R.State == FunctionResult::Status::Analysed ||
                       R.State == FunctionResult::Status::Skipped;
      if (Summarise && (Converged || !SCC.hasCycle()))
        Summaries.update(Def, R.FunctionSummary);
      for (Finding &F : R.Findings)
        Findings.push_back(std::move(F));
    }
    for (const FunctionDecl *Def : Members)
      UpdateDispatch(Def);
  }

  Stats.OverBudget = Stats.Dropped.size();
  // Rules about declarations read the final summaries.
  if (Cfg.Rules.contains(Rule::MissingLifetimebound))
    for (const auto &[F, S] : Summaries)
      if (const FunctionDecl *Def = F->getDefinition())
        checkMissingLifetimebound(*Def, S, Cfg, Findings);

  // One report per source location: template instantiations repeat them.
  sortByLocation(Findings, Ctx.getSourceManager());
  Findings.erase(llvm::unique(Findings,
                              [](const Finding &A, const Finding &B) {
                                return A.Loc == B.Loc && A.R == B.R &&
                                       A.Message == B.Message;
                              }),
                 Findings.end());
}

static void printFunction(llvm::raw_ostream &OS, const FunctionDecl *F,
                          const SourceManager &SM) {
  OS << "'" << F->getQualifiedNameAsString() << "' ("
     << F->getLocation().printToString(SM) << ")";
}

void TranslationUnitAnalysis::printDebugReport(llvm::raw_ostream &OS) const {
  const SourceManager &SM = Ctx.getSourceManager();
  AnalysisStats::Cost Total;
  const FunctionDecl *Slowest = nullptr;
  for (const auto &[F, C] : Stats.Costs) {
    Total.Seconds += C.Seconds;
    Total.CFGSeconds += C.CFGSeconds;
    if (!Slowest || C.Seconds > Stats.Costs.lookup(Slowest).Seconds)
      Slowest = F;
  }
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  OS << "borrow-tidy: " << (Main ? Main->getName() : "<main file>") << ": "
     << Stats.Functions << " functions, " << Stats.Analysed << " analysed, "
     << Stats.OverBudget << " over budget";
  if (Cfg.Debug)
    OS << llvm::format(", %.1f ms of analysis (%.1f ms building CFGs), "
                       "%.1f ms finding the functions and their calls",
                       Total.Seconds * 1e3, Total.CFGSeconds * 1e3,
                       Stats.CallGraphSeconds * 1e3);
  OS << "\n";
  for (const auto &[F, Why] : Stats.Dropped) {
    OS << "borrow-tidy: not analysed, nothing reported: ";
    printFunction(OS, F, SM);
    OS << ": " << Why << "\n";
  }
  for (const auto &Cycle : Stats.Unconverged) {
    OS << "borrow-tidy: summaries dropped: recursive cycle of " << Cycle.size()
       << " functions still changing after " << MaxRounds
       << " rounds, their callers assume the defaults: ";
    printFunction(OS, Cycle.front(), SM);
    OS << (Cycle.size() > 1 ? ", ...\n" : "\n");
  }
  if (Stats.CalleesCapped)
    OS << "borrow-tidy: callees not summarised: more than " << MaxCallees
       << " definitions outside the main file\n";
  if (!Slowest)
    return;
  OS << "borrow-tidy: slowest function ";
  printFunction(OS, Slowest, SM);
  AnalysisStats::Cost Most = Stats.Costs.lookup(Slowest);
  OS << llvm::format(": %.3f ms (%.3f ms building its CFG)\n",
                     Most.Seconds * 1e3, Most.CFGSeconds * 1e3);
  for (const auto &[F, C] : Stats.Costs)
    if (C.Seconds * 1e3 > Cfg.DebugSlowFunctionMs) {
      OS << "borrow-tidy: slow function ";
      printFunction(OS, F, SM);
      OS << llvm::format(": %.3f ms (%.3f ms building its CFG)\n",
                         C.Seconds * 1e3, C.CFGSeconds * 1e3);
    }
}

} // namespace borrow
