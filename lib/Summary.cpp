//===- Summary.cpp --------------------------------------------------------===//

#include "borrow/Summary.h"

namespace borrow {

const MovedPart *Summary::movedParam(unsigned Param) const {
  for (const MovedPart &M : Moves)
    if (M.Param == Param && M.Fields.empty())
      return &M;
  return nullptr;
}

const Summary *SummaryTable::lookup(const clang::FunctionDecl *F) const {
  F = F->getCanonicalDecl();
  auto It = Summaries.find(F);
  if (It != Summaries.end())
    return &It->second;
  if (!Import || F->getDefinition())
    return nullptr;
  auto [Known, Inserted] = Imported.try_emplace(F);
  if (Inserted)
    if (std::optional<Summary> S = Import(*F))
      Known->second = std::make_unique<Summary>(std::move(*S));
  return Known->second.get();
}

bool SummaryTable::update(const clang::FunctionDecl *F, Summary S) {
  auto [It, Inserted] = Summaries.try_emplace(F->getCanonicalDecl(), S);
  if (Inserted)
    return true;
  if (It->second == S)
    return false;
  It->second = std::move(S);
  return true;
}

void SummaryTable::erase(const clang::FunctionDecl *F) {
  Summaries.erase(F->getCanonicalDecl());
}

} // namespace borrow
