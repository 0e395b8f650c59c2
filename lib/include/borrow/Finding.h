//===- Finding.h - What a rule reports --------------------------*- C++ -*-===//
//
// A Finding is a rule violation in a form any front end can print: the
// primary location and message, plus notes (moved here, borrowed here,
// invalidated here, later used here). It carries no clang-tidy types.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_FINDING_H
#define BORROW_FINDING_H

#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <string>

namespace borrow {

enum class Rule : unsigned char {
  UseAfterMove,
  DanglingReturn,
  DanglingReference,
  ConflictingBorrow,
  MissingLifetimebound,
};
constexpr unsigned NumRules = 5;

/// The check name of \p R without the `borrow-` prefix.
llvm::StringRef ruleName(Rule R);

/// A small set of rules.
class RuleSet {
public:
  RuleSet() = default;
  static RuleSet all() { return RuleSet((1u << NumRules) - 1); }
  RuleSet &add(Rule R) {
    Bits |= bit(R);
    return *this;
  }
  bool contains(Rule R) const { return Bits & bit(R); }
  bool empty() const { return Bits == 0; }
  bool operator==(const RuleSet &O) const { return Bits == O.Bits; }

private:
  explicit RuleSet(unsigned Bits) : Bits(Bits) {}
  static unsigned bit(Rule R) { return 1u << static_cast<unsigned>(R); }
  unsigned Bits = 0;
};

/// Definite: the bug happens on every path to the location. Maybe: on some.
enum class Confidence : unsigned char { Definite, Maybe };

struct Note {
  clang::SourceLocation Loc;
  std::string Message;
};

/// A suggested edit: insert Text at Loc.
struct Insertion {
  clang::SourceLocation Loc;
  std::string Text;
};

struct Finding {
  Rule R;
  Confidence Certainty;
  clang::SourceLocation Loc;
  clang::SourceRange Range;
  std::string Message;
  llvm::SmallVector<Note, 3> Notes;
  /// Applied by `clang-tidy --fix`.
  llvm::SmallVector<Insertion, 1> Fixes;

  /// Moves are noexcept (SmallVector's are not declared so), so that the
  /// vectors findings are collected in move them when they grow instead of
  /// copying every message.
  Finding() = default;
  Finding(const Finding &) = default;
  Finding &operator=(const Finding &) = default;
  Finding(Finding &&) noexcept = default;
  Finding &operator=(Finding &&) noexcept = default;
};

} // namespace borrow

#endif // BORROW_FINDING_H
