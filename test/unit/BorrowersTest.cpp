//===- BorrowersTest.cpp - Which types hold borrows ----------------------===//

#include "borrow/Borrowers.h"
#include "TestAST.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "gtest/gtest.h"

using namespace clang;

namespace borrow {
namespace {

const char *Types = R"cpp(
struct Leaf { int x; };
struct HasLeaf { Leaf leaf; };
struct Tree { std::vector<Tree> kids; int x; };
struct Named { std::vector<Named> kids; const char *name; };
struct Deep0 { const char *p; };
struct Deep1 { Deep0 d; };
struct Deep2 { Deep1 d; };
struct Deep3 { Deep2 d; };
struct Deep4 { Deep3 d; };
struct Deep5 { Deep4 d; };
struct Flat1 { Leaf l; };
struct Flat2 { Flat1 f; };
struct Flat3 { Flat2 f; };
struct Flat4 { Flat3 f; };
struct Flat5 { Flat4 f; };
Leaf leaf; HasLeaf hasLeaf; Tree tree; std::vector<Tree> trees;
Named named; std::vector<Named> names; Deep5 deep; Flat5 flat;
)cpp";

// The type of the global variable \p Name.
QualType typeOf(ASTUnit &AST, llvm::StringRef Name) {
  ASTContext &Ctx = AST.getASTContext();
  for (NamedDecl *D :
       Ctx.getTranslationUnitDecl()->lookup(&Ctx.Idents.get(Name)))
    if (const auto *V = dyn_cast<VarDecl>(D))
      return V->getType();
  ADD_FAILURE() << "no variable " << Name.str();
  return QualType();
}

TEST(BorrowersTest, ATypeHoldingItselfHoldsBorrowsOnlyIfSomePartDoes) {
  std::unique_ptr<ASTUnit> AST = test::parse(Types);
  ASSERT_TRUE(AST);
  // Asked in either order, the vector and its element agree: the answer
  // for one does not depend on the other being asked first.
  Borrowers ElementFirst;
  EXPECT_TRUE(ElementFirst.holdsBorrows(typeOf(*AST, "named")));
  EXPECT_TRUE(ElementFirst.holdsBorrows(typeOf(*AST, "names")));
  Borrowers VectorFirst;
  EXPECT_TRUE(VectorFirst.holdsBorrows(typeOf(*AST, "names")));
  EXPECT_TRUE(VectorFirst.holdsBorrows(typeOf(*AST, "named")));
  Borrowers Plain;
  EXPECT_FALSE(Plain.holdsBorrows(typeOf(*AST, "trees")));
  EXPECT_FALSE(Plain.holdsBorrows(typeOf(*AST, "tree")));
  EXPECT_FALSE(Plain.holdsBorrows(typeOf(*AST, "trees")));
}

TEST(BorrowersTest, APointerNestedDeepInAggregatesIsFound) {
  std::unique_ptr<ASTUnit> AST = test::parse(Types);
  ASSERT_TRUE(AST);
  Borrowers Unit;
  EXPECT_TRUE(Unit.holdsBorrows(typeOf(*AST, "deep")));
  // As deep, with nothing that borrows at the bottom.
  EXPECT_FALSE(Unit.holdsBorrows(typeOf(*AST, "flat")));
}

TEST(BorrowersTest, AMarkStaysWithTheFunctionThatMadeIt) {
  std::unique_ptr<ASTUnit> AST = test::parse(Types);
  ASSERT_TRUE(AST);
  QualType Leaf = typeOf(*AST, "leaf");
  QualType HasLeaf = typeOf(*AST, "hasLeaf");
  Borrowers Unit;
  {
    Borrowers Before(&Unit);
    EXPECT_FALSE(Before.holdsBorrows(HasLeaf));
  }
  {
    Borrowers Marking(&Unit);
    Marking.markHoldsBorrows(Leaf);
    EXPECT_TRUE(Marking.holdsBorrows(Leaf));
    // What contains a marked type holds borrows in that function too,
    // though the unit answered no before.
    EXPECT_TRUE(Marking.holdsBorrows(HasLeaf));
  }
  Borrowers After(&Unit);
  EXPECT_FALSE(After.holdsBorrows(Leaf));
  EXPECT_FALSE(After.holdsBorrows(HasLeaf));
  EXPECT_FALSE(Unit.holdsBorrows(Leaf));
}

} // namespace
} // namespace borrow
