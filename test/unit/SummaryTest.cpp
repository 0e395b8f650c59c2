//===- SummaryTest.cpp - What functions do to their parameters ------------===//

#include "TestAST.h"
#include "borrow/TranslationUnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace borrow;
using namespace borrow::test;

namespace {

// The summary of `Name` as `param#: effect` items, "none" for a summary
// without moves and "no summary" when there is none.
std::string summaryOf(const std::string &Code, const std::string &Name) {
  std::unique_ptr<ASTUnit> AST = parse(Code);
  if (AST->getDiagnostics().hasErrorOccurred())
    return "<the code does not compile>";
  TranslationUnitAnalysis Analysis(AST->getASTContext(), defaultConfig());
  Analysis.run();
  const FunctionDecl *F = function(*AST, Name);
  if (!F)
    return "no function";
  const Summary *S = Analysis.summaries().lookup(F);
  if (!S)
    return "no summary";
  std::string Out;
  for (const MovedPart &M : S->Moves) {
    if (!Out.empty())
      Out += ", ";
    Out += M.Param == MovedPart::ThisParam ? "this"
                                           : "param" + std::to_string(M.Param);
    for (const FieldDecl *Field : M.Fields)
      Out += "." + Field->getNameAsString();
    Out += M.Effect == MoveEffect::Always ? ": always" : ": maybe";
  }
  return Out.empty() ? "none" : Out;
}

TEST(SummaryTest, MovesFromLValueReference) {
  EXPECT_EQ(summaryOf(R"cpp(
    std::string keep;
    void consume(std::string &s) { keep = std::move(s); }
  )cpp",
                      "consume"),
            "param0: always");
}

TEST(SummaryTest, MovesOnSomePaths) {
  EXPECT_EQ(summaryOf(R"cpp(
    std::string keep;
    void take(bool c, std::string &&s) { if (c) keep = std::move(s); }
  )cpp",
                      "take"),
            "param1: maybe");
}

TEST(SummaryTest, NeverMovesIsAnEmptySummary) {
  EXPECT_EQ(summaryOf(R"cpp(
    unsigned long n;
    void peek(std::string &&s) { n = s.size(); }
  )cpp",
                      "peek"),
            "none");
}

TEST(SummaryTest, MoveThenReinitialiseIsNoMove) {
  EXPECT_EQ(summaryOf(R"cpp(
    std::string keep;
    void swapOut(std::string &s) { keep = std::move(s); s = "fresh"; }
  )cpp",
                      "swapOut"),
            "none");
}

TEST(SummaryTest, ByValueParametersAreTheCalleesOwn) {
  EXPECT_EQ(summaryOf(R"cpp(
    std::string keep;
    void own(std::string s) { keep = std::move(s); }
  )cpp",
                      "own"),
            "none");
}

TEST(SummaryTest, MovesAFieldOfThis) {
  EXPECT_EQ(summaryOf(R"cpp(
    struct Box { std::string name; std::string take() { return std::move(name); } };
  )cpp",
                      "take"),
            "this.name: always");
}

TEST(SummaryTest, ThroughACallee) {
  EXPECT_EQ(summaryOf(R"cpp(
    std::string keep;
    void consume(std::string &s) { keep = std::move(s); }
    void relay(std::string &s) { consume(s); }
  )cpp",
                      "relay"),
            "param0: always");
}

TEST(SummaryTest, MutualRecursionReachesAFixedPoint) {
  EXPECT_EQ(summaryOf(R"cpp(
    std::string keep;
    void pong(std::string &s, int n);
    void ping(std::string &s, int n) { if (n > 0) pong(s, n - 1); }
    void pong(std::string &s, int n) { if (n == 0) keep = std::move(s); else ping(s, n); }
  )cpp",
                      "ping"),
            "param0: maybe");
}

} // namespace
