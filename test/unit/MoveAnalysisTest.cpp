//===- MoveAnalysisTest.cpp - Dataflow states of the move domain ----------===//

#include "borrow/MoveAnalysis.h"
#include "TestAST.h"
#include "borrow/Dataflow.h"
#include "clang/AST/ASTContext.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace borrow;
using namespace borrow::test;

namespace {

// The moves that may reach the end of `f`, as `s` (moved on every path) or
// `s?` (on some path); "unreachable" if `f` cannot return.
std::string exitState(const std::string &Code) {
  ParsedModel P = modelOf(Code);
  if (!P.Model)
    return P.Problem;
  FunctionModel *M = P.Model.get();
  MoveDomain Moves(M->Facts, M->Places);
  ForwardDataflow<MoveDomain> Solution(*M->Graph, *M->Order, M->Facts, Moves);
  if (!Solution.solve())
    return "<gave up>";
  const auto &Exit = Solution.exitState();
  if (!Exit)
    return "unreachable";
  std::string Out;
  for (unsigned P = 0; P < M->Places.size(); ++P) {
    if (Moves.movesReaching(*Exit, P).empty() ||
        !Moves.movesReaching(*Exit, P).front())
      continue;
    // Only report the moved places themselves, not every place below them.
    bool IsMoved = false;
    for (const Fact *Move : Moves.movesReaching(*Exit, P))
      IsMoved |= Move->Place == P;
    if (!IsMoved)
      continue;
    if (!Out.empty())
      Out += " ";
    Out +=
        M->Places.describe(P) + (Moves.isDefinitelyMoved(*Exit, P) ? "" : "?");
  }
  return Out.empty() ? "none" : Out;
}

TEST(MoveAnalysisTest, MoveOnEveryPathIsDefinite) {
  EXPECT_EQ(exitState(R"cpp(
    void sink(std::string &&);
    void f(std::string s, bool c) {
      if (c) sink(std::move(s)); else sink(std::move(s));
    }
  )cpp"),
            "s");
}

TEST(MoveAnalysisTest, MoveOnOnePathIsMaybe) {
  EXPECT_EQ(exitState(R"cpp(
    void sink(std::string &&);
    void f(std::string s, bool c) { if (c) sink(std::move(s)); }
  )cpp"),
            "s?");
}

TEST(MoveAnalysisTest, ReinitialisationEndsTheMove) {
  EXPECT_EQ(exitState(R"cpp(
    void sink(std::string &&);
    void f(std::string s, bool c) { sink(std::move(s)); if (c) s = "x"; else s.clear(); }
  )cpp"),
            "none");
}

TEST(MoveAnalysisTest, ReinitialisationOnOnePathLeavesMaybe) {
  EXPECT_EQ(exitState(R"cpp(
    void sink(std::string &&);
    void f(std::string s, bool c) { sink(std::move(s)); if (c) s = "x"; }
  )cpp"),
            "s?");
}

TEST(MoveAnalysisTest, FieldMovesAreSeparate) {
  EXPECT_EQ(exitState(R"cpp(
    struct S { std::string a, b; };
    void sink(std::string &&);
    void f(S s) { sink(std::move(s.a)); s.b = "x"; }
  )cpp"),
            "s.a");
}

TEST(MoveAnalysisTest, ReinitialisingTheWholeEndsPartMoves) {
  EXPECT_EQ(exitState(R"cpp(
    struct S { std::string a, b; S &operator=(const S &); };
    void sink(std::string &&);
    void f(S s, const S &t) { sink(std::move(s.a)); s = t; }
  )cpp"),
            "none");
}

TEST(MoveAnalysisTest, LoopCarriesTheMoveAround) {
  EXPECT_EQ(exitState(R"cpp(
    void sink(std::string &&);
    void f(std::string s, int n) { for (int i = 0; i < n; ++i) sink(std::move(s)); }
  )cpp"),
            "s?");
}

TEST(MoveAnalysisTest, NullTestOfMovedSmartPointerIsADeadBranch) {
  // After the move `p` is null: the `if (p)` branch cannot run, and the
  // reset in the else branch leaves nothing moved.
  EXPECT_EQ(exitState(R"cpp(
    void f(std::unique_ptr<int> p) {
      std::unique_ptr<int> q = std::move(p);
      if (p) { *p = 1; } else { p.reset(new int); }
    }
  )cpp"),
            "none");
}

TEST(MoveAnalysisTest, NotNullBranchOfMaybeMovedPointerIsNotMoved) {
  EXPECT_EQ(exitState(R"cpp(
    void f(std::unique_ptr<int> p, bool c) {
      if (c) { std::unique_ptr<int> q = std::move(p); }
      if (p != nullptr) return;
    }
  )cpp"),
            "p?");
}

TEST(MoveAnalysisTest, NoReturnMeansNoExitState) {
  EXPECT_EQ(exitState(R"cpp(
    [[noreturn]] void die();
    void f(std::string s) { std::string t = std::move(s); die(); }
  )cpp"),
            "unreachable");
}

// Every fact with the state before it, as "fact-ID:moves-reaching-bits",
// seen by solve() then replay() (Fused false) or by solveAndReplay().
std::vector<std::string> visits(const std::string &Code, bool Fused) {
  ParsedModel P = modelOf(Code);
  if (!P.Model)
    return {P.Problem};
  FunctionModel *M = P.Model.get();
  MoveDomain Moves(M->Facts, M->Places);
  ForwardDataflow<MoveDomain> Solution(*M->Graph, *M->Order, M->Facts, Moves);
  std::vector<std::string> Seen;
  auto Visit = [&](const Fact &Fa, const MoveDomain::State &S) {
    std::string Bits;
    for (unsigned I = 0; I < S.Reaching.size(); ++I)
      Bits += S.Reaching.test(I) ? '1' : '0';
    Seen.push_back(std::to_string(M->Facts.idOf(Fa)) + ":" + Bits);
  };
  bool Solved = Fused ? Solution.solveAndReplay(Visit)
                      : (Solution.solve() && (Solution.replay(Visit), true));
  if (!Solved)
    return {"<gave up>"};
  return Seen;
}

TEST(MoveAnalysisTest, SolveAndReplaySeesWhatAReplaySees) {
  // Without a loop the rules see the facts during the solver's one pass;
  // with one, after the fixed point: either way the same facts in the
  // same order with the same states.
  const char *Branches = R"cpp(
    void sink(std::string &&);
    void use(const std::string &);
    void f(std::string s, std::string t, bool c) {
      if (c) sink(std::move(s)); else use(s);
      use(s);
      sink(std::move(t));
      use(t);
    }
  )cpp";
  const char *Loop = R"cpp(
    void sink(std::string &&);
    void use(const std::string &);
    void f(std::string s, int n) {
      for (int i = 0; i < n; ++i) {
        use(s);
        sink(std::move(s));
      }
      use(s);
    }
  )cpp";
  for (const char *Code : {Branches, Loop}) {
    std::vector<std::string> Replayed = visits(Code, false);
    EXPECT_GT(Replayed.size(), 4u);
    EXPECT_EQ(visits(Code, true), Replayed);
  }
}

} // namespace
