//===- MissingLifetimeboundCheck.h - borrow-missing-lifetimebound -*- C++
//-*-===//

#ifndef BORROW_PLUGIN_MISSINGLIFETIMEBOUNDCHECK_H
#define BORROW_PLUGIN_MISSINGLIFETIMEBOUNDCHECK_H

#include "BorrowCheck.h"
#include <string>

namespace clang::tidy::borrow {

/// Suggests [[clang::lifetimebound]] on the header declaration of a function
/// whose result borrows from a parameter or `*this`, so that clang's own
/// -Wdangling protects its callers.
/// Documentation: docs/checks/borrow-missing-lifetimebound.md
class MissingLifetimeboundCheck : public BorrowCheck {
public:
  MissingLifetimeboundCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void configure(::borrow::Config &Cfg) const override;

private:
  std::string LifetimeboundMacro;
};

} // namespace clang::tidy::borrow

#endif // BORROW_PLUGIN_MISSINGLIFETIMEBOUNDCHECK_H
