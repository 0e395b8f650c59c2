//===- Fact.cpp -----------------------------------------------------------===//

#include "borrow/Fact.h"
#include <cassert>

namespace borrow {

std::string describe(const Fact &F, const PlaceTable &Places) {
  std::string Name;
  switch (F.K) {
  case Fact::Kind::Move:
    Name = F.Maybe ? "MaybeMove" : "Move";
    break;
  case Fact::Kind::Reinit:
    Name = "Reinit";
    break;
  case Fact::Kind::ReinitParts:
    Name = "ReinitParts";
    break;
  case Fact::Kind::NotNull:
    Name = "NotNull";
    break;
  case Fact::Kind::Issue:
  case Fact::Kind::Flow: {
    // `Set` replaces the origin's loans, `Flow` and `Issue` add to them; a
    // `?` marks a fact that holds on some paths only.
    std::string Src = F.K == Fact::Kind::Issue ? "L" + std::to_string(F.Loan)
                                               : "O" + std::to_string(F.Src);
    std::string Dst = "O" + std::to_string(F.Origin);
    std::string Maybe = F.Maybe ? "?" : "";
    if (F.Kill)
      return "Set" + Maybe + "(" + Dst + " <- " + Src + ")";
    if (F.K == Fact::Kind::Issue)
      return "Issue" + Maybe + "(" + Src + " -> " + Dst + ")";
    return "Flow" + Maybe + "(" + Dst + " <- " + Src + ")";
  }
  case Fact::Kind::Escape:
    return "Escape(O" + std::to_string(F.Origin) + ")";
  case Fact::Kind::Expire:
    Name = "Expire";
    break;
  case Fact::Kind::Invalidate: {
    static const char *const Scopes[] = {"None", "Iterators", "Contents",
                                         "Element", "Whole"};
    return "Invalidate" + std::string(Scopes[unsigned(F.Invalidates.Scope)]) +
           "(" + Places.describe(F.Place) + ")";
  }
  case Fact::Kind::MutableAlias:
    return "MutableAlias(" + Places.describe(F.Place) + ", " +
           Places.describe(F.Src) + ")";
  case Fact::Kind::Use:
    Name = F.Cancelled      ? "CancelledUse"
           : F.Unsequenced  ? "UnsequencedUse"
           : F.Dereferences ? "DerefUse"
                            : "Use";
    break;
  }
  return Name + "(" + Places.describe(F.Place) + ")";
}

FunctionFacts::FunctionFacts(unsigned NumBlocks, unsigned ExpectedFacts)
    : Blocks(NumBlocks) {
  All.reserve(ExpectedFacts);
}

Fact &FunctionFacts::append(Fact F) {
  ++ByKind[unsigned(F.K)];
  All.push_back(F);
  return All.back();
}

void FunctionFacts::startBlock(unsigned Block) {
  if (Block == Filling)
    return;
  assert(Blocks[Block].End == 0 && "a block's facts must be added together");
  Filling = Block;
  FillingEdges = false;
  Blocks[Block] = {numFacts(), numFacts()};
}

Fact &FunctionFacts::add(unsigned Block, Fact F) {
  startBlock(Block);
  assert(!FillingEdges && "a block's edge facts come after its own");
  Fact &Added = append(F);
  Blocks[Block].End = numFacts();
  return Added;
}

Fact &FunctionFacts::addEdge(unsigned Block, unsigned Succ, Fact F) {
  startBlock(Block);
  FillingEdges = true;
  std::pair<unsigned, unsigned> Key{Block, Succ};
  auto [It, New] = Edges.try_emplace(Key, Slice{numFacts(), numFacts()});
  assert((New || FillingEdge == Key) &&
         "the facts of one edge must be added together");
  (void)New;
  FillingEdge = Key;
  Fact &Added = append(F);
  It->second.End = numFacts();
  return Added;
}

llvm::ArrayRef<Fact> FunctionFacts::edge(unsigned Block, unsigned Succ) const {
  auto It = Edges.find({Block, Succ});
  if (It == Edges.end())
    return {};
  return slice(It->second);
}

const Reason *FunctionFacts::reason(const Reason &R) {
  if (!R.Via && !R.ViaSite && R.ViaSiteElsewhere.empty() && !R.ViaParam)
    return nullptr;
  return new (Reasons.Allocate()) Reason(R);
}

} // namespace borrow
