//===- Dataflow.h - The one forward dataflow solver -------------*- C++ -*-===//
//
// Every rule runs a forward analysis over the same per-block fact lists. A
// Domain supplies the lattice:
//
//   struct Domain {
//     using State = ...;
//     State initial();                       // at function entry
//     State join(const State &, const State &);
//     bool equal(const State &, const State &);
//     void transfer(State &, const Fact &);
//     // For facts on an edge; false if the edge cannot be taken.
//     bool transferEdge(State &, const Fact &);
//   };
//
// The solver visits blocks in reverse post-order with clang's worklist and
// stops at a fixed point, or gives up after a budget of block visits so that
// no function can make the analysis hang (the caller then reports nothing).
// Rules then replay the facts with the state before each; on a CFG without
// cycles (each block visited once, with its final entry state) they can see
// them during the solver's own pass instead (solveAndReplay).
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_DATAFLOW_H
#define BORROW_DATAFLOW_H

#include "borrow/Fact.h"
#include "clang/Analysis/Analyses/PostOrderCFGView.h"
#include "clang/Analysis/CFG.h"
#include "clang/Analysis/FlowSensitive/DataflowWorklist.h"
#include <optional>
#include <vector>

namespace borrow {

template <typename Domain> class ForwardDataflow {
public:
  using State = typename Domain::State;

  ForwardDataflow(const clang::CFG &Cfg, clang::PostOrderCFGView &Order,
                  const FunctionFacts &Facts, Domain &D)
      : Cfg(Cfg), Order(Order), Facts(Facts), D(D), In(Cfg.getNumBlockIDs()) {}

  /// Runs to a fixed point; false if it needed more than \p VisitsPerBlock
  /// visits per block on average.
  bool solve(unsigned VisitsPerBlock = 32) {
    return run(VisitsPerBlock, [](const Fact &, const State &) {});
  }

  /// solve(), then replay(\p Visit); in one pass when the CFG has no cycle.
  /// False if over budget (\p Visit may then have seen some facts: the
  /// caller must drop what it found).
  template <typename Fn>
  bool solveAndReplay(Fn Visit, unsigned VisitsPerBlock = 32) {
    if (!hasCycle())
      return run(VisitsPerBlock, Visit);
    if (!solve(VisitsPerBlock))
      return false;
    replay(Visit);
    return true;
  }

  /// Calls \p Visit(Fact, StateBeforeFact) for every fact of every reachable
  /// block, after solve().
  template <typename Fn> void replay(Fn Visit) const {
    for (const clang::CFGBlock *Block : Order) {
      llvm::ArrayRef<Fact> BlockFacts = Facts.block(Block->getBlockID());
      replayBlock(Block->getBlockID(), BlockFacts.size(), Visit);
    }
  }

  /// Calls \p Visit(Fact, StateBeforeFact) for every fact of kind \p K, after
  /// solve(). Cheaper than replay(): blocks without such a fact are skipped
  /// (their entry states are stored) and a block is replayed up to its last
  /// one only.
  template <typename Fn> void replayFactsOf(Fact::Kind K, Fn Visit) const {
    if (!Facts.count(K))
      return;
    for (const clang::CFGBlock *Block : Order) {
      llvm::ArrayRef<Fact> BlockFacts = Facts.block(Block->getBlockID());
      auto Last = llvm::find_if(llvm::reverse(BlockFacts),
                                [&](const Fact &F) { return F.K == K; });
      if (Last == BlockFacts.rend())
        continue;
      unsigned Prefix = BlockFacts.rend() - Last;
      replayBlock(Block->getBlockID(), Prefix,
                  [&](const Fact &F, const State &S) {
                    if (F.K == K)
                      Visit(F, S);
                  });
    }
  }

  /// The state when the function returns normally, if it can.
  const std::optional<State> &exitState() const {
    return In[Cfg.getExit().getBlockID()];
  }

private:
  // The fixed point; \p Visit sees each fact of each block visit.
  template <typename Fn> bool run(unsigned VisitsPerBlock, Fn &&Visit) {
    clang::ForwardDataflowWorklist Worklist(Cfg, &Order);
    const clang::CFGBlock &Entry = Cfg.getEntry();
    In[Entry.getBlockID()] = D.initial();
    Worklist.enqueueBlock(&Entry);
    unsigned Budget = VisitsPerBlock * Cfg.getNumBlockIDs();
    while (const clang::CFGBlock *Block = Worklist.dequeue()) {
      if (Budget-- == 0)
        return false;
      const std::optional<State> &Entry = In[Block->getBlockID()];
      if (!Entry) // only blocks with a computed entry state are enqueued
        continue;
      State S = *Entry;
      for (const Fact &F : Facts.block(Block->getBlockID())) {
        Visit(F, S);
        D.transfer(S, F);
      }
      // clang links blocks ending in a noreturn call to the exit block.
      if (Block->hasNoReturnElement())
        continue;
      unsigned Index = 0;
      for (const clang::CFGBlock *Succ : Block->succs()) {
        unsigned SuccIndex = Index++;
        if (!Succ)
          continue;
        llvm::ArrayRef<Fact> EdgeFacts =
            Facts.edge(Block->getBlockID(), SuccIndex);
        std::optional<State> Refined;
        bool Feasible = true;
        if (!EdgeFacts.empty()) {
          Refined = S;
          for (const Fact &F : EdgeFacts)
            Feasible &= D.transferEdge(*Refined, F);
        }
        if (!Feasible)
          continue;
        const State &Out = Refined ? *Refined : S;
        std::optional<State> &Old = In[Succ->getBlockID()];
        if (!Old) {
          Old = Out;
          Worklist.enqueueBlock(Succ);
          continue;
        }
        State Joined = D.join(*Old, Out);
        if (!D.equal(Joined, *Old)) {
          Old = std::move(Joined);
          Worklist.enqueueBlock(Succ);
        }
      }
    }
    return true;
  }

  // True if some edge between reachable blocks goes back in reverse
  // post-order: a loop (or a goto back).
  bool hasCycle() const {
    std::vector<unsigned> Position(Cfg.getNumBlockIDs(), ~0u);
    unsigned Next = 0;
    for (const clang::CFGBlock *Block : Order)
      Position[Block->getBlockID()] = Next++;
    for (const clang::CFGBlock *Block : Order)
      for (const clang::CFGBlock *Succ : Block->succs())
        if (Succ &&
            Position[Succ->getBlockID()] <= Position[Block->getBlockID()])
          return true;
    return false;
  }

  // Visits the first \p Prefix facts of block \p ID.
  template <typename Fn>
  void replayBlock(unsigned ID, unsigned Prefix, Fn &&Visit) const {
    const std::optional<State> &Entry = In[ID];
    if (!Entry)
      return;
    State S = *Entry;
    for (const Fact &F : Facts.block(ID).take_front(Prefix)) {
      Visit(F, S);
      D.transfer(S, F);
    }
  }

  const clang::CFG &Cfg;
  clang::PostOrderCFGView &Order;
  const FunctionFacts &Facts;
  Domain &D;
  std::vector<std::optional<State>> In;
};

} // namespace borrow

#endif // BORROW_DATAFLOW_H
