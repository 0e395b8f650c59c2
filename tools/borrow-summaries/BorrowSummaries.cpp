//===- BorrowSummaries.cpp - Merges per-TU summary files ------------------===//
//
// borrow-summaries [-o OUT] INPUT...
//
// Merges the summary files that pass 1 wrote (one per translation unit, see
// the borrow-tidy.ExportSummaries option) into the one file pass 2 reads
// (borrow-tidy.SummaryFile). An input is a file or a directory, whose *.json
// files are all read. The merge is associative and commutative: merging
// merged files gives the same bytes as merging their inputs at once, in any
// order. docs/summaries.md describes the format and the recipe.
//
//===----------------------------------------------------------------------===//

#include "borrow/SummaryFile.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <string>
#include <vector>

using namespace llvm;

static cl::OptionCategory Category("borrow-summaries options");
static cl::list<std::string> Inputs(cl::Positional, cl::OneOrMore,
                                    cl::desc("<summary file or directory>..."),
                                    cl::cat(Category));
static cl::opt<std::string> Output("o", cl::init("-"),
                                   cl::desc("Output file (default: stdout)"),
                                   cl::value_desc("file"), cl::cat(Category));
static cl::opt<bool> Counts("counts",
                            cl::desc("Print what was merged to stderr"),
                            cl::cat(Category));

// The files an input names: itself, or the *.json files of a directory
// (not the temporary files of a writer still at work).
static Error expand(StringRef Input, std::vector<std::string> &Files) {
  if (!sys::fs::is_directory(Input)) {
    Files.push_back(Input.str());
    return Error::success();
  }
  std::error_code EC;
  std::vector<std::string> Found;
  for (sys::fs::directory_iterator It(Input, EC), End; It != End && !EC;
       It.increment(EC))
    if (sys::path::extension(It->path()) == ".json" &&
        !sys::fs::is_directory(It->path()))
      Found.push_back(It->path());
  if (EC)
    return createStringError(EC, "cannot list " + Input + ": " + EC.message());
  llvm::sort(Found);
  Files.insert(Files.end(), Found.begin(), Found.end());
  return Error::success();
}

int main(int argc, char **argv) {
  InitLLVM Init(argc, argv);
  cl::HideUnrelatedOptions(Category);
  cl::ParseCommandLineOptions(argc, argv,
                              "Merges borrow-tidy summary files (one per "
                              "translation unit) into one.\n");
  auto Fail = [](Error E) {
    WithColor::error(errs(), "borrow-summaries")
        << toString(std::move(E)) << "\n";
    return 1;
  };

  std::vector<std::string> Files;
  for (const std::string &Input : Inputs)
    if (Error E = expand(Input, Files))
      return Fail(std::move(E));
  borrow::SummaryFile Merged;
  for (const std::string &File : Files) {
    Expected<borrow::SummaryFile> Read = borrow::SummaryFile::read(File);
    if (!Read)
      return Fail(Read.takeError());
    Merged.merge(*Read);
  }
  if (Error E = Output == "-" ? (outs() << Merged.toJSON(), Error::success())
                              : Merged.write(Output))
    return Fail(std::move(E));
  if (Counts)
    errs() << "borrow-summaries: " << Files.size() << " files, "
           << Merged.size() << " functions, " << Merged.conflicts()
           << " conflicts\n";
  return 0;
}
