//===- DanglingChecks.h - borrow-dangling-return/-reference -----*- C++ -*-===//

#ifndef BORROW_PLUGIN_DANGLINGCHECKS_H
#define BORROW_PLUGIN_DANGLINGCHECKS_H

#include "BorrowCheck.h"

namespace clang::tidy::borrow {

/// A returned (or stored) reference, pointer, view or lambda that borrows a
/// local, a by-value parameter or a temporary (Rust E0515).
/// Documentation: docs/checks/borrow-dangling-return.md
class DanglingReturnCheck : public BorrowCheck {
public:
  DanglingReturnCheck(StringRef Name, ClangTidyContext *Context)
      : BorrowCheck(Name, Context, ::borrow::Rule::DanglingReturn) {}
};

/// A borrow used after what it borrows was destroyed (Rust E0597, E0716).
/// Documentation: docs/checks/borrow-dangling-reference.md
class DanglingReferenceCheck : public BorrowCheck {
public:
  DanglingReferenceCheck(StringRef Name, ClangTidyContext *Context)
      : BorrowCheck(Name, Context, ::borrow::Rule::DanglingReference) {}
};

} // namespace clang::tidy::borrow

#endif // BORROW_PLUGIN_DANGLINGCHECKS_H
