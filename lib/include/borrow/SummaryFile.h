//===- SummaryFile.h - Summaries shared across translation units -*- C++
//-*-===//
//
// The portable form of summaries: what one translation unit learnt about the
// functions it defines, in a form another translation unit (another process,
// another machine) can use. Nothing here refers to an AST: a function is
// named by its USR, a field by its name, a place in a body by
// "file:line:col". SummaryExchange translates between this and Summary.
//
// Files merge. A function's entry is either one summary or a conflict (the
// translation units that defined it disagreed), and merging is a
// semilattice: equal meanings stay, different meanings become a conflict,
// and a conflict stays one. So merging is associative, commutative and
// idempotent, and its output does not depend on the order of its inputs.
// The format is documented in docs/summaries.md.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_SUMMARYFILE_H
#define BORROW_SUMMARYFILE_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace borrow {

/// A part of a parameter (or of `*this`) and what a summary says about it.
/// The properties are generic so that a list added to Summary needs no new
/// code here: `"effect": "always"` is a trait, `"contents": true` a flag.
struct PortablePart {
  static constexpr unsigned ThisParam = ~0u;
  unsigned Param = 0;
  /// Field names from the parameter's type down (`#3` for an unnamed field,
  /// by its index).
  std::vector<std::string> Fields;
  std::map<std::string, std::string> Traits;
  /// The properties that hold; the others do not.
  std::vector<std::string> Flags;
  /// Where in the function it happens, "file:line:col", for notes. Not part
  /// of the meaning: a merge keeps the smallest.
  std::string At;

  /// Equal in everything but At.
  bool sameMeaning(const PortablePart &O) const;
};

struct PortableSummary {
  /// The function's qualified name, for people reading the file and notes.
  std::string Name;
  /// The translation units that defined the function disagreed: callers
  /// use the defaults, as if no file had mentioned it.
  bool Conflict = false;
  /// The summary's lists by name ("moves", "resultBorrows", ...). Empty
  /// lists are left out, parts are sorted.
  std::map<std::string, std::vector<PortablePart>> Lists;

  /// Sorts the parts and drops empty lists and repeated parts.
  void normalize();
  bool sameMeaning(const PortableSummary &O) const;
};

class SummaryFile {
public:
  /// Written into every file; a reader refuses other versions. Bump it when
  /// a reader that ignores a new key would misread the file (adding a list
  /// whose absence means "nothing" needs no bump).
  static constexpr unsigned Version = 1;

  /// Adds the summary of the function \p USR, merging with what is there.
  void add(llvm::StringRef USR, PortableSummary S);
  /// Adds every function of \p Other.
  void merge(const SummaryFile &Other);
  const PortableSummary *lookup(llvm::StringRef USR) const
      [[clang::lifetimebound]];

  unsigned size() const { return Functions.size(); }
  unsigned conflicts() const;
  auto begin() const { return Functions.begin(); }
  auto end() const { return Functions.end(); }

  /// The JSON text, the same bytes for the same content.
  std::string toJSON() const;
  static llvm::Expected<SummaryFile> fromJSON(llvm::StringRef Text);

  static llvm::Expected<SummaryFile> read(llvm::StringRef Path);
  /// Reads \p Path once per process (again if it changed on disk): every
  /// translation unit of a clang-tidy run shares the merged file.
  static llvm::Expected<std::shared_ptr<const SummaryFile>>
  readShared(llvm::StringRef Path);
  /// Writes to a temporary file next to \p Path and renames it, so readers
  /// never see half a file; creates the directory if needed.
  llvm::Error write(llvm::StringRef Path) const;

  /// Where the translation unit of \p MainFile (an absolute path) writes
  /// its summaries in the export directory \p Dir: its stem and a hash of
  /// the path, so that every translation unit has a file of its own.
  static std::string exportPath(llvm::StringRef Dir, llvm::StringRef MainFile);

private:
  std::map<std::string, PortableSummary, std::less<>> Functions;
};

/// The merge of two entries for one function (see the file comment).
PortableSummary mergeSummaries(const PortableSummary &A,
                               const PortableSummary &B);

} // namespace borrow

#endif // BORROW_SUMMARYFILE_H
