//===- InvalidationModelsTest.cpp - The std invalidation tables -----------===//

#include "TestAST.h"
#include "borrow/Invalidation.h"
#include "clang/AST/DeclCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace clang::ast_matchers;
using namespace borrow;
using namespace borrow::test;

namespace {

// Declarations only, shaped like the real library's; the tables go by the
// class and member names in namespace std.
const char *Families = R"cpp(
namespace std {
template <class T> struct deque {
  using value_type = T;
  void push_back(const T &);
  void insert(int, const T &);
  void pop_front();
  T &front();
  unsigned long size() const;
};
template <class T> struct list {
  void push_back(const T &);
  void erase(int);
  void clear();
};
template <class K, class V> struct unordered_map {
  V &operator[](const K &);
  void erase(int);
  void rehash(unsigned long);
};
template <class K, class V> struct map {
  V &operator[](const K &);
  void erase(int);
};
template <class T> struct optional {
  void reset();
  T &operator*();
  bool has_value() const;
};
template <class T, class C = deque<T>> struct stack {
  using container_type = C;
  void push(const T &);
  void pop();
};
template struct stack<int>;
template struct stack<int, vector<int>>;
template <class T> struct shared_ptr { void reset(); };
}
)cpp";

// "Contents", "Contents+grows", "Iterators+grows+rehash", "None".
std::string describe(Invalidation I) {
  static const char *const Scopes[] = {"None", "Iterators", "Contents",
                                       "Element", "Whole"};
  std::string Out = Scopes[unsigned(I.Scope)];
  if (I.Grows)
    Out += "+grows";
  if (I.Rehashes)
    Out += "+rehash";
  return Out;
}

class InvalidationModelsTest : public ::testing::Test {
protected:
  void SetUp() override { AST = parse(Families); }

  // What std::Class::Member invalidates; with Args, that of the
  // instantiation whose second template argument names Args.
  std::string of(const std::string &Class, const std::string &Member,
                 const std::string &Args = "") {
    auto Matches = match(
        cxxMethodDecl(hasName(Member), ofClass(cxxRecordDecl(hasName(Class))))
            .bind("m"),
        AST->getASTContext());
    for (const BoundNodes &N : Matches) {
      const auto *M = N.getNodeAs<CXXMethodDecl>("m");
      const auto *Spec =
          dyn_cast<ClassTemplateSpecializationDecl>(M->getParent());
      if (!Args.empty() &&
          (!Spec || Spec->getTemplateArgs().size() < 2 ||
           Spec->getTemplateArgs()[1].getAsType().getAsString().find(Args) ==
               std::string::npos))
        continue;
      return describe(invalidationOf(M));
    }
    return "<no such member>";
  }

  std::unique_ptr<ASTUnit> AST;
};

TEST_F(InvalidationModelsTest, VectorGrowthReallocates) {
  EXPECT_EQ(of("vector", "push_back"), "Contents+grows");
  EXPECT_EQ(of("vector", "clear"), "Contents");
  EXPECT_EQ(of("vector", "operator[]"), "None");
  EXPECT_EQ(of("vector", "size"), "None");
}

TEST_F(InvalidationModelsTest, StringKeepsOnlyElementAccess) {
  EXPECT_EQ(of("basic_string", "push_back"), "Contents+grows");
  EXPECT_EQ(of("basic_string", "clear"), "Contents");
  EXPECT_EQ(of("basic_string", "operator="), "Contents");
  EXPECT_EQ(of("basic_string", "size"), "None");
}

TEST_F(InvalidationModelsTest, DequePushInvalidatesIteratorsOnly) {
  EXPECT_EQ(of("deque", "push_back"), "Iterators+grows");
  EXPECT_EQ(of("deque", "insert"), "Contents+grows");
  EXPECT_EQ(of("deque", "pop_front"), "Contents");
  EXPECT_EQ(of("deque", "front"), "None");
}

TEST_F(InvalidationModelsTest, NodeContainersOnlyLoseErasedElements) {
  EXPECT_EQ(of("list", "push_back"), "None");
  EXPECT_EQ(of("list", "erase"), "Element");
  EXPECT_EQ(of("list", "clear"), "Contents");
  EXPECT_EQ(of("map", "operator[]"), "None");
  EXPECT_EQ(of("map", "erase"), "Element");
}

TEST_F(InvalidationModelsTest, UnorderedInsertionMayRehash) {
  EXPECT_EQ(of("unordered_map", "operator[]"), "Iterators+grows+rehash");
  EXPECT_EQ(of("unordered_map", "rehash"), "Iterators+grows+rehash");
  EXPECT_EQ(of("unordered_map", "erase"), "Element");
}

TEST_F(InvalidationModelsTest, ValueAndPointerOwners) {
  EXPECT_EQ(of("optional", "reset"), "Contents");
  EXPECT_EQ(of("optional", "operator*"), "None");
  EXPECT_EQ(of("optional", "has_value"), "None");
  EXPECT_EQ(of("unique_ptr", "reset"), "Contents");
  EXPECT_EQ(of("unique_ptr", "get"), "None");
  EXPECT_EQ(of("shared_ptr", "reset"), "None");
}

TEST_F(InvalidationModelsTest, AdaptorsFollowTheirContainer) {
  EXPECT_EQ(of("stack", "pop", "deque<int>"), "Contents");
  EXPECT_EQ(of("stack", "push", "deque<int>"), "None");
  EXPECT_EQ(of("stack", "push", "vector<int>"), "Contents+grows");
}

TEST_F(InvalidationModelsTest, OnlyStringsLoseContentsWhenMoved) {
  auto Record = [&](const std::string &Name) {
    auto M =
        match(cxxRecordDecl(hasName(Name)).bind("r"), AST->getASTContext());
    return M.empty() ? nullptr : M.front().getNodeAs<CXXRecordDecl>("r");
  };
  EXPECT_EQ(describe(invalidationOfMove(Record("basic_string"))), "Contents");
  EXPECT_EQ(describe(invalidationOfMove(Record("vector"))), "None");
  EXPECT_EQ(describe(invalidationOfMove(Record("unique_ptr"))), "None");
}

} // namespace
