//===- Config.h - What the user can tune -----------------------*- C++ -*-===//
//
// The analysis library's view of the check options. The plugin fills it in
// from clang-tidy options; unit tests construct it directly.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_CONFIG_H
#define BORROW_CONFIG_H

#include "borrow/Finding.h"
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
} // namespace clang

namespace borrow {

struct Config {
  /// The rules to run. Facts that no enabled rule needs are not built.
  RuleSet Rules;

  /// Flag any use of a moved-from std::unique_ptr/shared_ptr/weak_ptr, not
  /// only dereferences (Rust's rule: a moved value is gone).
  bool StrictSmartPointers = false;

  /// Qualified names of functions that give their object (methods) or their
  /// first argument (free functions) a fresh value, like `clear()` does.
  std::vector<std::string> ReinitializationFunctions;

  /// borrow-conflicting-borrow. Cpp: only mutations that may invalidate a
  /// borrow (the C++ rules). Rust: any mutation of a borrowed place, and two
  /// mutable borrows of one place in a call (Rust's exclusivity).
  enum class BorrowMode : unsigned char { Cpp, Rust };
  BorrowMode Mode = BorrowMode::Cpp;

  /// Qualified names of functions that invalidate every borrow into their
  /// object (methods) or first argument (free functions), like
  /// `std::vector::push_back` does.
  std::vector<std::string> InvalidatingFunctions;

  /// A function whose CFG has more blocks than this is not analysed: the
  /// analysis stays near-linear and never reports a half-computed finding.
  unsigned MaxBlocksPerFunction = 20000;

  /// Compute every part of every summary, even those no enabled rule needs
  /// here: another translation unit will read them (ExportSummaries).
  bool CompleteSummaries = false;

  /// Summaries across translation units (docs/summaries.md): a merged
  /// summary file to read, a directory to write this translation unit's to.
  std::string SummaryFile;
  std::string ExportSummaries;

  /// How borrow-missing-lifetimebound spells the attribute: a macro of the
  /// project (ABSL_ATTRIBUTE_LIFETIME_BOUND), or [[clang::lifetimebound]].
  std::string LifetimeboundMacro;
};

/// True if \p F's qualified name is in \p Names (an option's list, where a
/// leading `::` is optional).
bool isListed(const clang::FunctionDecl *F,
              const std::vector<std::string> &Names);

} // namespace borrow

#endif // BORROW_CONFIG_H
