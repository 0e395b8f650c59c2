//===- MoveAnalysis.h - Which places are moved-from where -------*- C++ -*-===//
//
// The dataflow domain behind use-after-move and the move summaries: at each
// point, which Move facts may have happened without a reinitialisation of
// their place since (a bit per Move fact, joined by union), and which places
// are moved-from on every path (a bit per place, joined by intersection).
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_MOVEANALYSIS_H
#define BORROW_MOVEANALYSIS_H

#include "borrow/Fact.h"
#include "borrow/Summary.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/DenseMap.h"
#include <vector>

namespace borrow {

class MoveDomain {
public:
  struct State {
    llvm::BitVector Reaching; ///< over the function's Move facts
    llvm::BitVector Definite; ///< over places
  };

  MoveDomain(const FunctionFacts &Facts, const PlaceTable &Places);

  bool hasMoves() const { return !Moves.empty(); }

  State initial() const;
  State join(const State &A, const State &B) const;
  bool equal(const State &A, const State &B) const;
  void transfer(State &S, const Fact &F) const;
  bool transferEdge(State &S, const Fact &F) const;

  /// The Move facts reaching \p S that moved \p Used or a place containing
  /// it, in fact order.
  llvm::SmallVector<const Fact *, 2> movesReaching(const State &S,
                                                   PlaceID Used) const;
  bool isDefinitelyMoved(const State &S, PlaceID P) const {
    return S.Definite.test(P);
  }

  /// What the caller of \p F sees: its reference parameters and `*this`
  /// (and their fields) that are moved-from when it returns normally.
  Summary summarize(const clang::FunctionDecl &F, const State &Exit) const;

private:
  void killAt(State &S, PlaceID P) const;
  void kill(State &S, PlaceID P, bool OnlyParts) const;

  const FunctionFacts &Facts;
  const PlaceTable &Places;
  /// The Move facts by bit: by place, then in fact order.
  std::vector<const Fact *> Moves;
  std::vector<unsigned> BitOfMove; ///< by fact ID
  // Indexes that keep each transfer proportional to the places it touches,
  // not to the number of moves in the function. The moves of one place have
  // consecutive bits [first, second) (empty for a place never moved):
  // forgetting or listing them costs a word per 64 moves, even for a place
  // moved thousands of times.
  std::vector<std::pair<unsigned, unsigned>> MovesAt; ///< by place
  llvm::DenseMap<PlaceID, llvm::SmallVector<PlaceID, 2>> MovedBelow;
};

} // namespace borrow

#endif // BORROW_MOVEANALYSIS_H
