//===- ConflictingBorrowCheck.cpp -----------------------------------------===//

#include "ConflictingBorrowCheck.h"

namespace clang::tidy::borrow {

ConflictingBorrowCheck::ConflictingBorrowCheck(StringRef Name,
                                               ClangTidyContext *Context)
    : BorrowCheck(Name, Context, ::borrow::Rule::ConflictingBorrow),
      Mode(Options.get("Mode", "Cpp").str()),
      InvalidatingFunctions(Options.get("InvalidatingFunctions", "").str()) {
  if (Mode != "Cpp" && Mode != "Rust")
    configurationDiag("invalid value '%0' for option 'Mode' of %1: expected "
                      "'Cpp' or 'Rust'; using 'Cpp'")
        << Mode << Name;
}

void ConflictingBorrowCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "Mode", Mode);
  Options.store(Opts, "InvalidatingFunctions", InvalidatingFunctions);
}

void ConflictingBorrowCheck::configure(::borrow::Config &Cfg) const {
  Cfg.Mode = Mode == "Rust" ? ::borrow::Config::BorrowMode::Rust
                            : ::borrow::Config::BorrowMode::Cpp;
  llvm::SmallVector<StringRef, 4> Names;
  StringRef(InvalidatingFunctions).split(Names, ';', -1, false);
  for (StringRef N : Names)
    Cfg.InvalidatingFunctions.push_back(N.trim().str());
}

} // namespace clang::tidy::borrow
