//===- BodyScanTest.cpp - What the scan of a body finds -------------------===//

#include "borrow/BodyScan.h"
#include "TestAST.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace borrow;
using namespace borrow::test;

namespace {

const char *Classes = R"cpp(
  struct Guard { [[noreturn]] ~Guard(); };
  struct HoldsGuard { Guard G; };
  struct DerivedGuard : Guard {};
  struct Base { virtual ~Base(); };
  struct DerivedFatal : Base { [[noreturn]] ~DerivedFatal(); };
  struct Plain { ~Plain(); };
  struct Owner { Guard G; ~Owner(); };
)cpp";

/// The scan's traits of the function \p Name in \p Code (after Classes).
BodyTraits traitsOf(const std::string &Code, const std::string &Name = "f") {
  std::unique_ptr<ASTUnit> AST = parse(Classes + Code);
  const FunctionDecl *F = function(*AST, Name);
  if (!F) {
    ADD_FAILURE() << "no function " << Name;
    return {};
  }
  Borrowers Types;
  BodyTraits T = scanBody(*F, SummaryTable(), Types, defaultConfig());
  EXPECT_FALSE(T.HasErrors) << "the code does not compile";
  return T;
}

TEST(BodyScanTest, LocalsWhoseDestructionMayNotReturn) {
  EXPECT_TRUE(traitsOf("void f() { Guard g; }").NoReturnDestructor);
  // A member's or a base's destructor.
  EXPECT_TRUE(traitsOf("void f() { HoldsGuard h; }").NoReturnDestructor);
  EXPECT_TRUE(traitsOf("void f() { DerivedGuard d; }").NoReturnDestructor);
  // Each element of an array, in a nested scope, among other variables.
  EXPECT_TRUE(
      traitsOf("void f(bool c) { int i = 0; if (c) { Plain p; Guard g[2]; } }")
          .NoReturnDestructor);
  // A temporary kept alive by a reference, seen through its base.
  EXPECT_TRUE(traitsOf("void f() { const Base &b = DerivedFatal(); }")
                  .NoReturnDestructor);
  // A destructor ends with its members' destructors.
  EXPECT_TRUE(traitsOf("Owner::~Owner() {}", "~Owner").NoReturnDestructor);
}

TEST(BodyScanTest, LocalsDestroyedNormally) {
  EXPECT_FALSE(traitsOf("void f() { Plain p; int i = 0; }").NoReturnDestructor);
  // Nothing is destroyed at the end of the scope: a pointer, a static.
  EXPECT_FALSE(traitsOf("void f(Guard *q) { Guard *p = q; static Guard s; }")
                   .NoReturnDestructor);
  // A temporary of the full-expression (the CFG places its destructor
  // itself), a reference to a base that is destroyed normally.
  EXPECT_FALSE(traitsOf("void f() { Plain(), 0; const Base &b = Base(); }")
                   .NoReturnDestructor);
}

} // namespace
