//===- ClangdBorrow.cpp - clangd with the borrow-* checks -----------------===//
//
// clangd cannot load clang-tidy plugins, so clangd-borrow is clangd itself,
// linked from Debian's static clangd libraries, with the borrow-* module
// registered next to clang-tidy's own. Everything else is clangd's: its
// flags, its .clangd configuration, its protocol.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <cstdlib>
#include <vector>

namespace clang::tidy {
// Defined next to the module's registration in plugin/BorrowTidyModule.cpp.
extern volatile int BorrowTidyModuleAnchorSource;
} // namespace clang::tidy

namespace clang::clangd {
// clangd's entry point, in libclangdMain (Debian does not ship its header).
int clangdMain(int Argc, char *Argv[]);
} // namespace clang::clangd

// Reading the anchor keeps the module's registration in the link even if the
// checks ever come from an archive.
[[maybe_unused]] static int BorrowTidyModuleAnchorDestination =
    clang::tidy::BorrowTidyModuleAnchorSource;

/// Whether the user chose clang's resource directory, on the command line
/// or in CLANGD_FLAGS (which clangd reads too).
static bool resourceDirChosen(int Argc, char *Argv[]) {
  for (int I = 1; I < Argc; ++I)
    if (llvm::StringRef(Argv[I]).ltrim('-').starts_with("resource-dir"))
      return true;
  const char *Flags = std::getenv("CLANGD_FLAGS");
  return Flags && llvm::StringRef(Flags).contains("resource-dir");
}

int main(int Argc, char *Argv[]) {
  // clangd finds clang's builtin headers relative to its own executable
  // (<bin>/../lib/clang/N). clangd-borrow is installed elsewhere, so it
  // points clangd at the directory Debian's clangd uses.
  static char ResourceDir[] = "--resource-dir=" BORROW_CLANG_RESOURCE_DIR;
  std::vector<char *> Args(Argv, Argv + Argc);
  if (!resourceDirChosen(Argc, Argv))
    Args.insert(Args.begin() + 1, ResourceDir);
  int Count = static_cast<int>(Args.size());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(Count, Args.data());
}
