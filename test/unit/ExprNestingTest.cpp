//===- ExprNestingTest.cpp - Place bases and full-expression ends ---------===//

#include "borrow/ExprNesting.h"
#include "TestAST.h"
#include "borrow/BodyScan.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace borrow;
using namespace borrow::test;

namespace {

/// The expressions of one function, found by what they name.
struct Exprs : RecursiveASTVisitor<Exprs> {
  std::vector<const DeclRefExpr *> Refs;
  std::vector<const CallExpr *> Calls;
  std::vector<const MemberExpr *> Members;

  bool VisitDeclRefExpr(DeclRefExpr *E) {
    Refs.push_back(E);
    return true;
  }
  bool VisitCallExpr(CallExpr *E) {
    Calls.push_back(E);
    return true;
  }
  bool VisitMemberExpr(MemberExpr *E) {
    Members.push_back(E);
    return true;
  }

  /// The \p Nth (from 0) reference to the variable \p Name.
  const DeclRefExpr *ref(StringRef Name, unsigned Nth = 0) const {
    for (const DeclRefExpr *E : Refs)
      if (E->getDecl()->getNameAsString() == Name && Nth-- == 0)
        return E;
    ADD_FAILURE() << "no reference to " << Name.str();
    return nullptr;
  }
  /// The \p Nth (from 0) call to the function \p Name.
  const CallExpr *call(StringRef Name, unsigned Nth = 0) const {
    for (const CallExpr *E : Calls)
      if (const auto *Callee = E->getDirectCallee();
          Callee && Callee->getNameAsString() == Name && Nth-- == 0)
        return E;
    ADD_FAILURE() << "no call to " << Name.str();
    return nullptr;
  }
  const MemberExpr *member(StringRef Name) const {
    for (const MemberExpr *E : Members)
      if (E->getMemberDecl()->getNameAsString() == Name)
        return E;
    ADD_FAILURE() << "no member access to " << Name.str();
    return nullptr;
  }
};

struct Parsed {
  std::unique_ptr<ASTUnit> AST;
  const FunctionDecl *F = nullptr;
  Exprs Found;
  /// As the scan of the function's body records it.
  ExprNesting Nesting;
};

Parsed parseFunction(const std::string &Code, const std::string &Name) {
  Parsed P;
  P.AST = parse(Code);
  P.F = function(*P.AST, Name);
  if (!P.F) {
    ADD_FAILURE() << "no function " << Name;
    return P;
  }
  P.Found.TraverseDecl(const_cast<FunctionDecl *>(P.F));
  Borrowers Types;
  if (scanBody(*P.F, SummaryTable(), Types, defaultConfig(), &P.Nesting)
          .HasErrors)
    ADD_FAILURE() << "the code does not compile";
  return P;
}

TEST(ExprNestingTest, TheBaseOfAMemberAccessOrADereference) {
  Parsed P = parseFunction(R"cpp(
    struct Inner { int n; };
    struct Outer { Inner in; int size() const; };
    int read(int);
    void f(Outer o, Outer *p, int *q, int k) {
      read((o).in.n);
      read(p->in.n);
      read(*q);
      read(o.size());
      read(k);
    }
  )cpp",
                           "f");
  const ExprNesting &Nesting = P.Nesting;
  // Through parentheses, and through the read of a pointer's value.
  EXPECT_TRUE(Nesting.isPlaceBase(P.Found.ref("o", 0)));
  EXPECT_TRUE(Nesting.isPlaceBase(P.Found.ref("p")));
  EXPECT_TRUE(Nesting.isPlaceBase(P.Found.ref("q")));
  EXPECT_TRUE(Nesting.isPlaceBase(P.Found.member("in")));
  // `o.size` is a place of its own (the object the method is called on).
  EXPECT_TRUE(Nesting.isPlaceBase(P.Found.ref("o", 1)));
  // An argument is the base of nothing, nor is the outermost place.
  EXPECT_FALSE(Nesting.isPlaceBase(P.Found.ref("k")));
  EXPECT_FALSE(Nesting.isPlaceBase(P.Found.member("n")));
}

TEST(ExprNestingTest, FullExpressionsEndWhereAStatementTakesThem) {
  Parsed P = parseFunction(R"cpp(
    int g(int);
    int h(const std::string &);
    bool t(int);
    int f(int k) {
      g(g(1));
      int x = g(2);
      h(std::string("t"));
      if (t(3))
        return g(3);
      return k;
    }
  )cpp",
                           "f");
  const ExprNesting &Nesting = P.Nesting;
  const CallExpr *Outer = P.Found.call("g", 0);
  const CallExpr *InnerCall = P.Found.call("g", 1);
  EXPECT_TRUE(Nesting.endsFullExpression(Outer));
  EXPECT_FALSE(Nesting.endsFullExpression(InnerCall));
  // A declaration ends its initialiser's full-expression, not the call.
  EXPECT_FALSE(Nesting.endsFullExpression(P.Found.call("g", 2)));
  for (const Stmt *S : cast<CompoundStmt>(P.F->getBody())->body())
    if (isa<DeclStmt>(S))
      EXPECT_TRUE(Nesting.endsFullExpression(S));
  // Looking through the ExprWithCleanups of a statement with a temporary.
  EXPECT_TRUE(Nesting.endsFullExpression(P.Found.call("h")));
  // A condition ends at its statement; a returned value at the return.
  EXPECT_TRUE(Nesting.endsFullExpression(P.Found.call("t")));
  EXPECT_FALSE(Nesting.endsFullExpression(P.Found.call("g", 3)));
}

TEST(ExprNestingTest, ConstructorInitialisersAreFullExpressions) {
  Parsed P = parseFunction(R"cpp(
    int g(int);
    struct S {
      int m;
      S() : m(g(g(1))) {}
    };
  )cpp",
                           "S");
  const ExprNesting &Nesting = P.Nesting;
  EXPECT_TRUE(Nesting.endsFullExpression(P.Found.call("g", 0)));
  EXPECT_FALSE(Nesting.endsFullExpression(P.Found.call("g", 1)));
}

TEST(ExprNestingTest, ADeepExpressionIsWalkedWithoutRecursion) {
  // 20000 nested additions: deeper than a recursive walk's stack allows in
  // a thread with a small stack (clangd's workers).
  std::string Code = "int f(int a) { return a";
  for (int I = 0; I < 20000; ++I)
    Code += " + a";
  Code += "; }";
  Parsed P = parseFunction(Code, "f");
  const ExprNesting &Nesting = P.Nesting;
  EXPECT_FALSE(Nesting.isPlaceBase(P.Found.ref("a", 0)));
  EXPECT_FALSE(Nesting.endsFullExpression(P.Found.ref("a", 20000)));
}

TEST(ExprNestingTest, AnOpaqueValuesSourceIsWalked) {
  // The array is copied element by element through an opaque value, whose
  // source (`make().pair`) is no child of anything.
  Parsed P = parseFunction(R"cpp(
    struct Box { int pair[2]; };
    Box make();
    int f() {
      auto [a, b] = make().pair;
      return a + b;
    }
  )cpp",
                           "f");
  const MemberExpr *Pair = P.Found.member("pair");
  ASSERT_TRUE(Pair);
  EXPECT_TRUE(P.Nesting.isPlaceBase(Pair->getBase()));
}

} // namespace
