//===- BorrowTidyModule.cpp - The borrow-* checks -------------------------===//

#include "ConflictingBorrowCheck.h"
#include "DanglingChecks.h"
#include "MissingLifetimeboundCheck.h"
#include "UseAfterMoveCheck.h"
#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy::borrow {

class BorrowTidyModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &Factories) override {
    Factories.registerCheck<ConflictingBorrowCheck>(
        "borrow-conflicting-borrow");
    Factories.registerCheck<DanglingReferenceCheck>(
        "borrow-dangling-reference");
    Factories.registerCheck<DanglingReturnCheck>("borrow-dangling-return");
    Factories.registerCheck<MissingLifetimeboundCheck>(
        "borrow-missing-lifetimebound");
    Factories.registerCheck<UseAfterMoveCheck>("borrow-use-after-move");
  }
};

} // namespace clang::tidy::borrow

namespace clang::tidy {

// Registered when clang-tidy (or clangd-borrow) loads the module.
static ClangTidyModuleRegistry::Add<borrow::BorrowTidyModule>
    X("borrow-module",
      "Rust's borrow rules for C++: moves, borrows, lifetimes.");

// Referenced by front ends that link the module statically, so the linker
// keeps the registration above.
volatile int BorrowTidyModuleAnchorSource = 0;

} // namespace clang::tidy
