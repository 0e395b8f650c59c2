//===- SummaryFileTest.cpp - The portable summary format and its merge ----===//

#include "borrow/SummaryFile.h"
#include "gtest/gtest.h"

using namespace borrow;

namespace {

PortablePart part(unsigned Param, std::vector<std::string> Fields,
                  std::string At = "") {
  PortablePart P;
  P.Param = Param;
  P.Fields = std::move(Fields);
  P.At = std::move(At);
  return P;
}

PortableSummary moves(const std::string &Effect, std::string At = "") {
  PortableSummary S;
  S.Name = "f";
  PortablePart P = part(0, {"name"}, std::move(At));
  P.Traits["effect"] = Effect;
  S.Lists["moves"].push_back(P);
  return S;
}

PortableSummary conflict() {
  PortableSummary S;
  S.Name = "f";
  S.Conflict = true;
  return S;
}

// The text of a file holding only \p S, under one USR.
std::string text(const PortableSummary &S) {
  SummaryFile F;
  F.add("c:@F@f#", S);
  return F.toJSON();
}

TEST(SummaryFileTest, RoundTripsThroughJSON) {
  SummaryFile F;
  PortableSummary S = moves("always", "a.cpp:3:5");
  PortablePart Borrow = part(PortablePart::ThisParam, {"items", "#2"});
  Borrow.Flags = {"contents", "carries"};
  S.Lists["resultBorrows"].push_back(Borrow);
  F.add("c:@F@f#", S);
  F.add("c:@F@g#", conflict());
  std::string Text = F.toJSON();
  llvm::Expected<SummaryFile> Back = SummaryFile::fromJSON(Text);
  ASSERT_TRUE(bool(Back)) << llvm::toString(Back.takeError());
  EXPECT_EQ(Back->toJSON(), Text);
  ASSERT_EQ(Back->size(), 2u);
  EXPECT_EQ(Back->conflicts(), 1u);
  const PortableSummary *F1 = Back->lookup("c:@F@f#");
  ASSERT_NE(F1, nullptr);
  S.normalize();
  EXPECT_TRUE(F1->sameMeaning(S));
  const PortablePart &P = F1->Lists.at("resultBorrows").front();
  EXPECT_EQ(P.Param, PortablePart::ThisParam);
  EXPECT_EQ(P.Fields, (std::vector<std::string>{"items", "#2"}));
  EXPECT_EQ(P.Flags, (std::vector<std::string>{"carries", "contents"}));
  EXPECT_EQ(F1->Lists.at("moves").front().At, "a.cpp:3:5");
}

TEST(SummaryFileTest, EqualSummariesKeepTheSmallestLocation) {
  PortableSummary M =
      mergeSummaries(moves("always", "b.cpp:1:1"), moves("always", ""));
  M = mergeSummaries(M, moves("always", "a.cpp:9:9"));
  EXPECT_FALSE(M.Conflict);
  EXPECT_EQ(M.Lists.at("moves").front().At, "a.cpp:9:9");
}

TEST(SummaryFileTest, DifferentSummariesConflict) {
  EXPECT_TRUE(mergeSummaries(moves("always"), moves("maybe")).Conflict);
  PortableSummary Empty;
  Empty.Name = "f";
  EXPECT_TRUE(mergeSummaries(moves("always"), Empty).Conflict);
  EXPECT_TRUE(mergeSummaries(conflict(), moves("always")).Conflict);
}

// The merge is a semilattice over every pair and triple of these values, so
// a merge tool's output cannot depend on how its inputs were grouped.
TEST(SummaryFileTest, MergeIsAssociativeCommutativeIdempotent) {
  PortableSummary Empty;
  Empty.Name = "f";
  std::vector<PortableSummary> Values = {moves("always", "a.cpp:1:1"),
                                         moves("always", "b.cpp:1:1"),
                                         moves("always"),
                                         moves("maybe", "a.cpp:1:1"),
                                         conflict(),
                                         Empty};
  for (auto &S : Values)
    S.normalize();
  for (const auto &A : Values) {
    EXPECT_EQ(text(mergeSummaries(A, A)), text(A));
    for (const auto &B : Values) {
      EXPECT_EQ(text(mergeSummaries(A, B)), text(mergeSummaries(B, A)));
      for (const auto &C : Values)
        EXPECT_EQ(text(mergeSummaries(mergeSummaries(A, B), C)),
                  text(mergeSummaries(A, mergeSummaries(B, C))));
    }
  }
}

TEST(SummaryFileTest, NormalizesPartOrderAndRepeats) {
  PortableSummary S;
  S.Lists["resultBorrows"] = {part(1, {}), part(0, {"b"}), part(0, {"a"}),
                              part(1, {}, "x.cpp:1:1")};
  S.Lists["moves"] = {};
  S.normalize();
  EXPECT_EQ(S.Lists.count("moves"), 0u);
  const std::vector<PortablePart> &Parts = S.Lists.at("resultBorrows");
  ASSERT_EQ(Parts.size(), 3u);
  EXPECT_EQ(Parts[0].Fields, std::vector<std::string>{"a"});
  EXPECT_EQ(Parts[2].Param, 1u);
  EXPECT_EQ(Parts[2].At, "x.cpp:1:1");
}

TEST(SummaryFileTest, RefusesOtherVersionsAndFormats) {
  llvm::Expected<SummaryFile> V2 = SummaryFile::fromJSON(
      R"({"format": "borrow-tidy-summaries", "version": 2, "functions": {}})");
  ASSERT_FALSE(bool(V2));
  EXPECT_EQ(llvm::toString(V2.takeError()),
            "summary file version 2, this borrow-tidy reads version 1");
  llvm::Expected<SummaryFile> Other =
      SummaryFile::fromJSON(R"({"version": 1, "functions": {}})");
  ASSERT_FALSE(bool(Other));
  llvm::consumeError(Other.takeError());
  llvm::Expected<SummaryFile> BadParam = SummaryFile::fromJSON(
      R"({"format": "borrow-tidy-summaries", "version": 1,
          "functions": {"f": {"moves": [{"param": -1}]}}})");
  ASSERT_FALSE(bool(BadParam));
  llvm::consumeError(BadParam.takeError());
}

TEST(SummaryFileTest, ExportPathsAreStableAndDistinct) {
  std::string A = SummaryFile::exportPath("/out", "/src/a/util.cpp");
  EXPECT_EQ(A, SummaryFile::exportPath("/out", "/src/a/util.cpp"));
  EXPECT_NE(A, SummaryFile::exportPath("/out", "/src/b/util.cpp"));
  EXPECT_EQ(llvm::StringRef(A).substr(0, 10), "/out/util-");
  EXPECT_TRUE(llvm::StringRef(A).ends_with(".json"));
}

} // namespace
