//===- AddressSetTest.cpp - Sorted addresses searched from a finger -------===//

#include "borrow/AddressSet.h"
#include "gtest/gtest.h"
#include <random>
#include <set>

using borrow::AddressSet;

namespace {

// Addresses inside one array, so that they compare like its indices.
struct Addresses {
  char Storage[1000];
  const void *at(unsigned I) const { return &Storage[I]; }
};

TEST(AddressSetTest, EmptyHoldsNothing) {
  Addresses A;
  AddressSet S;
  S.seal();
  EXPECT_FALSE(S.contains(A.at(0)));
}

TEST(AddressSetTest, AnswersLikeASetInAnyOrderOfQuestions) {
  Addresses A;
  std::mt19937 Random(7);
  for (unsigned Round = 0; Round < 20; ++Round) {
    AddressSet S;
    std::set<const void *> Expected;
    // Inserted in any order, some twice, as a walk of a body may.
    unsigned Count = Random() % 300;
    for (unsigned K = 0; K < Count; ++K) {
      const void *P = A.at(Random() % 1000);
      S.insert(P);
      Expected.insert(P);
    }
    S.seal();
    // Ascending (the usual order of the questions), descending, and random
    // jumps: each moves the finger differently.
    for (unsigned I = 0; I < 1000; ++I)
      ASSERT_EQ(S.contains(A.at(I)), Expected.count(A.at(I)) == 1) << I;
    for (unsigned I = 1000; I-- > 0;)
      ASSERT_EQ(S.contains(A.at(I)), Expected.count(A.at(I)) == 1) << I;
    for (unsigned K = 0; K < 2000; ++K) {
      unsigned I = Random() % 1000;
      ASSERT_EQ(S.contains(A.at(I)), Expected.count(A.at(I)) == 1) << I;
    }
  }
}

TEST(AddressSetTest, FirstAndLastAddresses) {
  Addresses A;
  AddressSet S;
  S.insert(A.at(999));
  S.insert(A.at(0));
  S.seal();
  EXPECT_TRUE(S.contains(A.at(999)));
  EXPECT_TRUE(S.contains(A.at(0)));
  EXPECT_FALSE(S.contains(A.at(500)));
  EXPECT_TRUE(S.contains(A.at(999)));
  EXPECT_FALSE(S.contains(A.at(998)));
  EXPECT_TRUE(S.contains(A.at(0)));
}

} // namespace
