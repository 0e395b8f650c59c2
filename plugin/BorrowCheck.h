//===- BorrowCheck.h - What every borrow-* check shares ---------*- C++ -*-===//
//
// A borrow check only maps its options into the analysis Config and the
// analysis' Findings of its rule to clang-tidy diagnostics with notes. All
// analysis lives in lib/.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_PLUGIN_BORROWCHECK_H
#define BORROW_PLUGIN_BORROWCHECK_H

#include "Session.h"
#include "SummaryOptions.h"
#include "clang-tidy/ClangTidyCheck.h"

namespace clang::tidy::borrow {

class BorrowCheck : public ClangTidyCheck {
public:
  BorrowCheck(StringRef Name, ClangTidyContext *Context, ::borrow::Rule R)
      : ClangTidyCheck(Name, Context), R(R),
        Summaries(SummaryOptions::read(*Context)),
        Debug(Options.getLocalOrGlobal("BorrowDebug", false)) {}

  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onEndOfTranslationUnit() override;
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  /// Puts this check's options into the analysis configuration.
  virtual void configure(::borrow::Config &Cfg) const {}

private:
  ::borrow::Rule R;
  SummaryOptions Summaries;
  /// The global option BorrowDebug: print once per translation unit, to
  /// stderr, what the analysis gave up on and its slowest functions.
  bool Debug;
  std::shared_ptr<Session> Current;
};

} // namespace clang::tidy::borrow

#endif // BORROW_PLUGIN_BORROWCHECK_H
