//===- SummaryExchangeTest.cpp - Summaries across translation units -------===//
//
// A summary exported from the translation unit that defines a function,
// written, read back and imported into one that only declares it must say
// the same thing there, with its fields resolved in the importer's types.
//
//===----------------------------------------------------------------------===//

#include "borrow/SummaryExchange.h"
#include "TestAST.h"
#include "borrow/TranslationUnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "gtest/gtest.h"

using namespace clang;
using namespace borrow;
using namespace borrow::test;

namespace {

const char *Types = R"cpp(
struct Inner { std::string text; };
struct Box { std::string name; Inner inner; };
struct Base { std::string label; };
struct Derived : Base { int extra; };
struct Container {
  std::vector<int> items;
  const int *at(unsigned i) const;
  std::string release() &&;
  void add(int v);
};
)cpp";

const char *Definitions = R"cpp(
void consume(std::string &s) { std::string t = std::move(s); }
void take(Box &b) { std::string t = std::move(b.inner.text); }
void takeBase(Derived &d) { std::string t = std::move(d.label); }
void maybe(bool c, std::string &s) { if (c) { std::string t = std::move(s); } }
const int *Container::at(unsigned i) const { return &items[i]; }
std::string Container::release() && { return "x"; }
void Container::add(int v) { items.push_back(v); }
const std::string &pick(const std::string &a, const std::string &b, bool c) {
  return c ? a : b;
}
const int *first(const int *p) { return p; }
static void hidden(std::string &s) { std::string t = std::move(s); }
inline void inlined(std::string &s) { std::string t = std::move(s); }
)cpp";

const char *Declarations = R"cpp(
void consume(std::string &s);
void take(Box &b);
void takeBase(Derived &d);
void maybe(bool c, std::string &s);
const std::string &pick(const std::string &a, const std::string &b, bool c);
const int *first(const int *p);
void use() {
  std::string s; Box b; Derived d; Container c; const int *p = nullptr;
  consume(s); take(b); takeBase(d); maybe(true, s); c.at(0);
  std::move(c).release(); pick(s, s, true); first(p); c.add(1);
}
)cpp";

std::string describe(const Summary &S) {
  std::string Out;
  auto Path = [&](unsigned Param, llvm::ArrayRef<const FieldDecl *> Fields) {
    Out += Param == MovedPart::ThisParam ? "this"
                                         : "param" + std::to_string(Param);
    for (const FieldDecl *F : Fields)
      Out +=
          "." + F->getParent()->getNameAsString() + "::" + F->getNameAsString();
  };
  for (const MovedPart &M : S.Moves) {
    Out += "move ";
    Path(M.Param, M.Fields);
    Out += M.Effect == MoveEffect::Always ? " always; " : " maybe; ";
  }
  for (const BorrowedPart &B : S.ResultBorrows) {
    Out += "borrow ";
    Path(B.Param, B.Fields);
    Out += B.Contents ? " contents" : "";
    Out += B.Carries ? " carries" : "";
    Out += "; ";
  }
  for (const InvalidatedPart &I : S.Invalidates) {
    Out += "invalidate ";
    Path(I.Param, I.Fields);
    Out += " scope" + std::to_string(unsigned(I.Effect.Scope));
    Out += I.Effect.Grows ? " grows" : "";
    Out += "; ";
  }
  return Out.empty() ? "none" : Out;
}

const FunctionDecl *declaration(ASTUnit &AST, llvm::StringRef Name) {
  const FunctionDecl *Found = nullptr;
  std::vector<const DeclContext *> Work = {
      AST.getASTContext().getTranslationUnitDecl()};
  while (!Work.empty()) {
    const DeclContext *DC = Work.back();
    Work.pop_back();
    for (const Decl *D : DC->decls()) {
      if (const auto *F = dyn_cast<FunctionDecl>(D);
          F && F->getNameAsString() == Name)
        Found = F;
      if (const auto *R = dyn_cast<CXXRecordDecl>(D))
        Work.push_back(R);
    }
  }
  return Found;
}

class SummaryExchangeTest : public ::testing::Test {
protected:
  void SetUp() override {
    Defining = parse(std::string(Types) + Definitions);
    ASSERT_FALSE(Defining->getDiagnostics().hasErrorOccurred());
    TranslationUnitAnalysis Pass1(Defining->getASTContext(), defaultConfig());
    Pass1.run();
    for (const char *Name : {"consume", "take", "takeBase", "maybe", "at",
                             "release", "pick", "first", "add"}) {
      const Summary *S = Pass1.summaries().lookup(function(*Defining, Name));
      Original[Name] = S ? describe(*S) : "no summary";
    }
    Exported = Pass1.exportSummaries();
    llvm::Expected<SummaryFile> Read = SummaryFile::fromJSON(Exported.toJSON());
    ASSERT_TRUE(bool(Read)) << llvm::toString(Read.takeError());
    File = std::move(*Read);
  }

  // The summary of \p Name as a translation unit that only declares it
  // sees it, with \p Imported.
  std::string imported(const std::string &Code, const SummaryFile &Imported,
                       llvm::StringRef Name) {
    std::unique_ptr<ASTUnit> AST = parse(std::string(Types) + Code);
    if (AST->getDiagnostics().hasErrorOccurred())
      return "<the code does not compile>";
    TranslationUnitAnalysis Pass2(AST->getASTContext(), defaultConfig());
    Pass2.importSummaries(Imported);
    Pass2.run();
    const FunctionDecl *F = declaration(*AST, Name);
    if (!F)
      return "no function";
    const Summary *S = Pass2.summaries().lookup(F);
    return S ? describe(*S) : "no summary";
  }

  std::unique_ptr<ASTUnit> Defining;
  std::map<std::string, std::string> Original;
  SummaryFile Exported, File;
};

TEST_F(SummaryExchangeTest, ImportedSummariesSayWhatTheDefinitionsSay) {
  EXPECT_EQ(Original["consume"], "move param0 always; ");
  EXPECT_EQ(Original["take"], "move param0.Box::inner.Inner::text always; ");
  EXPECT_EQ(Original["takeBase"], "move param0.Base::label always; ");
  EXPECT_EQ(Original["maybe"], "move param1 maybe; ");
  EXPECT_EQ(Original["at"], "borrow this.Container::items contents; ");
  EXPECT_EQ(Original["pick"], "borrow param0; borrow param1; ");
  EXPECT_EQ(Original["first"], "borrow param0 carries; ");
  EXPECT_EQ(Original["add"],
            "invalidate this.Container::items scope" +
                std::to_string(unsigned(InvalidationScope::Contents)) +
                " grows; ");
  for (const auto &[Name, Summary] : Original)
    EXPECT_EQ(imported(Declarations, File, Name), Summary) << Name;
}

TEST_F(SummaryExchangeTest, OnlyExternallyVisibleOutOfLineFunctions) {
  EXPECT_EQ(Exported.size(), 9u);
  EXPECT_NE(Exported.lookup(summaryKey(*function(*Defining, "consume"))),
            nullptr);
  EXPECT_EQ(Exported.lookup(summaryKey(*function(*Defining, "hidden"))),
            nullptr);
  EXPECT_EQ(Exported.lookup(summaryKey(*function(*Defining, "inlined"))),
            nullptr);
}

TEST_F(SummaryExchangeTest, MovesNamedWhereTheyHappen) {
  const PortableSummary *P =
      File.lookup(summaryKey(*function(*Defining, "consume")));
  ASSERT_NE(P, nullptr);
  // `std::move(s)` in consume, behind MiniStd and Types.
  llvm::StringRef At = P->Lists.at("moves").front().At;
  EXPECT_TRUE(At.starts_with("input.cc:") && At.ends_with(":48")) << At.str();
}

TEST_F(SummaryExchangeTest, FieldsThatDoNotResolveAreDropped) {
  // Another program of the build, where Box has no `inner` (an ODR
  // difference): that part of the summary means nothing there.
  std::string Renamed = std::string(Types);
  Renamed.replace(Renamed.find("Inner inner;"), 12, "Inner other;");
  std::unique_ptr<ASTUnit> AST = parse(Renamed + "void take(Box &b);");
  TranslationUnitAnalysis Pass2(AST->getASTContext(), defaultConfig());
  Pass2.importSummaries(File);
  const Summary *S = Pass2.summaries().lookup(declaration(*AST, "take"));
  ASSERT_NE(S, nullptr);
  EXPECT_EQ(describe(*S), "none");
}

TEST_F(SummaryExchangeTest, ConflictsAndUnknownFunctionsHaveNoSummary) {
  SummaryFile Conflicting = File;
  PortableSummary Other;
  Other.Name = "consume";
  Conflicting.add(summaryKey(*function(*Defining, "consume")), Other);
  EXPECT_EQ(imported(Declarations, Conflicting, "consume"), "no summary");
  EXPECT_EQ(imported(Declarations, SummaryFile(), "consume"), "no summary");
}

TEST_F(SummaryExchangeTest, DefinitionsHereWinOverImports) {
  // A translation unit that defines consume itself, differently.
  std::string Code = "unsigned long n;\n"
                     "void consume(std::string &s) { n = s.size(); }";
  EXPECT_EQ(imported(Code, File, "consume"), "none");
}

} // namespace
