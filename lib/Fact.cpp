//===- Fact.cpp -----------------------------------------------------------===//

#include "borrow/Fact.h"

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

Fact &FunctionFacts::add(unsigned Block, Fact F) {
  F.ID = NumFacts++;
  Fact *Stored = new (Storage.Allocate()) Fact(F);
  Blocks[Block].push_back(Stored);
  All.push_back(Stored);
  return *Stored;
}

const Reason *FunctionFacts::reason(const Reason &R) {
  if (!R.Via && !R.ViaSite && R.ViaSiteElsewhere.empty() && !R.ViaParam)
    return nullptr;
  return new (Reasons.Allocate()) Reason(R);
}

Fact &FunctionFacts::addEdge(unsigned Block, unsigned Succ, Fact F) {
  F.ID = NumFacts++;
  Fact *Stored = new (Storage.Allocate()) Fact(F);
  Edges[{Block, Succ}].push_back(Stored);
  All.push_back(Stored);
  return *Stored;
}

llvm::ArrayRef<Fact *> FunctionFacts::edge(unsigned Block,
                                           unsigned Succ) const {
  auto It = Edges.find({Block, Succ});
  if (It == Edges.end())
    return {};
  return It->second;
}

} // namespace borrow
