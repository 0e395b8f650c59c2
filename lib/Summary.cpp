//===- Summary.cpp --------------------------------------------------------===//

#include "borrow/Summary.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace borrow {

const MovedPart *Summary::movedParam(unsigned Param) const {
  for (const MovedPart &M : Moves)
    if (M.Param == Param && M.Fields.empty())
      return &M;
  return nullptr;
}

template <typename Part>
static void appendNew(llvm::SmallVectorImpl<Part> &Out,
                      llvm::ArrayRef<Part> Parts) {
  for (const Part &P : Parts)
    if (!llvm::is_contained(Out, P))
      Out.push_back(P);
}

Summary unionOf(llvm::ArrayRef<const Summary *> Implementations) {
  Summary Out;
  auto SamePart = [](const MovedPart &A, const MovedPart &B) {
    return A.Param == B.Param && A.Fields == B.Fields;
  };
  for (const Summary *S : Implementations) {
    for (const MovedPart &M : S->Moves) {
      auto It = llvm::find_if(
          Out.Moves, [&](const MovedPart &O) { return SamePart(O, M); });
      if (It == Out.Moves.end())
        Out.Moves.push_back(M);
      else if (M.Effect != MoveEffect::Always)
        It->Effect = MoveEffect::Maybe;
    }
    appendNew<BorrowedPart>(Out.ResultBorrows, S->ResultBorrows);
    appendNew<InvalidatedPart>(Out.Invalidates, S->Invalidates);
    appendNew<CapturedPart>(Out.Captures, S->Captures);
  }
  // A part some implementation leaves alone is moved on some calls only.
  for (MovedPart &M : Out.Moves)
    for (const Summary *S : Implementations)
      if (llvm::none_of(S->Moves,
                        [&](const MovedPart &O) { return SamePart(O, M); }))
        M.Effect = MoveEffect::Maybe;
  return Out;
}

bool dispatchesVirtually(const Expr *Call) {
  const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Call);
  if (!MC)
    return false;
  const auto *ME = dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens());
  const auto *Method = MC->getMethodDecl();
  if (!ME || !Method || !Method->isVirtual() || ME->hasQualifier())
    return false;
  return !Method->getDevirtualizedMethod(ME->getBase(),
                                         /*IsAppleKext=*/false);
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

const Summary *SummaryTable::lookupCall(const Expr *Call,
                                        const FunctionDecl *Callee) const {
  if (!Dispatch.empty() && dispatchesVirtually(Call))
    if (auto It = Dispatch.find(Callee->getCanonicalDecl());
        It != Dispatch.end())
      return &It->second;
  return lookup(Callee);
}

void SummaryTable::setDispatch(const FunctionDecl *Method, Summary S) {
  Dispatch.insert_or_assign(Method->getCanonicalDecl(), std::move(S));
}

bool SummaryTable::update(const clang::FunctionDecl *F, Summary S) {
  // try_emplace leaves S alone when the function already has a summary.
  auto [It, Inserted] =
      Summaries.try_emplace(F->getCanonicalDecl(), std::move(S));
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
