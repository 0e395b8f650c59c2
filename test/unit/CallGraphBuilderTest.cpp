//===- CallGraphBuilderTest.cpp - Calls and nested functions, one walk ----===//

#include "borrow/CallGraphBuilder.h"
#include "TestAST.h"
#include "borrow/TranslationUnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Analysis/CallGraph.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/StringExtras.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace clang;
using namespace borrow;
using namespace borrow::test;

namespace {

// The line of \p D in the test's code (MiniStd's lines are not counted).
int lineOf(const Decl *D, const SourceManager &SM) {
  return int(SM.getSpellingLineNumber(D->getLocation())) -
         int(llvm::count(llvm::StringRef(MiniStd), '\n'));
}

std::string nameOf(const Decl *D, const SourceManager &SM) {
  const auto *F = dyn_cast_or_null<FunctionDecl>(D);
  if (!F)
    return D ? "<block>" : "<root>";
  return F->getQualifiedNameAsString() + ":" + std::to_string(lineOf(F, SM));
}

// Every node's calls, one line per caller, callees sorted: a call site
// each (a callee called twice is listed twice), or each callee once.
std::vector<std::string> describe(const CallGraph &Graph,
                                  const SourceManager &SM,
                                  bool EachCalleeOnce = false) {
  std::vector<std::string> Out;
  for (const auto &[D, Node] : Graph) {
    if (!D)
      continue;
    std::vector<std::string> Callees;
    for (const CallGraphNode::CallRecord &Call : Node->callees())
      Callees.push_back(nameOf(Call.Callee->getDecl(), SM));
    llvm::sort(Callees);
    if (EachCalleeOnce)
      Callees.erase(llvm::unique(Callees), Callees.end());
    std::string Line = nameOf(D, SM) + " ->";
    for (const std::string &C : Callees)
      Line += " " + C;
    Out.push_back(Line);
  }
  llvm::sort(Out);
  return Out;
}

// Direct calls, constructors, operator new, default arguments, default
// member initializers, member initializers, lambdas and the instances of a
// generic lambda, nested lambdas, a template's instances.
const char *Calls = R"cpp(
  int g(int x = 0) { return x; }
  int h() { return g(); }
  int k(int x = h()) { return x; }
  struct A {
    A() : v(g(1)) {}
    A(int) {}
    int v;
    int w = h();
  };
  template <typename T> T twice(T t) { return g(t) + g(t); }
  int caller() {
    A a;
    A *p = new A(2);
    auto plain = [] { return h(); };
    auto generic = [](auto v) { return twice(v); };
    auto outer = [] { return [] { return g(3); }(); };
    return plain() + generic(1) + generic(2L) + outer() + a.v + p->v + k();
  }
)cpp";

// The callees of every node, by clang's CallGraph over the whole TU and by
// CallGraphBuilder::add on each function clang's has.
struct BothGraphs {
  std::vector<std::string> Expected, Ours;
};
BothGraphs buildBoth(ASTUnit &AST) {
  ASTContext &Ctx = AST.getASTContext();
  CallGraph Reference;
  Reference.addToCallGraph(Ctx.getTranslationUnitDecl());
  CallGraph Ours;
  CallGraphBuilder Builder(Ours);
  for (const auto &[D, Node] : Reference)
    if (const auto *F = dyn_cast_or_null<FunctionDecl>(D))
      if (const FunctionDecl *Def = F->getDefinition())
        Builder.add(*Def);
  const SourceManager &SM = Ctx.getSourceManager();
  return {describe(Reference, SM, true), describe(Ours, SM, true)};
}

TEST(CallGraphBuilderTest, SameCalleesAsClangsCallGraph) {
  std::unique_ptr<ASTUnit> AST = parse(Calls);
  ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  auto [Expected, Ours] = buildBoth(*AST);
  // The example reaches every kind of call the builder adds.
  const auto &Reference = Expected;
  auto Has = [&](llvm::StringRef Line) {
    return llvm::is_contained(Reference, Line.str());
  };
  EXPECT_TRUE(Has("A::A:6 -> g:2 h:3")); // member initializers
  EXPECT_TRUE(Has("twice:11 -> g:2"));   // an instance
  EXPECT_TRUE(llvm::any_of(Expected, [](llvm::StringRef Line) {
    return Line.starts_with("caller:") && Line.contains(" h:3 ");
  })); // the default argument of k
  EXPECT_EQ(Ours, Expected);
}

TEST(CallGraphBuilderTest, ABlockCalledInPlaceIsANodeOfItsOwn) {
  std::unique_ptr<ASTUnit> AST = parse(R"cpp(
    int g() { return 1; }
    int f() { return ^{ return g(); }(); }
  )cpp",
                                       {"-fblocks"});
  ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  auto [Expected, Ours] = buildBoth(*AST);
  EXPECT_TRUE(llvm::is_contained(Expected, "<block> -> g:2"))
      << llvm::join(Expected, "\n");
  EXPECT_TRUE(llvm::is_contained(Expected, "f:3 -> <block>"));
  EXPECT_EQ(Ours, Expected);
}

// The graph CallGraphBuilder::add makes of function `f` in \p Code, as
// describe() prints it (a call site each).
std::vector<std::string> graphOfF(const std::string &Code) {
  std::unique_ptr<ASTUnit> AST = parse(Code);
  const FunctionDecl *F = function(*AST, "f");
  if (AST->getDiagnostics().hasErrorOccurred() || !F)
    return {"<the code does not compile>"};
  CallGraph Graph;
  CallGraphBuilder Builder(Graph);
  if (!Builder.add(*F))
    return {"<f not added>"};
  return describe(Graph, AST->getASTContext().getSourceManager());
}

TEST(CallGraphBuilderTest, OneEdgePerCalleeButEveryVirtualCall) {
  std::vector<std::string> Lines = graphOfF(R"cpp(
    int g() { return 1; }
    struct B { virtual int v(); };
    int f(B &b) { return b.v() + g() + b.v() + g(); }
  )cpp");
  // VirtualCalls looks at each call of a virtual method: whether it
  // dispatches depends on the call.
  EXPECT_TRUE(llvm::is_contained(Lines, "f:4 -> B::v:3 B::v:3 g:2"))
      << llvm::join(Lines, "\n");
}

TEST(CallGraphBuilderTest, InitCapturesAreCallsOfTheEnclosingFunction) {
  std::vector<std::string> Lines = graphOfF(R"cpp(
    int g() { return 1; }
    int f() {
      auto l = [v = g()] { return v; };
      return l();
    }
  )cpp");
  EXPECT_TRUE(
      llvm::is_contained(Lines, "f:3 -> f()::(lambda)::operator():4 g:2"))
      << llvm::join(Lines, "\n");
}

TEST(CallGraphBuilderTest, NestedFunctionsInSourceOrder) {
  std::unique_ptr<ASTUnit> AST = parse(R"cpp(
    int g(int (*fp)() = [] { return 0; }) { return fp(); }
    int f() {
      struct Local {
        int m() { return [] { return 1; }(); }
      };
      auto a = [] { return [] { return 2; }(); };
      auto b = [](auto v) { return [v] { return v; }(); };
      return Local().m() + a() + b(3) + g();
    }
  )cpp");
  ASSERT_FALSE(AST->getDiagnostics().hasErrorOccurred());
  std::vector<std::string> Names;
  const SourceManager &SM = AST->getASTContext().getSourceManager();
  for (const FunctionDecl *F :
       TranslationUnitAnalysis::mainFileFunctions(AST->getASTContext()))
    if (lineOf(F, SM) > 0)
      Names.push_back(nameOf(F, SM));
  // The lambda of g's default argument is found once, where it is written,
  // not again where f's call evaluates it; b's inner lambda is a function
  // of b's instance for int (the generic pattern defines none).
  EXPECT_EQ(llvm::join(Names, "\n"),
            "g:2\n"
            "(lambda)::operator():2\n"
            "f:3\n"
            "f()::Local::m:5\n"
            "f()::Local::m()::(lambda)::operator():5\n"
            "f()::(lambda)::operator():7\n"
            "f()::(lambda)::operator()()::(lambda)::"
            "operator():7\n"
            "f()::(lambda)::operator():8\n"
            "f()::(lambda)::operator()(int)::(lambda)::"
            "operator():8");
}

} // namespace
