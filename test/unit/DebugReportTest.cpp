//===- DebugReportTest.cpp - What the analysis says it gave up on ---------===//

#include "TestAST.h"
#include "borrow/TranslationUnitAnalysis.h"
#include "llvm/Support/raw_ostream.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include <map>

using namespace clang;
using namespace borrow;
using namespace borrow::test;
using ::testing::HasSubstr;
using ::testing::Not;

namespace {

// `big` has more CFG blocks than the budget below, `small` fewer; both
// use a string after moving it.
const char *TwoFunctions = R"cpp(
  void use(const std::string &);
  void big(bool a, bool b, bool c) {
    std::string s;
    std::string t = std::move(s);
    if (a) use(t); else if (b) use(t); else if (c) use(t);
    use(s);
  }
  void small() {
    std::string s;
    std::string t = std::move(s);
    use(s);
  }
)cpp";

Config smallBudget(bool Debug) {
  Config Cfg = defaultConfig();
  Cfg.MaxBlocksPerFunction = 6;
  Cfg.Debug = Debug;
  return Cfg;
}

TEST(DebugReportTest, OverBudgetFunctionIsDroppedAndNamedOnce) {
  std::unique_ptr<ASTUnit> AST = parse(TwoFunctions);
  TranslationUnitAnalysis Analysis(AST->getASTContext(), smallBudget(true));
  Analysis.run();
  // Nothing half-computed: only `small` is reported.
  ASSERT_EQ(Analysis.findings().size(), 1u);
  EXPECT_EQ(Analysis.findings()[0].Message, "'s' used after it was moved");

  const AnalysisStats &Stats = Analysis.stats();
  EXPECT_EQ(Stats.OverBudget, 1u);
  ASSERT_EQ(Stats.Dropped.size(), 1u);
  EXPECT_EQ(Stats.Dropped.front().first->getName(), "big");
  EXPECT_THAT(Stats.Dropped.front().second,
              HasSubstr("CFG blocks, over the budget of 6"));
  EXPECT_EQ(Stats.Costs.size(), 2u);
  for (const auto &[F, C] : Stats.Costs)
    EXPECT_LE(C.CFGSeconds, C.Seconds);

  std::string Report;
  llvm::raw_string_ostream OS(Report);
  Analysis.printDebugReport(OS);
  EXPECT_THAT(Report, HasSubstr("1 over budget"));
  EXPECT_THAT(Report, HasSubstr("not analysed, nothing reported: 'big' ("));
  EXPECT_THAT(Report,
              Not(HasSubstr("not analysed, nothing reported: 'small'")));
  EXPECT_THAT(Report, HasSubstr("slowest function '"));
  EXPECT_THAT(Report, HasSubstr("ms building its CFG)"));
  EXPECT_THAT(Report, HasSubstr("ms of analysis ("));
  EXPECT_THAT(Report, HasSubstr("ms finding the functions and their calls"));
  // Said once, however many times the function was looked at.
  EXPECT_EQ(Report.find("not analysed"), Report.rfind("not analysed"));
}

TEST(DebugReportTest, BudgetsAreKeptWithoutDebugButNotTimes) {
  std::unique_ptr<ASTUnit> AST = parse(TwoFunctions);
  TranslationUnitAnalysis Analysis(AST->getASTContext(), smallBudget(false));
  Analysis.run();
  EXPECT_EQ(Analysis.stats().Dropped.size(), 1u);
  EXPECT_TRUE(Analysis.stats().Costs.empty());
}

// `branchy` has more if statements than the budget: it is dropped before
// clang builds its CFG. `withLambda` has as many loops, but in a lambda,
// whose CFG is the lambda's, and `withConstexprIfs` as many `if constexpr`,
// whose untaken branches are not built: those two are judged by their CFG.
const char *Branches = R"cpp(
  void use(const std::string &);
  void branchy(bool a, bool b, bool c) {
    std::string s;
    std::string t = std::move(s);
    if (a) use(t);
    if (b) use(t);
    if (c) use(t);
    use(s);
  }
  void withLambda() {
    std::string s;
    std::string t = std::move(s);
    auto f = [](int n) {
      for (int i = 0; i < n; ++i) {}
      for (int i = 0; i < n; ++i) {}
      for (int i = 0; i < n; ++i) {}
    };
    f(1);
    use(s);
  }
  void withConstexprIfs() {
    std::string s;
    std::string t = std::move(s);
    if constexpr (true) use(t);
    if constexpr (true) use(t);
    if constexpr (true) use(t);
    use(s);
  }
)cpp";

TEST(DebugReportTest, TooManyBranchesDropAFunctionBeforeItsCFG) {
  std::unique_ptr<ASTUnit> AST = parse(Branches);
  Config Cfg = defaultConfig();
  Cfg.MaxBlocksPerFunction = 2;
  Cfg.Debug = true;
  TranslationUnitAnalysis Analysis(AST->getASTContext(), Cfg);
  Analysis.run();
  EXPECT_TRUE(Analysis.findings().empty());
  std::map<std::string, std::string> Why;
  for (const auto &[F, Budget] : Analysis.stats().Dropped)
    Why[F->getNameAsString()] = Budget;
  EXPECT_EQ(Why["branchy"], "3 if statements, loops and case labels, over "
                            "the budget of 2 CFG blocks");
  EXPECT_THAT(Why["withLambda"], HasSubstr("CFG blocks, over the budget of 2"));
  EXPECT_THAT(Why["withLambda"], Not(HasSubstr("loops")));
  EXPECT_THAT(Why["withConstexprIfs"],
              HasSubstr("CFG blocks, over the budget of 2"));
  EXPECT_THAT(Why["withConstexprIfs"], Not(HasSubstr("if statements")));
  for (const auto &[F, C] : Analysis.stats().Costs)
    if (F->getNameAsString() == "branchy")
      EXPECT_EQ(C.CFGSeconds, 0.0);
}

} // namespace
