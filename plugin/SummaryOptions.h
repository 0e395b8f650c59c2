//===- SummaryOptions.h - Where summaries are shared ------------*- C++ -*-===//
//
// The options of summaries across translation units (docs/summaries.md).
// One analysis serves every borrow check of a translation unit, so these
// are not options of one check: they are global options with the
// `borrow-tidy.` prefix, which every borrow check reads alike.
//
//   CheckOptions:
//     borrow-tidy.ExportSummaries: /tmp/summaries   # pass 1: write here
//     borrow-tidy.SummaryFile: /tmp/merged.json     # pass 2: read this
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_PLUGIN_SUMMARYOPTIONS_H
#define BORROW_PLUGIN_SUMMARYOPTIONS_H

#include "borrow/Config.h"
#include "clang-tidy/ClangTidyOptions.h"
#include <string>

namespace clang::tidy {
class ClangTidyContext;
}

namespace clang::tidy::borrow {

struct SummaryOptions {
  std::string SummaryFile;
  std::string ExportSummaries;

  static SummaryOptions read(ClangTidyContext &Context);
  void store(ClangTidyOptions::OptionMap &Opts) const;
  void applyTo(::borrow::Config &Cfg) const;
};

} // namespace clang::tidy::borrow

#endif // BORROW_PLUGIN_SUMMARYOPTIONS_H
