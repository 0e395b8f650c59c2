//===- UseAfterMove.h - borrow-use-after-move (Rust E0382) ------*- C++ -*-===//
//
// A use of a place while a move of it (or of a place containing it) may
// have happened without a reinitialisation since. Definite when the place is
// moved-from on every path to the use.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_RULES_USEAFTERMOVE_H
#define BORROW_RULES_USEAFTERMOVE_H

#include "borrow/Config.h"
#include "borrow/Dataflow.h"
#include "borrow/MoveAnalysis.h"
#include "llvm/ADT/DenseSet.h"
#include <vector>

namespace clang {
class ASTContext;
}

namespace borrow {

/// A visitor of every fact with the state before it
/// (ForwardDataflow::solveAndReplay); reports the first use after each
/// move, not every later one.
class UseAfterMoveRule {
public:
  UseAfterMoveRule(const MoveDomain &Moves, const PlaceTable &Places,
                   const Config &Cfg, const clang::ASTContext &Ctx)
      : Moves(Moves), Places(Places), Cfg(Cfg), Ctx(Ctx) {}
  void visit(const Fact &Use, const MoveDomain::State &S);

  std::vector<Finding> Findings;

private:
  const MoveDomain &Moves;
  const PlaceTable &Places;
  const Config &Cfg;
  const clang::ASTContext &Ctx;
  llvm::DenseSet<const Fact *> Reported;
};

} // namespace borrow

#endif // BORROW_RULES_USEAFTERMOVE_H
