//===- TestAST.cpp --------------------------------------------------------===//

#include "TestAST.h"
#include "borrow/TranslationUnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Tooling/Tooling.h"

using namespace clang;

namespace borrow::test {

const char *MiniStd = R"cpp(
namespace std {
template <class T> struct remove_reference { using type = T; };
template <class T> struct remove_reference<T &> { using type = T; };
template <class T> struct remove_reference<T &&> { using type = T; };
template <class T>
constexpr typename remove_reference<T>::type &&move(T &&t) noexcept {
  return static_cast<typename remove_reference<T>::type &&>(t);
}
template <class T>
constexpr T &&forward(typename remove_reference<T>::type &t) noexcept {
  return static_cast<T &&>(t);
}
inline namespace __cxx11 {
template <class C> class basic_string {
public:
  basic_string();
  basic_string(const C *);
  basic_string(const basic_string &);
  basic_string(basic_string &&) noexcept;
  ~basic_string();
  basic_string &operator=(const basic_string &);
  basic_string &operator=(basic_string &&) noexcept;
  unsigned long size() const;
  bool empty() const;
  void clear();
  void push_back(C);
private:
  C *data_;
};
using string = basic_string<char>;
}
template <class T> class unique_ptr {
public:
  unique_ptr();
  unique_ptr(T *);
  unique_ptr(unique_ptr &&) noexcept;
  ~unique_ptr();
  unique_ptr &operator=(unique_ptr &&) noexcept;
  T &operator*() const;
  T *operator->() const;
  T *get() const;
  explicit operator bool() const;
  void reset(T * = nullptr);
};
template <class T>
bool operator==(const unique_ptr<T> &, decltype(nullptr));
template <class T>
bool operator!=(const unique_ptr<T> &, decltype(nullptr));
template <class T> class vector {
public:
  vector();
  vector(vector &&) noexcept;
  ~vector();
  using value_type = T;
  void push_back(const T &);
  void push_back(T &&);
  unsigned long size() const;
  void clear();
  T &operator[](unsigned long);
  const T &operator[](unsigned long) const;
  T *data();
};
}
)cpp";

std::unique_ptr<ASTUnit> parse(const std::string &Code,
                               std::vector<std::string> Args) {
  if (Args.empty())
    Args.push_back("-std=c++17");
  Args.push_back("-Wno-unused-value");
  return tooling::buildASTFromCodeWithArgs(std::string(MiniStd) + Code, Args,
                                           "input.cc");
}

namespace {
class FindFunction : public RecursiveASTVisitor<FindFunction> {
public:
  explicit FindFunction(std::string Name) : Name(std::move(Name)) {}
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->getNameAsString() == Name && FD->doesThisDeclarationHaveABody() &&
        !FD->isDependentContext())
      Found = FD;
    return true;
  }
  std::string Name;
  const FunctionDecl *Found = nullptr;
};
} // namespace

const FunctionDecl *function(ASTUnit &AST, const std::string &Name) {
  FindFunction Finder(Name);
  Finder.TraverseDecl(AST.getASTContext().getTranslationUnitDecl());
  return Finder.Found;
}

Config defaultConfig() {
  Config Cfg;
  Cfg.Rules = RuleSet::all();
  return Cfg;
}

ParsedModel modelOf(const std::string &Code, const std::string &Name) {
  ParsedModel P;
  P.AST = parse(Code);
  if (P.AST->getDiagnostics().hasErrorOccurred()) {
    P.Problem = "<the code does not compile>";
    return P;
  }
  const FunctionDecl *F = function(*P.AST, Name);
  if (!F) {
    P.Problem = "<no function " + Name + ">";
    return P;
  }
  P.Model = buildFunctionModel(*F, defaultConfig(), SummaryTable(),
                               P.AST->getASTContext());
  if (!P.Model)
    P.Problem = "<no model>";
  return P;
}

std::string factsOf(const std::string &Code, const std::string &Name,
                    const SummaryTable &Summaries, bool WithLoans) {
  std::unique_ptr<ASTUnit> AST = parse(Code);
  if (AST->getDiagnostics().hasErrorOccurred())
    return "<the code does not compile>";
  const FunctionDecl *F = function(*AST, Name);
  if (!F)
    return "<no function " + Name + ">";
  ModelOptions Options;
  Options.WithLoans = WithLoans;
  std::unique_ptr<FunctionModel> M = buildFunctionModel(
      *F, defaultConfig(), Summaries, AST->getASTContext(), Options);
  if (!M)
    return "<no model>";
  return describeFacts(*M);
}

std::vector<std::string> findingsOf(const std::string &Code, Config Cfg,
                                    std::vector<std::string> Args) {
  std::unique_ptr<ASTUnit> AST = parse(Code, std::move(Args));
  if (AST->getDiagnostics().hasErrorOccurred())
    return {"<the code does not compile>"};
  ASTContext &Ctx = AST->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  // Lines count from the start of Code, not of MiniStd.
  unsigned Offset = llvm::count(llvm::StringRef(MiniStd), '\n');
  auto Where = [&](SourceLocation Loc) {
    PresumedLoc P = SM.getPresumedLoc(SM.getSpellingLoc(Loc));
    return std::to_string(P.getLine() - Offset) + ":" +
           std::to_string(P.getColumn());
  };
  TranslationUnitAnalysis Analysis(Ctx, std::move(Cfg));
  Analysis.run();
  std::vector<std::string> Out;
  for (const Finding &F : Analysis.findings()) {
    std::string Line = Where(F.Loc) + ": " + F.Message;
    for (const Note &N : F.Notes)
      Line += " | " + Where(N.Loc) + ": " + N.Message;
    Out.push_back(Line);
  }
  return Out;
}

} // namespace borrow::test
