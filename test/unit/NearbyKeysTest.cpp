//===- NearbyKeysTest.cpp - Hash tables that keep nearby keys nearby ------===//

#include "borrow/NearbyKeys.h"
#include "gtest/gtest.h"

using namespace borrow;

namespace {

TEST(NearbyKeysTest, NeighbouringKeysHashToNeighbouringValues) {
  using Info = NearbyKeyInfo<unsigned, const void *>;
  int Objects[2];
  unsigned Base = Info::getHashValue({100, &Objects[0]});
  // The next ID with the same pointer: one step of the ID's own hash.
  EXPECT_EQ(Info::getHashValue({101, &Objects[0]}) - Base,
            llvm::DenseMapInfo<unsigned>::getHashValue(101) -
                llvm::DenseMapInfo<unsigned>::getHashValue(100));
  // A pointer a few bytes on, with the same ID: at most a few buckets on.
  unsigned Next = Info::getHashValue({100, &Objects[1]});
  EXPECT_LE(Next > Base ? Next - Base : Base - Next, 64u);
}

TEST(NearbyKeysTest, KeysWithEqualSumsAreStillDistinct) {
  using Info = NearbyKeyInfo<unsigned, unsigned>;
  NearbyKeyMap<int, unsigned, unsigned> Map;
  ASSERT_EQ(Info::getHashValue({1, 2}), Info::getHashValue({2, 1}));
  Map[{1, 2}] = 12;
  Map[{2, 1}] = 21;
  for (unsigned I = 0; I < 1000; ++I)
    Map[{I + 10, 1000 - I}] = int(I);
  EXPECT_EQ(Map.size(), 1002u);
  EXPECT_EQ(Map.lookup({1, 2}), 12);
  EXPECT_EQ(Map.lookup({2, 1}), 21);
  EXPECT_EQ(Map.lookup({510, 500}), 500);
  EXPECT_FALSE(Map.contains({3, 0}));
}

} // namespace
