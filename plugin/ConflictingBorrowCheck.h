//===- ConflictingBorrowCheck.h - borrow-conflicting-borrow -----*- C++ -*-===//

#ifndef BORROW_PLUGIN_CONFLICTINGBORROWCHECK_H
#define BORROW_PLUGIN_CONFLICTINGBORROWCHECK_H

#include "BorrowCheck.h"
#include <string>

namespace clang::tidy::borrow {

/// A borrow used after its place was mutated in a way that may invalidate
/// it (Rust E0502, E0499, E0505, E0506).
/// Documentation: docs/checks/borrow-conflicting-borrow.md
class ConflictingBorrowCheck : public BorrowCheck {
public:
  ConflictingBorrowCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void configure(::borrow::Config &Cfg) const override;

private:
  std::string Mode;
  std::string InvalidatingFunctions;
};

} // namespace clang::tidy::borrow

#endif // BORROW_PLUGIN_CONFLICTINGBORROWCHECK_H
