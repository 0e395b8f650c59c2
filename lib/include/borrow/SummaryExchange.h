//===- SummaryExchange.h - Summaries to and from their files ----*- C++ -*-===//
//
// Translates a Summary, which points into one translation unit's AST, to the
// PortableSummary of a SummaryFile and back: functions are keyed by USR,
// fields are named (and looked up by name in the callee's types on import),
// and the statements that explain a move become "file:line:col" strings.
//
// Adding a list to Summary: one loop in toPortable that turns each element
// into a PortablePart (exportPart does the parameter and the fields), one
// in fromPortable that reads it back (importPart resolves them), and a line
// in docs/summaries.md; Invalidates took 30 lines. SummaryFile, its merge
// and the merge tool need no change.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_SUMMARYEXCHANGE_H
#define BORROW_SUMMARYEXCHANGE_H

#include "borrow/Summary.h"
#include "borrow/SummaryFile.h"
#include "llvm/Support/StringSaver.h"
#include <optional>
#include <string>

namespace clang {
class SourceManager;
}

namespace borrow {

/// The key of \p F in summary files: its USR, or "" if clang has none.
std::string summaryKey(const clang::FunctionDecl &F);

/// True if the summary of the definition \p Def belongs in its translation
/// unit's export: externally visible, not inline, not an implicit template
/// instantiation (every translation unit that calls those sees their body),
/// not in a system header.
bool isExported(const clang::FunctionDecl &Def);

/// The portable form of \p S, the summary of the definition \p Def. Parts
/// whose field path would not name the same fields again are left out.
PortableSummary toPortable(const clang::FunctionDecl &Def, const Summary &S);

/// The summary of \p F (declared here, defined elsewhere) from \p P: parts
/// whose parameter or fields do not exist in \p F's types are dropped (fewer
/// moves and borrows are never a false positive). Null for a conflict.
/// Strings the summary points to are kept in \p Saver.
std::optional<Summary> fromPortable(const clang::FunctionDecl &F,
                                    const PortableSummary &P,
                                    llvm::UniqueStringSaver &Saver);

} // namespace borrow

#endif // BORROW_SUMMARYEXCHANGE_H
