//===- FactBuilderTest.cpp - Facts for small snippets ---------------------===//

#include "TestAST.h"
#include "gtest/gtest.h"

using namespace borrow::test;

namespace {

TEST(FactBuilderTest, MoveConstructionThenUse) {
  EXPECT_EQ(factsOf(R"cpp(
    void f(std::string s1) {
      std::string s2 = std::move(s1);
      s1.size();
    }
  )cpp",
                    "f"),
            "B1: Use(s1) Move(s1) Reinit(s2) Use(s1)");
}

TEST(FactBuilderTest, CopyIsOnlyAUse) {
  EXPECT_EQ(factsOf(R"cpp(
    void f(std::string s1) { std::string s2 = s1; }
  )cpp",
                    "f"),
            "B1: Use(s1) Reinit(s2)");
}

TEST(FactBuilderTest, TriviallyCopyableMoveIsNotAMove) {
  EXPECT_EQ(factsOf(R"cpp(
    struct P { int x, y; };
    void f(P a) { P b = std::move(a); }
  )cpp",
                    "f"),
            "B1: Use(a) Reinit(b)");
}

TEST(FactBuilderTest, RValueReferenceParameterMovesAtTheCall) {
  EXPECT_EQ(factsOf(R"cpp(
    void sink(std::string &&);
    void f(std::string s) { sink(std::move(s)); }
  )cpp",
                    "f"),
            "B1: Use(s) Move(s)");
}

TEST(FactBuilderTest, ByValueArgumentMovesWhenTheCallHappens) {
  // The move waits for the call, after the other argument's use.
  EXPECT_EQ(factsOf(R"cpp(
    void g(std::string, unsigned long);
    void f(std::string s) { g(std::move(s), s.size()); }
  )cpp",
                    "f"),
            "B1: Use(s) Use(s) Move(s) UnsequencedUse(s)");
}

TEST(FactBuilderTest, AssignmentReinitialisesAndIsNoUse) {
  EXPECT_EQ(factsOf(R"cpp(
    void f(std::string a, std::string b) { a = std::move(b); }
  )cpp",
                    "f"),
            "B1: CancelledUse(a) Use(b) Move(b) Reinit(a)");
}

TEST(FactBuilderTest, ClearReinitialises) {
  EXPECT_EQ(factsOf(R"cpp(
    void f(std::string s) { s.clear(); }
  )cpp",
                    "f"),
            "B1: CancelledUse(s) Reinit(s)");
}

TEST(FactBuilderTest, ReinitializesAttribute) {
  EXPECT_EQ(factsOf(R"cpp(
    struct Buf { [[clang::reinitializes]] void reset(); void read() const; };
    void f(Buf b) { b.reset(); b.read(); }
  )cpp",
                    "f"),
            "B1: CancelledUse(b) Reinit(b) Use(b)");
}

TEST(FactBuilderTest, OutParameterReinitialises) {
  EXPECT_EQ(factsOf(R"cpp(
    void read(std::string &out);
    void readp(std::string *out);
    void f(std::string s) { read(s); readp(&s); }
  )cpp",
                    "f"),
            "B1: CancelledUse(s) Reinit(s) CancelledUse(s) Reinit(s)");
}

TEST(FactBuilderTest, ConstReferenceArgumentIsAUse) {
  EXPECT_EQ(factsOf(R"cpp(
    void print(const std::string &);
    void f(std::string s) { print(s); }
  )cpp",
                    "f"),
            "B1: Use(s)");
}

TEST(FactBuilderTest, InitCaptureMoves) {
  EXPECT_EQ(factsOf(R"cpp(
    void f(std::string s) { auto l = [t = std::move(s)] {}; }
  )cpp",
                    "f"),
            "B1: Use(s) Move(s) Reinit(l)");
}

TEST(FactBuilderTest, ReferenceCaptureIsUsedWhenTheLambdaRuns) {
  EXPECT_EQ(factsOf(R"cpp(
    void f(std::string s) {
      auto l = [&] { s.size(); };
      l();
    }
  )cpp",
                    "f"),
            "B1: CancelledUse(s) Reinit(l) Use(l) Use(s)");
}

TEST(FactBuilderTest, LambdaThatOnlyAssignsReinitialises) {
  EXPECT_EQ(factsOf(R"cpp(
    void f(std::string s) {
      auto l = [&] { s = "x"; };
      l();
    }
  )cpp",
                    "f"),
            "B1: CancelledUse(s) Reinit(l) Use(l) Reinit(s)");
}

TEST(FactBuilderTest, SmartPointerWriteThroughDerefUsesThePointer) {
  EXPECT_EQ(factsOf(R"cpp(
    void f(std::unique_ptr<int> p) { *p = 1; }
  )cpp",
                    "f"),
            "B1: CancelledUse(*p) DerefUse(p) Reinit(*p)");
}

TEST(FactBuilderTest, DeclarationInitialises) {
  EXPECT_EQ(factsOf(R"cpp(
    void f() { std::string s; }
  )cpp",
                    "f"),
            "B1: Reinit(s)");
}

TEST(FactBuilderTest, ReplacingABorrowForgetsWithItsFirstSource) {
  EXPECT_EQ(factsOf(R"cpp(
    void f() {
      std::vector<int> v;
      int *p = v.data();
    }
  )cpp",
                    "f", {}, /*WithLoans=*/true),
            // One fact borrows `v` into the call's value (replacing whatever
            // it held), one copies that value into `p`.
            "B1: Reinit(v) Use(v) Set(O1 <- L0) Reinit(p) Set(O2 <- O1) "
            "Expire(v) Expire(p)");
}

TEST(FactBuilderTest, AValueComputedFromItselfKeepsItsLoans) {
  EXPECT_EQ(factsOf(R"cpp(
    void f(bool c, int *q) {
      std::vector<int> v;
      int *p = v.data();
      p = p + 1;
      p = c ? p : q;
    }
  )cpp",
                    "f", {}, /*WithLoans=*/true),
            // `p = p + 1` keeps p's loans: no loan fact at all. `p = c ? p :
            // q` keeps them on some paths: p surely holds nothing of its
            // own any more (Set?) and may also hold q's pointee's (Flow?).
            "B5: Set(O1 <- L0)\n"
            "B4: Reinit(v) Use(v) Set(O2 <- L1) Reinit(p) Set(O3 <- O2) Use(p) "
            "CancelledUse(p) Reinit(p) Use(c)\n"
            "B2: Use(p)\n"
            "B3: Use(q)\n"
            "B1: CancelledUse(p) Reinit(p) Set?(O3 <- O0) Flow?(O3 <- O1) "
            "Expire(v) Expire(p)");
}

} // namespace
