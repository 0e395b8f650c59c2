//===- FactListsTest.cpp - A short list per fact -------------------------===//

#include "borrow/FactLists.h"
#include "gtest/gtest.h"

using namespace borrow;

namespace {

std::vector<unsigned> listOf(const FactLists<unsigned> &Lists, unsigned ID) {
  llvm::ArrayRef<unsigned> L = Lists.of(ID);
  return std::vector<unsigned>(L.begin(), L.end());
}

TEST(FactListsTest, ValuesGroupedByFactInTheOrderTheyCame) {
  FactLists<unsigned> Lists;
  Lists.assign(5, {{3, 30}, {0, 1}, {3, 31}, {0, 2}, {4, 40}, {3, 32}});
  EXPECT_EQ(listOf(Lists, 0), (std::vector<unsigned>{1, 2}));
  EXPECT_TRUE(Lists.of(1).empty());
  EXPECT_TRUE(Lists.of(2).empty());
  EXPECT_EQ(listOf(Lists, 3), (std::vector<unsigned>{30, 31, 32}));
  EXPECT_EQ(listOf(Lists, 4), (std::vector<unsigned>{40}));
}

TEST(FactListsTest, FactsBeyondTheAssignedOnesHaveNone) {
  FactLists<unsigned> Unassigned;
  EXPECT_TRUE(Unassigned.of(0).empty());
  FactLists<unsigned> Lists;
  Lists.assign(2, {{1, 7}});
  EXPECT_TRUE(Lists.of(2).empty());
  EXPECT_TRUE(Lists.of(1000).empty());
  // Assigning again replaces everything.
  Lists.assign(2, {{0, 8}});
  EXPECT_EQ(listOf(Lists, 0), (std::vector<unsigned>{8}));
  EXPECT_TRUE(Lists.of(1).empty());
}

} // namespace
