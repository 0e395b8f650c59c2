//===- LoanAnalysisTest.cpp - Loans, origins and expiry -------------------===//

#include "borrow/LoanAnalysis.h"
#include "TestAST.h"
#include "borrow/Dataflow.h"
#include "clang/AST/ASTContext.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace borrow;
using namespace borrow::test;
using testing::ElementsAre;
using testing::IsEmpty;

namespace {

// What the variable `Var` of function `f` may hold when `f` returns, as
// the borrowed places, `+` when the loan holds on every path and `!` when
// its place is gone, `~` when a mutation invalidated it: "x+!" is a loan of
// x held on all paths, expired.
std::vector<std::string> heldAtExit(const std::string &Code,
                                    const std::string &Var) {
  ParsedModel P = modelOf(Code);
  if (!P.Model)
    return {P.Problem};
  FunctionModel *M = P.Model.get();
  Borrowers Types;
  LoanDomain Loans(M->Facts, M->Places, M->Borrows, Types);
  ForwardDataflow<LoanDomain> Solution(*M->Graph, *M->Order, M->Facts, Loans);
  if (!Solution.solve() || !Solution.exitState())
    return {"<no exit state>"};
  const LoanDomain::State &Exit = *Solution.exitState();
  // The variable's origin: its referent for a reference, else its value.
  std::optional<OriginID> O;
  for (PlaceID P = 0; P < M->Places.size(); ++P)
    if (M->Places.get(P).isRoot() && M->Places.get(P).Decl &&
        M->Places.get(P).Decl->getNameAsString() == Var) {
      const ValueDecl *D = M->Places.get(P).Decl;
      O = D->getType()->isReferenceType() ? M->Borrows.Origins.lookupReferent(D)
                                          : M->Borrows.Origins.lookupPlace(P);
    }
  if (!O)
    return {"<no origin for " + Var + ">"};
  std::vector<std::string> Out;
  for (LoanDomain::Entry Entry : Loans.mayHold(Exit, *O)) {
    const Loan &Lo = M->Borrows.Loans.get(LoanDomain::loanOf(Entry));
    std::string S = M->Places.describe(Lo.Borrowed);
    if (Lo.Contents)
      S += "[]";
    if (Loans.mustHold(Exit, *O).contains(Entry))
      S += "+";
    if (LoanDomain::isDead(Entry))
      S += "!";
    if (LoanDomain::invalidatedBy(Entry))
      S += "~";
    Out.push_back(S);
  }
  llvm::sort(Out);
  return Out;
}

TEST(LoanAnalysisTest, PushBackInvalidatesContentsLoans) {
  EXPECT_THAT(heldAtExit(R"cpp(
    void f() {
      std::vector<int> v;
      std::vector<int> *whole = &v;
      int *p = &v[0];
      v.push_back(1);
    }
  )cpp",
                         "p"),
              ElementsAre("v[]+~"));
}

TEST(LoanAnalysisTest, InvalidationOnSomePathsIsOnlyMay) {
  EXPECT_THAT(heldAtExit(R"cpp(
    void f(bool c) {
      std::vector<int> v;
      int *p = &v[0];
      if (c) v.clear();
    }
  )cpp",
                         "p"),
              ElementsAre("v[]!", "v[]~"));
}

TEST(LoanAnalysisTest, AddressOfIssuesALoan) {
  EXPECT_THAT(heldAtExit(R"cpp(
    void f() { int x = 0; int *p = &x; }
  )cpp",
                         "p"),
              ElementsAre("x+!"));
}

TEST(LoanAnalysisTest, AssignmentReplacesTheLoans) {
  EXPECT_THAT(heldAtExit(R"cpp(
    int g;
    void f() { int x = 0; int *p = &x; p = &g; }
  )cpp",
                         "p"),
              ElementsAre("g+"));
}

TEST(LoanAnalysisTest, JoinKeepsMayAndDropsMust) {
  EXPECT_THAT(heldAtExit(R"cpp(
    void f(bool c) { int x = 0, y = 0; int *p = &x; if (c) p = &y; }
  )cpp",
                         "p"),
              ElementsAre("x!", "y!"));
}

TEST(LoanAnalysisTest, InnerScopeExpiresAtItsEnd) {
  EXPECT_THAT(heldAtExit(R"cpp(
    void f() {
      const int *p = nullptr;
      { int inner = 1; p = &inner; }
    }
  )cpp",
                         "p"),
              ElementsAre("inner+!"));
}

TEST(LoanAnalysisTest, ReferenceBindingBorrowsTheObject) {
  EXPECT_THAT(heldAtExit(R"cpp(
    struct S { int a; };
    void f(S s) { const int &r = s.a; }
  )cpp",
                         "r"),
              ElementsAre("s.a+"));
}

TEST(LoanAnalysisTest, ReborrowThroughAPointer) {
  // `&p->a` points where p points: it holds p's loans.
  EXPECT_THAT(heldAtExit(R"cpp(
    struct S { int a; };
    void f() { S s; S *p = &s; int *q = &p->a; }
  )cpp",
                         "q"),
              ElementsAre("p->a+", "s+!"));
}

TEST(LoanAnalysisTest, LambdaCapturingByReferenceBorrows) {
  EXPECT_THAT(heldAtExit(R"cpp(
    void f() { int n = 0; auto l = [&n] { return n; }; }
  )cpp",
                         "l"),
              ElementsAre("n+!"));
}

TEST(LoanAnalysisTest, AggregateHoldsItsMembersBorrows) {
  EXPECT_THAT(heldAtExit(R"cpp(
    struct Excerpt { const char *part; };
    void f() { char text[4] = "abc"; Excerpt e{text}; }
  )cpp",
                         "e"),
              ElementsAre("text[]+!"));
}

TEST(LoanAnalysisTest, LifetimeExtendedTemporaryLivesWithTheReference) {
  // The temporary dies with `r` at the end of the scope, not at the `;`.
  EXPECT_THAT(heldAtExit(R"cpp(
    void f() { const std::string &r = std::string("x"); }
  )cpp",
                         "r"),
              ElementsAre("temporary+!"));
}

TEST(LoanAnalysisTest, OwnerMembersBorrowContents) {
  EXPECT_THAT(heldAtExit(R"cpp(
    void f() { std::unique_ptr<int> u; int *p = u.get(); int &r = *u; }
  )cpp",
                         "p"),
              ElementsAre("u[]+!"));
}

TEST(LoanAnalysisTest, ConditionalExpressionHoldsOnSomePaths) {
  EXPECT_THAT(heldAtExit(R"cpp(
    void f(bool c) { int x = 0, y = 0; int &r = c ? x : y; }
  )cpp",
                         "r"),
              ElementsAre("x!", "y!"));
}

const char *BoxOfX = R"cpp(
    struct Box { int *p; };
    void f() {
      int x = 0;
      Box b{&x};
    }
  )cpp";

// The value of `&x` lives in the state's tree of passing values while its
// block runs: the variable it flows into reads its loan from there. At
// the end of the block that value is forgotten, so the exit state keeps
// loans in the tree of lasting origins only.
TEST(LoanAnalysisTest, ExpressionValuesPassWithinTheirBlock) {
  ParsedModel P = modelOf(BoxOfX);
  ASSERT_TRUE(P.Model) << P.Problem;
  FunctionModel &M = *P.Model;
  Borrowers Types;
  LoanDomain Loans(M.Facts, M.Places, M.Borrows, Types);
  ForwardDataflow<LoanDomain> Solution(*M.Graph, *M.Order, M.Facts, Loans);
  unsigned FlowsSeen = 0;
  ASSERT_TRUE(
      Solution.solveAndReplay([&](const Fact &F, const LoanDomain::State &S) {
        if (F.K != Fact::Kind::Flow || F.Src == OriginTable::Empty)
          return;
        ++FlowsSeen;
        EXPECT_EQ(Loans.mustHold(S, F.Src).getHeight(), 1u);
        EXPECT_FALSE(S.Must.Passing.isEmpty());
      }));
  EXPECT_EQ(FlowsSeen, 1u);
  ASSERT_TRUE(Solution.exitState());
  const LoanDomain::State &Exit = *Solution.exitState();
  EXPECT_TRUE(Exit.May.Passing.isEmpty());
  EXPECT_TRUE(Exit.Must.Passing.isEmpty());
  EXPECT_THAT(heldAtExit(BoxOfX, "b"), ElementsAre("x+!"));
}

// A local variable's origin, like an expression's value, is forgotten
// after its last mention when all its mentions are in one block and that
// last one only reads it: nothing can read what it held afterwards. One
// last written (a view left bound to a temporary) is still read by the
// rules when the borrowed object dies.
TEST(LoanAnalysisTest, LocalsAreForgottenAfterTheirLastRead) {
  const char *Code = R"cpp(
    void use(int);
    void f(bool c) {
      int x = 0, y = 0;
      int *read = &x;
      use(*read);
      int *written = &x;
      int *readThenSet = &x;
      use(*readThenSet);
      if (c)
        readThenSet = &y;
    }
  )cpp";
  EXPECT_THAT(heldAtExit(Code, "read"), IsEmpty());
  EXPECT_THAT(heldAtExit(Code, "written"), ElementsAre("x+!"));
  // Read last in the first block, set again (after a read of the
  // assignment's left-hand side) in another: kept.
  EXPECT_THAT(heldAtExit(Code, "readThenSet"), ElementsAre("x!", "y!"));
}

} // namespace
