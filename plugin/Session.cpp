//===- Session.cpp --------------------------------------------------------===//

#include "Session.h"
#include "borrow/SummaryFile.h"
#include "borrow/TranslationUnitAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"

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

// The absolute path of the main file, as the compiler saw it: the working
// directory is the compile command's, not this process's.
static std::string mainFilePath(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return "";
  llvm::SmallString<256> Path(Main->getName());
  SM.getFileManager().makeAbsolutePath(Path);
  llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
  return std::string(Path);
}

const std::vector<::borrow::Finding> &Session::findings() {
  std::lock_guard<std::mutex> Guard(Lock);
  if (Ran)
    return Findings;
  Ran = true;
  Cfg.CompleteSummaries = !Cfg.ExportSummaries.empty();
  ::borrow::TranslationUnitAnalysis Analysis(Ctx, Cfg);
  std::shared_ptr<const ::borrow::SummaryFile> Imported;
  if (!Cfg.SummaryFile.empty()) {
    auto File = ::borrow::SummaryFile::readShared(Cfg.SummaryFile);
    if (File) {
      Imported = std::move(*File);
      Analysis.importSummaries(*Imported);
    } else {
      Problems.push_back("borrow-tidy.SummaryFile: " +
                         llvm::toString(File.takeError()));
    }
  }
  Analysis.run();
  if (Cfg.Debug)
    Analysis.printDebugReport(llvm::errs());
  Findings = Analysis.findings();
  if (!Cfg.ExportSummaries.empty()) {
    std::string Main = mainFilePath(Ctx);
    if (llvm::Error E = Analysis.exportSummaries().write(
            ::borrow::SummaryFile::exportPath(Cfg.ExportSummaries, Main)))
      Problems.push_back("borrow-tidy.ExportSummaries: " +
                         llvm::toString(std::move(E)));
  }
  return Findings;
}

std::vector<std::string> Session::takeProblems() {
  std::lock_guard<std::mutex> Guard(Lock);
  std::vector<std::string> Taken;
  Taken.swap(Problems);
  return Taken;
}

} // namespace clang::tidy::borrow
