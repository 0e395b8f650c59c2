//===- DanglingTest.cpp - Findings of the dangling rules, end to end ------===//

#include "TestAST.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace borrow;
using namespace borrow::test;
using testing::ElementsAre;
using testing::IsEmpty;

namespace {

TEST(DanglingTest, ReturnOfLocalReference) {
  EXPECT_THAT(findingsOf(R"cpp(
int &f() {
  int x = 0;
  return x;
}
)cpp"),
              ElementsAre("4:10: returning a reference to local variable 'x' | "
                          "3:7: 'x' is destroyed when the function returns"));
}

TEST(DanglingTest, ReturnOfParameterReferenceIsFine) {
  EXPECT_THAT(findingsOf(R"cpp(
const std::string &f(const std::string &s) { return s; }
)cpp"),
              IsEmpty());
}

TEST(DanglingTest, UseAfterScope) {
  EXPECT_THAT(
      findingsOf(R"cpp(
int f() {
  int *p = nullptr;
  { int x = 1; p = &x; }
  return *p;
}
)cpp"),
      ElementsAre("4:21: 'x' does not live long enough: 'p' still refers to it"
                  " | 4:24: destroyed here (end of scope) | 5:10: later used "
                  "here"));
}

TEST(DanglingTest, OnlyEnabledRulesReport) {
  Config OnlyMoves;
  OnlyMoves.Rules.add(Rule::UseAfterMove);
  EXPECT_THAT(findingsOf(R"cpp(
int &f() { int x = 0; return x; }
)cpp",
                         OnlyMoves),
              IsEmpty());
}

} // namespace
