//===- SummaryTest.cpp - What functions do to their parameters ------------===//

#include "TestAST.h"
#include "borrow/TranslationUnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace borrow;
using namespace borrow::test;

namespace {

// Analyses \p Code and describes the summary of function \p Name, or says
// why there is none.
std::string
describeSummary(const std::string &Code, const std::string &Name,
                llvm::function_ref<std::string(const Summary &)> Describe) {
  std::unique_ptr<ASTUnit> AST = parse(Code);
  if (AST->getDiagnostics().hasErrorOccurred())
    return "<the code does not compile>";
  TranslationUnitAnalysis Analysis(AST->getASTContext(), defaultConfig());
  Analysis.run();
  const FunctionDecl *F = function(*AST, Name);
  if (!F)
    return "no function";
  const Summary *S = Analysis.summaries().lookup(F);
  return S ? Describe(*S) : "no summary";
}

// `param0`, `this.items`: a part of the caller's objects.
std::string partName(unsigned Param, llvm::ArrayRef<const FieldDecl *> Fields) {
  std::string Out =
      Param == MovedPart::ThisParam ? "this" : "param" + std::to_string(Param);
  for (const FieldDecl *Field : Fields)
    Out += "." + Field->getNameAsString();
  return Out;
}

// The summary of `Name` as `param#: effect` items, "none" for a summary
// without moves and "no summary" when there is none.
std::string summaryOf(const std::string &Code, const std::string &Name) {
  return describeSummary(Code, Name, [](const Summary &S) {
    std::string Out;
    for (const MovedPart &M : S.Moves) {
      if (!Out.empty())
        Out += ", ";
      Out += partName(M.Param, M.Fields);
      Out += M.Effect == MoveEffect::Always ? ": always" : ": maybe";
    }
    return Out.empty() ? std::string("none") : Out;
  });
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

namespace {

// The result-borrow part of `Name`'s summary: `param0`, `this.items[]`
// (contents), `param0*` (carries the argument's loans).
std::string resultBorrowsOf(const std::string &Code, const std::string &Name) {
  return describeSummary(Code, Name, [](const Summary &S) {
    std::vector<std::string> Parts;
    for (const BorrowedPart &P : S.ResultBorrows)
      Parts.push_back(partName(P.Param, P.Fields) + (P.Contents ? "[]" : "") +
                      (P.Carries ? "*" : ""));
    llvm::sort(Parts);
    std::string Joined;
    for (const std::string &P : Parts)
      Joined += (Joined.empty() ? "" : ", ") + P;
    return Joined.empty() ? std::string("none") : Joined;
  });
}

TEST(SummaryTest, ResultBorrowsBothParameters) {
  EXPECT_EQ(resultBorrowsOf(R"cpp(
    const std::string &longest(const std::string &a, const std::string &b) {
      return a.size() > b.size() ? a : b;
    }
  )cpp",
                            "longest"),
            "param0, param1");
}

TEST(SummaryTest, ResultBorrowsContentsOfAMember) {
  EXPECT_EQ(resultBorrowsOf(R"cpp(
    struct Container {
      std::vector<int> items;
      const int *get(unsigned i) const { return &items[i]; }
    };
  )cpp",
                            "get"),
            "this.items[]");
}

TEST(SummaryTest, PointerParameterPassedThroughCarriesItsLoans) {
  EXPECT_EQ(resultBorrowsOf(R"cpp(
    const int *identity(const int *p) { return p; }
  )cpp",
                            "identity"),
            "param0*");
}

TEST(SummaryTest, ValueResultBorrowsNothing) {
  EXPECT_EQ(resultBorrowsOf(R"cpp(
    std::string copy(const std::string &s) { return s; }
  )cpp",
                            "copy"),
            "none");
}

// What analysing `keep_and_take`, defined in a header and called from the
// main file (so summarised for its caller, not checked), summarises under
// \p Cfg: "moves" if its summary says it moves a parameter, "borrows" if
// its result borrows one.
std::string partsSummarised(Config Cfg) {
  std::string Header = std::string(MiniStd) + R"cpp(
    void sink(std::string &&);
    inline const std::string &keep_and_take(const std::string &k,
                                            std::string &t) {
      sink(std::move(t));
      return k;
    }
  )cpp";
  std::unique_ptr<ASTUnit> AST = tooling::buildASTFromCodeWithArgs(
      R"cpp(
    #include "helper.h"
    void user(const std::string &k, std::string &t) { keep_and_take(k, t); }
  )cpp",
      {"-std=c++17"}, "input.cc", "clang-tool",
      std::make_shared<PCHContainerOperations>(),
      tooling::getClangStripDependencyFileAdjuster(), {{"helper.h", Header}});
  TranslationUnitAnalysis Analysis(AST->getASTContext(), Cfg);
  Analysis.run();
  const Summary *S =
      Analysis.summaries().lookup(function(*AST, "keep_and_take"));
  if (!S)
    return "no summary";
  std::string Out;
  if (!S->Moves.empty())
    Out += "moves";
  if (!S->ResultBorrows.empty())
    Out += Out.empty() ? "borrows" : " borrows";
  return Out.empty() ? "nothing" : Out;
}

TEST(SummaryTest, OnlyThePartsTheEnabledRulesRead) {
  Config Moves;
  Moves.Rules.add(Rule::UseAfterMove);
  EXPECT_EQ(partsSummarised(Moves), "moves");

  Config Loans;
  Loans.Rules.add(Rule::DanglingReference);
  EXPECT_EQ(partsSummarised(Loans), "borrows");

  // In Mode Rust a callee's move invalidates the caller's borrows.
  Config Rust;
  Rust.Rules.add(Rule::ConflictingBorrow);
  Rust.Mode = Config::BorrowMode::Rust;
  EXPECT_EQ(partsSummarised(Rust), "moves borrows");

  // Exported for other translation units: everything.
  Moves.CompleteSummaries = true;
  EXPECT_EQ(partsSummarised(Moves), "moves borrows");
  EXPECT_EQ(partsSummarised(defaultConfig()), "moves borrows");
}

} // namespace
