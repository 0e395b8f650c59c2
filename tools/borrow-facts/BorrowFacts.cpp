//===- BorrowFacts.cpp - Print the facts of every function ----------------===//
//
// A developer tool: shows the facts the analysis builds for each function
// defined in the main file, block by block, so a rule's input can be read
// directly. Usage: borrow-facts FILE [-- CLANG-ARGS...]
//
//===----------------------------------------------------------------------===//

#include "borrow/FunctionAnalysis.h"
#include "borrow/TranslationUnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/CommonOptionsParser.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;

static llvm::cl::OptionCategory Category("borrow-facts options");

int main(int Argc, const char **Argv) {
  auto Parser = tooling::CommonOptionsParser::create(Argc, Argv, Category);
  if (!Parser) {
    llvm::errs() << Parser.takeError();
    return 1;
  }
  tooling::ClangTool Tool(Parser->getCompilations(),
                          Parser->getSourcePathList());
  std::vector<std::unique_ptr<ASTUnit>> Units;
  if (Tool.buildASTs(Units) != 0)
    llvm::errs() << "borrow-facts: the file has errors; facts may be partial\n";
  borrow::Config Cfg;
  Cfg.Rules = borrow::RuleSet::all();
  for (const auto &Unit : Units) {
    ASTContext &Ctx = Unit->getASTContext();
    borrow::TranslationUnitAnalysis Analysis(Ctx, Cfg);
    Analysis.run();
    for (const FunctionDecl *F :
         borrow::TranslationUnitAnalysis::mainFileFunctions(Ctx)) {
      llvm::outs() << F->getQualifiedNameAsString() << " ("
                   << F->getLocation().printToString(Ctx.getSourceManager())
                   << ")\n";
      std::unique_ptr<borrow::FunctionModel> M =
          borrow::buildFunctionModel(*F, Cfg, Analysis.summaries(), Ctx);
      if (!M) {
        llvm::outs() << "  (no CFG)\n";
        continue;
      }
      std::string Facts = borrow::describeFacts(*M);
      llvm::outs() << "  " << (Facts.empty() ? "(no facts)" : Facts) << "\n";
    }
  }
  return 0;
}
