//===- SummaryOptions.cpp -------------------------------------------------===//

#include "SummaryOptions.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"

namespace clang::tidy::borrow {

static constexpr llvm::StringLiteral SummaryFileKey = "borrow-tidy.SummaryFile";
static constexpr llvm::StringLiteral ExportKey = "borrow-tidy.ExportSummaries";

static std::string global(ClangTidyContext &Context, llvm::StringRef Key) {
  // Counted as read, so that --verify-config knows the option.
  if (llvm::StringSet<> *Collector = Context.getOptionsCollector())
    Collector->insert(Key);
  const ClangTidyOptions::OptionMap &Opts = Context.getOptions().CheckOptions;
  auto It = Opts.find(Key);
  return It == Opts.end() ? "" : It->second.Value;
}

SummaryOptions SummaryOptions::read(ClangTidyContext &Context) {
  SummaryOptions O;
  O.SummaryFile = global(Context, SummaryFileKey);
  O.ExportSummaries = global(Context, ExportKey);
  return O;
}

void SummaryOptions::store(ClangTidyOptions::OptionMap &Opts) const {
  Opts[SummaryFileKey] = ClangTidyOptions::ClangTidyValue(SummaryFile);
  Opts[ExportKey] = ClangTidyOptions::ClangTidyValue(ExportSummaries);
}

void SummaryOptions::applyTo(::borrow::Config &Cfg) const {
  Cfg.SummaryFile = SummaryFile;
  Cfg.ExportSummaries = ExportSummaries;
}

} // namespace clang::tidy::borrow
