//===- UseAfterMoveTest.cpp - Findings of the rule, end to end ------------===//

#include "TestAST.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace borrow;
using namespace borrow::test;
using testing::ElementsAre;
using testing::IsEmpty;

namespace {

TEST(UseAfterMoveTest, DefiniteUse) {
  EXPECT_THAT(
      findingsOf(R"cpp(
void f(std::string s1) {
  std::string s2 = std::move(s1);
  s1.size();
}
)cpp"),
      ElementsAre("4:3: 's1' used after it was moved | 3:20: moved here"));
}

TEST(UseAfterMoveTest, MaybeUseAndPreviousIteration) {
  EXPECT_THAT(findingsOf(R"cpp(
void sink(std::string &&);
void f(std::string s, int n) {
  for (int i = 0; i < n; ++i) {
    s.size();
    sink(std::move(s));
  }
}
)cpp"),
              ElementsAre("5:5: 's' may be used after it was moved | 6:10: "
                          "moved here in a previous iteration"));
}

TEST(UseAfterMoveTest, ReportsTheFirstUseOnly) {
  EXPECT_THAT(
      findingsOf(R"cpp(
void f(std::string s) {
  std::string t = std::move(s);
  s.size();
  s.size();
}
)cpp"),
      ElementsAre("4:3: 's' used after it was moved | 3:19: moved here"));
}

TEST(UseAfterMoveTest, CalleeSummaryExplainsTheMove) {
  EXPECT_THAT(
      findingsOf(R"cpp(
std::string keep;
void consume(std::string &s) { keep = std::move(s); }
void f(std::string name) {
  consume(name);
  name.size();
}
)cpp"),
      ElementsAre("6:3: 'name' used after it was moved | 5:11: moved here | "
                  "3:39: inside 'consume', parameter 's' is moved here"));
}

TEST(UseAfterMoveTest, NonMovingRValueCalleeIsNotAMove) {
  EXPECT_THAT(findingsOf(R"cpp(
unsigned long n;
void peek(std::string &&s) { n = s.size(); }
void f(std::string s) {
  peek(std::move(s));
  s.size();
}
)cpp"),
              IsEmpty());
}

TEST(UseAfterMoveTest, SmartPointerNullTestIsFineUnlessStrict) {
  const char *Code = R"cpp(
void f(std::unique_ptr<int> p) {
  std::unique_ptr<int> q = std::move(p);
  if (p == nullptr) return;
}
)cpp";
  EXPECT_THAT(findingsOf(Code), IsEmpty());
  Config Strict = defaultConfig();
  Strict.StrictSmartPointers = true;
  EXPECT_THAT(
      findingsOf(Code, Strict),
      ElementsAre("4:7: 'p' used after it was moved | 3:28: moved here"));
}

TEST(UseAfterMoveTest, DisabledRuleReportsNothing) {
  Config None;
  EXPECT_THAT(findingsOf(R"cpp(
void f(std::string s1) { std::string s2 = std::move(s1); s1.size(); }
)cpp",
                         None),
              IsEmpty());
}

TEST(UseAfterMoveTest, CXX14ObjectIsUnsequencedWithByValueArgument) {
  const char *Code = R"cpp(
struct Node { void adopt(std::unique_ptr<Node> n); };
void f(std::unique_ptr<Node> p) { p->adopt(std::move(p)); }
)cpp";
  EXPECT_THAT(findingsOf(Code), IsEmpty());
  EXPECT_THAT(findingsOf(Code, defaultConfig(), {"-std=c++14"}),
              ElementsAre("3:35: 'p' may be dereferenced after it was moved "
                          "(it is null) | 3:44: moved here"));
}

} // namespace
