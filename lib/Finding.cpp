//===- Finding.cpp --------------------------------------------------------===//

#include "borrow/Finding.h"

namespace borrow {

llvm::StringRef ruleName(Rule R) {
  switch (R) {
  case Rule::UseAfterMove:
    return "use-after-move";
  case Rule::DanglingReturn:
    return "dangling-return";
  case Rule::DanglingReference:
    return "dangling-reference";
  case Rule::ConflictingBorrow:
    return "conflicting-borrow";
  case Rule::MissingLifetimebound:
    return "missing-lifetimebound";
  }
  return "unknown";
}

} // namespace borrow
