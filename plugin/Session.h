//===- Session.h - One analysis per translation unit ------------*- C++ -*-===//
//
// Every borrow-* check needs the same pipeline run over the same
// translation unit. The first check to ask runs it for all enabled rules;
// the others read the findings. Sessions are keyed by ASTContext and shared
// only while the checks of that translation unit hold them (clangd parses
// several files at once on different threads).
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_PLUGIN_SESSION_H
#define BORROW_PLUGIN_SESSION_H

#include "borrow/Config.h"
#include "borrow/Finding.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
}

namespace clang::tidy::borrow {

class Session {
public:
  /// The session of \p Ctx, created on first use.
  static std::shared_ptr<Session> of(ASTContext &Ctx);

  /// Turns on \p R and lets its check put its options into the config.
  /// Must happen before the first call to findings().
  void enable(::borrow::Rule R,
              llvm::function_ref<void(::borrow::Config &)> Configure);

  /// The findings of all enabled rules, computed on the first call; that
  /// call also reads and writes the summary files the config names.
  const std::vector<::borrow::Finding> &findings() [[clang::lifetimebound]];

  /// What went wrong with the summary files, once: later calls get none.
  std::vector<std::string> takeProblems();

  explicit Session(ASTContext &Ctx) : Ctx(Ctx) {}

private:
  ASTContext &Ctx;
  std::mutex Lock;
  ::borrow::Config Cfg;
  bool Ran = false;
  std::vector<::borrow::Finding> Findings;
  std::vector<std::string> Problems;
};

} // namespace clang::tidy::borrow

#endif // BORROW_PLUGIN_SESSION_H
