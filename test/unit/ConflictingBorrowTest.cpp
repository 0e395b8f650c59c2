//===- ConflictingBorrowTest.cpp - Invalidation, end to end ---------------===//

#include "TestAST.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace borrow;
using namespace borrow::test;
using testing::ElementsAre;
using testing::IsEmpty;

namespace {

Config rules(Config::BorrowMode Mode = Config::BorrowMode::Cpp) {
  Config Cfg;
  Cfg.Rules.add(Rule::ConflictingBorrow);
  Cfg.Mode = Mode;
  return Cfg;
}

TEST(ConflictingBorrowTest, PushBackInvalidatesElementPointer) {
  EXPECT_THAT(findingsOf(R"cpp(
int f(std::vector<int> &v) {
  int *p = &v[0];
  v.push_back(1);
  return *p;
}
)cpp",
                         rules()),
              ElementsAre("4:3: 'p' borrows 'v', which 'push_back' may "
                          "reallocate | 3:13: borrow of 'v' occurs here | "
                          "5:10: borrow later used here"));
}

TEST(ConflictingBorrowTest, BorrowTakenAgainOrDeadIsFine) {
  EXPECT_THAT(findingsOf(R"cpp(
int f(std::vector<int> &v) {
  int *p = &v[0];
  v.push_back(1);
  p = &v[0];
  int r = *p;
  int *q = &v[0];
  int s = *q;
  v.push_back(2);
  return r + s;
}
)cpp",
                         rules()),
              IsEmpty());
}

TEST(ConflictingBorrowTest, SummaryCarriesTheInvalidation) {
  EXPECT_THAT(findingsOf(R"cpp(
struct C {
  std::vector<int> items;
  void add(int x) { items.push_back(x); }
  int *at(int i) { return &items[i]; }
};
int f(C &c) {
  int *p = c.at(0);
  c.add(1);
  return *p;
}
)cpp",
                         rules()),
              ElementsAre("9:3: 'p' borrows 'c.items', which 'add' may "
                          "reallocate | 8:12: borrow of 'c.items' occurs here "
                          "| 4:21: 'add' may reallocate it through this call "
                          "to 'push_back' | 10:10: borrow later used here"));
}

TEST(ConflictingBorrowTest, RustModeForbidsAnyWriteWhileBorrowed) {
  const char *Code = R"cpp(
int f() {
  int x = 1;
  const int &r = x;
  x = 2;
  return r;
}
)cpp";
  EXPECT_THAT(findingsOf(Code, rules()), IsEmpty());
  EXPECT_THAT(findingsOf(Code, rules(Config::BorrowMode::Rust)),
              ElementsAre("5:3: 'r' borrows 'x', which is assigned here | "
                          "4:18: borrow of 'x' occurs here | 6:10: borrow "
                          "later used here"));
}

} // namespace
