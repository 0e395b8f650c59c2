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
#include <vector>

namespace clang {
class ASTContext;
}

namespace borrow {

void checkUseAfterMove(const ForwardDataflow<MoveDomain> &Solution,
                       const MoveDomain &Moves, const PlaceTable &Places,
                       const Config &Cfg, const clang::ASTContext &Ctx,
                       std::vector<Finding> &Out);

} // namespace borrow

#endif // BORROW_RULES_USEAFTERMOVE_H
