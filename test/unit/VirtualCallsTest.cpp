//===- VirtualCallsTest.cpp - What a virtual call may do ------------------===//

#include "borrow/VirtualCalls.h"
#include "TestAST.h"
#include "borrow/Summary.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace borrow;
using namespace borrow::test;

namespace {

MovedPart move(unsigned Param, MoveEffect Effect) {
  return MovedPart{Param, {}, Effect, nullptr};
}

TEST(VirtualCallsTest, AMoveIsCertainOnlyWhenEveryImplementationMoves) {
  Summary Always, AlsoAlways, Maybe, None;
  Always.Moves.push_back(move(0, MoveEffect::Always));
  AlsoAlways.Moves.push_back(move(0, MoveEffect::Always));
  Maybe.Moves.push_back(move(0, MoveEffect::Maybe));

  Summary Both = unionOf({&Always, &AlsoAlways});
  ASSERT_EQ(Both.Moves.size(), 1u);
  EXPECT_EQ(Both.Moves[0].Effect, MoveEffect::Always);

  Summary OneLeavesIt = unionOf({&Always, &None});
  ASSERT_EQ(OneLeavesIt.Moves.size(), 1u);
  EXPECT_EQ(OneLeavesIt.Moves[0].Effect, MoveEffect::Maybe);

  Summary OneOnSomePaths = unionOf({&Maybe, &Always});
  ASSERT_EQ(OneOnSomePaths.Moves.size(), 1u);
  EXPECT_EQ(OneOnSomePaths.Moves[0].Effect, MoveEffect::Maybe);
}

TEST(VirtualCallsTest, BorrowsAndInvalidationsOfAnyImplementation) {
  Summary First, Second;
  First.ResultBorrows.push_back(BorrowedPart{0, {}, false, false, nullptr});
  Second.ResultBorrows.push_back(BorrowedPart{1, {}, false, false, nullptr});
  Second.ResultBorrows.push_back(BorrowedPart{0, {}, false, false, nullptr});
  Second.Invalidates.push_back(InvalidatedPart{
      MovedPart::ThisParam, {}, Invalidation(), nullptr, nullptr});

  Summary Any = unionOf({&First, &Second});
  EXPECT_EQ(Any.ResultBorrows.size(), 2u);
  EXPECT_EQ(Any.Invalidates.size(), 1u);
  EXPECT_TRUE(Any.Moves.empty());
}

// Whether each member call in function `calls` dispatches, in source order.
std::string dispatches(const std::string &Code) {
  std::unique_ptr<ASTUnit> AST = parse(Code);
  if (AST->getDiagnostics().hasErrorOccurred())
    return "<the code does not compile>";
  struct Calls : RecursiveASTVisitor<Calls> {
    bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
      Out += dispatchesVirtually(Call) ? 'V' : 'S';
      return true;
    }
    std::string Out;
  } Finder;
  Finder.TraverseStmt(function(*AST, "calls")->getBody());
  return Finder.Out;
}

TEST(VirtualCallsTest, WhichCallsDispatch) {
  EXPECT_EQ(dispatches(R"cpp(
    struct Base {
      virtual void f();
      void g();
    };
    struct Sealed final : Base {
      void f() override;
    };
    struct Leaf : Base {
      void f() final;
    };
    void calls(Base &b, Base *p, Sealed &s, Leaf &l) {
      b.f();        // through a reference
      p->f();       // through a pointer
      b.Base::f();  // qualified
      b.g();        // not virtual
      s.f();        // final class
      l.f();        // final method
      Base local;
      local.f();    // the dynamic type is known
    }
  )cpp"),
            "VVSSSSS");
}

TEST(VirtualCallsTest, FindsOverridersAtEveryLevel) {
  std::unique_ptr<ASTUnit> AST = parse(R"cpp(
    struct Base { virtual void f() = 0; };
    struct Middle : Base { void f() override {} };
    struct Leaf : Middle { void f() override; };
    void Leaf::f() {}
    struct DeclaredOnly : Base { void f() override; };
  )cpp");
  ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  VirtualCalls Virtuals(AST->getASTContext());
  const auto *LeafF = cast<CXXMethodDecl>(function(*AST, "f"));
  // function() finds the last definition: Leaf::f.
  ASSERT_EQ(LeafF->getParent()->getName(), "Leaf");
  const CXXMethodDecl *BaseF = nullptr;
  for (const CXXMethodDecl *M : LeafF->overridden_methods())
    for (const CXXMethodDecl *Up : M->overridden_methods())
      BaseF = Up;
  ASSERT_NE(BaseF, nullptr);
  llvm::ArrayRef<const FunctionDecl *> Impls = Virtuals.overridersOf(BaseF);
  ASSERT_EQ(Impls.size(), 2u); // DeclaredOnly::f has no body here
  EXPECT_EQ(cast<CXXMethodDecl>(Impls[0])->getParent()->getName(), "Middle");
  EXPECT_EQ(cast<CXXMethodDecl>(Impls[1])->getParent()->getName(), "Leaf");
}

} // namespace
