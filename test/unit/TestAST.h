//===- TestAST.h - Small ASTs for unit tests --------------------*- C++ -*-===//

#ifndef BORROW_TEST_TESTAST_H
#define BORROW_TEST_TESTAST_H

#include "borrow/Config.h"
#include "borrow/FunctionAnalysis.h"
#include "borrow/Summary.h"
#include "clang/Frontend/ASTUnit.h"
#include <memory>
#include <string>
#include <vector>

namespace borrow::test {

/// A few std declarations, enough for moves without real headers.
extern const char *MiniStd;

/// Parses \p Code (C++17 unless \p Args say otherwise) after MiniStd.
std::unique_ptr<clang::ASTUnit> parse(const std::string &Code,
                                      std::vector<std::string> Args = {});

/// The definition of the function named \p Name (the last one, so that a
/// test can declare helpers first).
const clang::FunctionDecl *function(clang::ASTUnit &AST,
                                    const std::string &Name);

/// A parsed snippet and the model (CFG, places, facts with loans) of its
/// function \p Name. Problem says why Model is null: "<the code does not
/// compile>", "<no function f>" or "<no model>".
struct ParsedModel {
  std::unique_ptr<clang::ASTUnit> AST;
  std::unique_ptr<FunctionModel> Model;
  std::string Problem;
};
ParsedModel modelOf(const std::string &Code, const std::string &Name = "f");

/// The facts of function \p Name, as describeFacts prints them; the borrow
/// facts only \p WithLoans.
std::string factsOf(const std::string &Code, const std::string &Name,
                    const SummaryTable &Summaries = {}, bool WithLoans = false);

/// Every rule on, default options.
Config defaultConfig();

/// The messages of all findings in \p Code, with their notes, one per line:
/// `5:3: 's' used after it was moved | 4:12: moved here`.
std::vector<std::string> findingsOf(const std::string &Code,
                                    Config Cfg = defaultConfig(),
                                    std::vector<std::string> Args = {});

} // namespace borrow::test

#endif // BORROW_TEST_TESTAST_H
