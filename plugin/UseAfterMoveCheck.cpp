//===- UseAfterMoveCheck.cpp ----------------------------------------------===//

#include "UseAfterMoveCheck.h"
#include "llvm/ADT/StringExtras.h"

namespace clang::tidy::borrow {

UseAfterMoveCheck::UseAfterMoveCheck(StringRef Name, ClangTidyContext *Context)
    : BorrowCheck(Name, Context, ::borrow::Rule::UseAfterMove),
      StrictSmartPointers(Options.get("StrictSmartPointers", false)),
      ReinitializationFunctions(
          Options.get("ReinitializationFunctions", "").str()) {}

void UseAfterMoveCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  BorrowCheck::storeOptions(Opts);
  Options.store(Opts, "StrictSmartPointers", StrictSmartPointers);
  Options.store(Opts, "ReinitializationFunctions", ReinitializationFunctions);
}

void UseAfterMoveCheck::configure(::borrow::Config &Cfg) const {
  Cfg.StrictSmartPointers = StrictSmartPointers;
  llvm::SmallVector<StringRef, 4> Names;
  StringRef(ReinitializationFunctions).split(Names, ';', -1, false);
  for (StringRef N : Names)
    Cfg.ReinitializationFunctions.push_back(N.trim().str());
}

} // namespace clang::tidy::borrow
