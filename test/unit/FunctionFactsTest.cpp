//===- FunctionFactsTest.cpp - The facts of a function, by block ---------===//

#include "borrow/Fact.h"
#include "gtest/gtest.h"

using namespace borrow;

namespace {

Fact factOn(PlaceID P) {
  Fact F;
  F.Place = P;
  return F;
}

std::vector<PlaceID> placesOf(llvm::ArrayRef<Fact> Facts) {
  std::vector<PlaceID> Out;
  for (const Fact &F : Facts)
    Out.push_back(F.Place);
  return Out;
}

TEST(FunctionFactsTest, EachBlockAndEdgeSeesItsOwnFactsInOrder) {
  FunctionFacts Facts(4);
  Facts.add(2, factOn(20));
  Facts.add(2, factOn(21));
  Facts.addEdge(2, 1, factOn(22));
  Facts.addEdge(2, 1, factOn(23));
  Facts.add(0, factOn(1));
  Facts.addEdge(3, 0, factOn(30)); // a block with edge facts only
  Facts.add(1, factOn(10));
  EXPECT_EQ(placesOf(Facts.block(2)), (std::vector<PlaceID>{20, 21}));
  EXPECT_EQ(placesOf(Facts.edge(2, 1)), (std::vector<PlaceID>{22, 23}));
  EXPECT_TRUE(Facts.edge(2, 0).empty());
  EXPECT_EQ(placesOf(Facts.block(0)), (std::vector<PlaceID>{1}));
  EXPECT_TRUE(Facts.block(3).empty());
  EXPECT_EQ(placesOf(Facts.edge(3, 0)), (std::vector<PlaceID>{30}));
  EXPECT_EQ(placesOf(Facts.block(1)), (std::vector<PlaceID>{10}));
  EXPECT_EQ(Facts.numFacts(), 7u);
}

TEST(FunctionFactsTest, IDsAreTheOrderOfAddingAndSurviveGrowth) {
  // No room reserved: the array grows while facts are added, and a fact
  // amended through its ID after that keeps the change.
  FunctionFacts Facts(1, 0);
  unsigned First = Facts.idOf(Facts.add(0, factOn(7)));
  for (unsigned I = 0; I < 1000; ++I)
    Facts.add(0, factOn(I));
  Facts.byID(First).Cancelled = true;
  EXPECT_EQ(First, 0u);
  EXPECT_TRUE(Facts.block(0).front().Cancelled);
  EXPECT_EQ(Facts.block(0).size(), 1001u);
  for (unsigned ID = 0; ID < Facts.numFacts(); ++ID)
    EXPECT_EQ(Facts.idOf(Facts.byID(ID)), ID);
  EXPECT_EQ(Facts.byID(1000).Place, 999u);
}

TEST(FunctionFactsTest, IDsAreAskedOfTheFactsThemselves) {
  FunctionFacts Facts(1);
  Facts.add(0, factOn(1));
  const Fact &Stored = Facts.add(0, factOn(2));
  EXPECT_EQ(Facts.idOf(Stored), 1u);
  // A copy is not in the array: its ID would be an address difference.
  // The assertion build checks this; the release one has no assert().
  Fact Copy = Stored;
  EXPECT_DEBUG_DEATH((void)Facts.idOf(Copy), "not a fact of this function");
}

TEST(FunctionFactsTest, CountsTheFactsOfEachKind) {
  FunctionFacts Facts(2);
  Fact Move = factOn(1);
  Move.K = Fact::Kind::Move;
  Fact Expire = factOn(1);
  Expire.K = Fact::Kind::Expire;
  Facts.add(0, Move);
  Facts.add(0, factOn(2));
  Facts.add(0, Move);
  Facts.addEdge(0, 0, Expire);
  Facts.add(1, factOn(3));
  EXPECT_EQ(Facts.count(Fact::Kind::Move), 2u);
  EXPECT_EQ(Facts.count(Fact::Kind::Use), 2u);
  EXPECT_EQ(Facts.count(Fact::Kind::Expire), 1u);
  EXPECT_EQ(Facts.count(Fact::Kind::Escape), 0u);
  EXPECT_EQ(Facts.count(Fact::Kind::MutableAlias), 0u);
}

TEST(FunctionFactsTest, UnfilledBlocksHaveNoFacts) {
  FunctionFacts Facts(3);
  Facts.add(1, factOn(5));
  EXPECT_TRUE(Facts.block(0).empty());
  EXPECT_TRUE(Facts.block(2).empty());
  EXPECT_EQ(Facts.numBlocks(), 3u);
}

} // namespace
