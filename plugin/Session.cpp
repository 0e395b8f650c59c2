//===- Session.cpp --------------------------------------------------------===//

#include "Session.h"
#include "borrow/TranslationUnitAnalysis.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::borrow {

std::shared_ptr<Session> Session::of(ASTContext &Ctx) {
  static std::mutex RegistryLock;
  static llvm::DenseMap<ASTContext *, std::weak_ptr<Session>> Registry;
  std::lock_guard<std::mutex> Guard(RegistryLock);
  // Forget sessions whose translation unit is done.
  llvm::SmallVector<ASTContext *, 4> Expired;
  for (auto &Entry : Registry)
    if (Entry.second.expired())
      Expired.push_back(Entry.first);
  for (ASTContext *Old : Expired)
    Registry.erase(Old);
  std::weak_ptr<Session> &Slot = Registry[&Ctx];
  if (std::shared_ptr<Session> Existing = Slot.lock())
    return Existing;
  auto Created = std::make_shared<Session>(Ctx);
  Slot = Created;
  return Created;
}

void Session::enable(::borrow::Rule R,
                     llvm::function_ref<void(::borrow::Config &)> Configure) {
  std::lock_guard<std::mutex> Guard(Lock);
  Cfg.Rules.add(R);
  Configure(Cfg);
}

const std::vector<::borrow::Finding> &Session::findings() {
  std::lock_guard<std::mutex> Guard(Lock);
  if (!Ran) {
    Ran = true;
    ::borrow::TranslationUnitAnalysis Analysis(Ctx, Cfg);
    Analysis.run();
    Findings = Analysis.findings();
  }
  return Findings;
}

} // namespace clang::tidy::borrow
