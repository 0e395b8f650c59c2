//===- Finding.cpp --------------------------------------------------------===//

#include "borrow/Finding.h"

namespace borrow {

llvm::StringRef ruleName(Rule R) {
  switch (R) {
  case Rule::UseAfterMove:
    return "use-after-move";
  }
  return "unknown";
}

} // namespace borrow
