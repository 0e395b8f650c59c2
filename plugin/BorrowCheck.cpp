//===- BorrowCheck.cpp ----------------------------------------------------===//

#include "BorrowCheck.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::borrow {

void BorrowCheck::registerMatchers(MatchFinder *Finder) {
  // The analysis runs once per translation unit; the matcher only hands
  // over the ASTContext. The TranslationUnitDecl is matched in clangd too:
  // a traversal scoped to the main file's declarations still starts there.
  // (A matcher on the main file's functions, as this once had, is tried on
  // every function of every header: a tenth of what the checks cost on a
  // small file.)
  Finder->addMatcher(translationUnitDecl().bind("unit"), this);
}

void BorrowCheck::check(const MatchFinder::MatchResult &Result) {
  if (Current)
    return;
  Current = Session::of(*Result.Context);
  Current->enable(R, [this](::borrow::Config &Cfg) {
    Summaries.applyTo(Cfg);
    Cfg.Debug |= Debug;
    configure(Cfg);
  });
}

void BorrowCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Summaries.store(Opts);
}

void BorrowCheck::onEndOfTranslationUnit() {
  if (!Current)
    return;
  std::shared_ptr<Session> Done = std::move(Current);
  for (const ::borrow::Finding &F : Done->findings()) {
    if (F.R != R)
      continue;
    {
      DiagnosticBuilder D = diag(F.Loc, "%0") << F.Message << F.Range;
      for (const ::borrow::Insertion &Fix : F.Fixes)
        D << FixItHint::CreateInsertion(Fix.Loc, Fix.Text);
    }
    for (const ::borrow::Note &N : F.Notes)
      diag(N.Loc, "%0", DiagnosticIDs::Note) << N.Message;
  }
  // Summary files that could not be read or written: said once, by the
  // first check to finish.
  for (const std::string &Problem : Done->takeProblems())
    configurationDiag("%0") << Problem;
}

} // namespace clang::tidy::borrow
