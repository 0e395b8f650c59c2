//===- MissingLifetimebound.h - borrow-missing-lifetimebound ----*- C++ -*-===//
//
// A function whose result borrows from a parameter (or from `*this`), by its
// Summary, but whose header declaration does not say so with
// [[clang::lifetimebound]]. With the attribute, clang's own -Wdangling warns
// every caller whose argument dies before the result, in every translation
// unit, with or without borrow-tidy: the attribute is the function's
// lifetime signature, like `fn get<'a>(s: &'a str) -> &'a str` in Rust.
//
// Only functions first declared in a header of the project are reported
// (a function only the main file declares has no other callers to protect),
// with a fix-it on that declaration.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_RULES_MISSINGLIFETIMEBOUND_H
#define BORROW_RULES_MISSINGLIFETIMEBOUND_H

#include "borrow/Config.h"
#include "borrow/Finding.h"
#include "borrow/Summary.h"
#include <vector>

namespace borrow {

/// Reports the parameters (and `*this`) that the definition \p Def's
/// result borrows from, by its summary \p S, and that are not marked.
void checkMissingLifetimebound(const clang::FunctionDecl &Def, const Summary &S,
                               const Config &Cfg, std::vector<Finding> &Out);

} // namespace borrow

#endif // BORROW_RULES_MISSINGLIFETIMEBOUND_H
