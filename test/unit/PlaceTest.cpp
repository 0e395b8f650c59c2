//===- PlaceTest.cpp - Places and the places of expressions ---------------===//

#include "borrow/Place.h"
#include "TestAST.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace borrow;
using namespace borrow::test;

namespace {

struct PlaceTableTest : testing::Test {
  void SetUp() override {
    AST = parse("struct Inner { int x; };"
                "struct Outer { Inner in; Inner *ptr; };"
                "void f(Outer o) {}");
    Fn = function(*AST, "f");
    ASSERT_NE(Fn, nullptr);
    O = Fn->getParamDecl(0);
    auto *Outer = O->getType()->getAsCXXRecordDecl();
    for (const FieldDecl *FD : Outer->fields())
      (FD->getName() == "in" ? In : Ptr) = FD;
    X = *In->getType()->getAsCXXRecordDecl()->field_begin();
  }
  std::unique_ptr<ASTUnit> AST;
  const FunctionDecl *Fn = nullptr;
  const ParmVarDecl *O = nullptr;
  const FieldDecl *In = nullptr, *Ptr = nullptr, *X = nullptr;
  PlaceTable Places;
};

TEST_F(PlaceTableTest, EqualPathsAreInterned) {
  PlaceID A = Places.field(Places.variable(O), In);
  PlaceID B = Places.field(Places.variable(O), In);
  EXPECT_EQ(A, B);
  EXPECT_NE(A, Places.variable(O));
  EXPECT_EQ(Places.size(), 2u);
}

TEST_F(PlaceTableTest, KindsOfPlacesWithTheSameKeyStayApart) {
  // A root and a projection may share their key (the declaration); a deref
  // and a field of one parent share the parent.
  PlaceID Root = Places.variable(O);
  PlaceID Field = Places.field(Root, In);
  PlaceID Deref = Places.deref(Root, O->getType());
  PlaceID FieldOfDeref = Places.field(Deref, In);
  PlaceID This = Places.thisObject(O->getType());
  EXPECT_EQ(Places.size(), 5u);
  EXPECT_NE(Field, Deref);
  EXPECT_NE(FieldOfDeref, Field);
  EXPECT_NE(This, Root);
  EXPECT_EQ(Places.deref(Root, O->getType()), Deref);
  EXPECT_EQ(Places.field(Deref, In), FieldOfDeref);
  EXPECT_EQ(Places.thisObject(O->getType()), This);
  EXPECT_EQ(Places.get(Deref).K, Place::Kind::Deref);
  EXPECT_EQ(Places.get(This).K, Place::Kind::This);
}

TEST_F(PlaceTableTest, PrefixFollowsProjections) {
  PlaceID Root = Places.variable(O);
  PlaceID OIn = Places.field(Root, In);
  PlaceID OInX = Places.field(OIn, X);
  EXPECT_TRUE(Places.isPrefixOf(Root, OInX));
  EXPECT_TRUE(Places.isPrefixOf(OIn, OInX));
  EXPECT_TRUE(Places.isPrefixOf(OInX, OInX));
  EXPECT_FALSE(Places.isPrefixOf(OInX, OIn));
  EXPECT_EQ(Places.root(OInX), Root);
}

TEST_F(PlaceTableTest, DerefIsTracked) {
  PlaceID Root = Places.variable(O);
  PlaceID P = Places.field(Root, Ptr);
  PlaceID Pointee = Places.deref(P, In->getType());
  PlaceID PointeeX = Places.field(Pointee, X);
  EXPECT_TRUE(Places.reachesThroughDeref(P, PointeeX));
  EXPECT_FALSE(Places.reachesThroughDeref(Pointee, PointeeX));
  EXPECT_FALSE(Places.reachesThroughDeref(Root, P));
}

TEST_F(PlaceTableTest, PartsAreTheFieldsWithinInTheOrderTheyWereMade) {
  // o.ptr, then *o.ptr and its field, then o.in and o.in.x.
  PlaceID Root = Places.variable(O);
  PlaceID OPtr = Places.field(Root, Ptr);
  PlaceID Pointee = Places.deref(OPtr, In->getType());
  PlaceID PointeeX = Places.field(Pointee, X);
  PlaceID OIn = Places.field(Root, In);
  PlaceID OInX = Places.field(OIn, X);
  llvm::SmallVector<PlaceID, 4> Parts;
  Places.partsOf(Root, Parts);
  // Stored inside o: its fields and theirs, depth first, not what o.ptr
  // points to.
  EXPECT_EQ(Parts, (llvm::SmallVector<PlaceID, 4>{OPtr, OIn, OInX}));
  Parts.clear();
  Places.partsOf(Pointee, Parts);
  EXPECT_EQ(Parts, (llvm::SmallVector<PlaceID, 4>{PointeeX}));
  Parts.clear();
  Places.partsOf(OInX, Parts);
  EXPECT_TRUE(Parts.empty());
}

TEST_F(PlaceTableTest, DescribeReadsLikeSource) {
  PlaceID Root = Places.variable(O);
  PlaceID P = Places.field(Root, Ptr);
  EXPECT_EQ(Places.describe(Places.field(Places.field(Root, In), X)), "o.in.x");
  EXPECT_EQ(Places.describe(Places.deref(P, In->getType())), "*o.ptr");
  EXPECT_EQ(Places.describe(Places.field(Places.deref(P, In->getType()), X)),
            "o.ptr->x");
}

// The places of expressions, seen through the Use facts they produce.
TEST(ExprPlacesTest, OutermostPlaceIsUsed) {
  EXPECT_EQ(factsOf(R"cpp(
    struct S { std::string name; int id; };
    void f(S s) { s.name.size(); }
  )cpp",
                    "f"),
            "B1: Use(s.name)");
}

TEST(ExprPlacesTest, ArrowAndSmartPointerDerefs) {
  EXPECT_EQ(factsOf(R"cpp(
    struct S { std::string name; };
    void f(S *p, std::unique_ptr<S> u) { p->name.size(); u->name.size(); (*u).name.size(); }
  )cpp",
                    "f"),
            "B1: Use(p->name) Use(u->name) Use(u->name)");
}

TEST(ExprPlacesTest, MemberCallUsesItsObject) {
  EXPECT_EQ(factsOf(R"cpp(
    struct S { std::string name; void g(); };
    void f(S *p, std::unique_ptr<S> u, S s) { p->g(); u->g(); s.g(); }
  )cpp",
                    "f"),
            "B1: Use(*p) ReinitParts(*p) Use(*u) ReinitParts(*u) Use(s) "
            "ReinitParts(s)");
}

TEST(ExprPlacesTest, ThisMembers) {
  EXPECT_EQ(factsOf(R"cpp(
    struct S { std::string name; void f() { name.size(); this->name.size(); } };
  )cpp",
                    "f"),
            "B1: Use(name) Use(name)");
}

TEST(ExprPlacesTest, ElementsHaveNoPlace) {
  EXPECT_EQ(factsOf(R"cpp(
    std::string g;
    void f(std::string *arr) { g.size(); arr[1].size(); }
  )cpp",
                    "f"),
            "B1: Use(g) Use(arr)");
}

} // namespace
