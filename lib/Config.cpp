//===- Config.cpp ---------------------------------------------------------===//

#include "borrow/Config.h"
#include "clang/AST/Decl.h"

namespace borrow {

bool isListed(const clang::FunctionDecl *F,
              const std::vector<std::string> &Names) {
  if (Names.empty() || !F)
    return false;
  std::string Name = F->getQualifiedNameAsString();
  for (const std::string &Listed : Names) {
    llvm::StringRef L(Listed);
    L.consume_front("::");
    if (L == Name)
      return true;
  }
  return false;
}

} // namespace borrow
