//===- MissingLifetimeboundCheck.cpp --------------------------------------===//

#include "MissingLifetimeboundCheck.h"

namespace clang::tidy::borrow {

MissingLifetimeboundCheck::MissingLifetimeboundCheck(StringRef Name,
                                                     ClangTidyContext *Context)
    : BorrowCheck(Name, Context, ::borrow::Rule::MissingLifetimebound),
      LifetimeboundMacro(Options.get("LifetimeboundMacro", "").str()) {}

void MissingLifetimeboundCheck::storeOptions(
    ClangTidyOptions::OptionMap &Opts) {
  BorrowCheck::storeOptions(Opts);
  Options.store(Opts, "LifetimeboundMacro", LifetimeboundMacro);
}

void MissingLifetimeboundCheck::configure(::borrow::Config &Cfg) const {
  Cfg.LifetimeboundMacro = LifetimeboundMacro;
}

} // namespace clang::tidy::borrow
