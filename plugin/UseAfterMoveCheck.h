//===- UseAfterMoveCheck.h - borrow-use-after-move --------------*- C++ -*-===//

#ifndef BORROW_PLUGIN_USEAFTERMOVECHECK_H
#define BORROW_PLUGIN_USEAFTERMOVECHECK_H

#include "BorrowCheck.h"
#include <string>
#include <vector>

namespace clang::tidy::borrow {

/// Flags uses of objects after they were moved from (Rust E0382).
/// Documentation: docs/checks/borrow-use-after-move.md
class UseAfterMoveCheck : public BorrowCheck {
public:
  UseAfterMoveCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;

protected:
  void configure(::borrow::Config &Cfg) const override;

private:
  bool StrictSmartPointers;
  std::string ReinitializationFunctions;
};

} // namespace clang::tidy::borrow

#endif // BORROW_PLUGIN_USEAFTERMOVECHECK_H
