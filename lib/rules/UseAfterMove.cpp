//===- UseAfterMove.cpp ---------------------------------------------------===//

#include "borrow/rules/UseAfterMove.h"
#include "borrow/Models.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseSet.h"

using namespace clang;

namespace borrow {

static std::string quote(const std::string &S) { return "'" + S + "'"; }

static bool dereferences(const PlaceTable &Places, const Fact &Use,
                         PlaceID Moved) {
  return Use.Dereferences || Places.reachesThroughDeref(Moved, Use.Place);
}

static std::string message(const PlaceTable &Places, PlaceID Used,
                           PlaceID Moved, const Fact &Use, bool Definite) {
  if (isSmartPointer(Places.get(Moved).Type) &&
      dereferences(Places, Use, Moved))
    return quote(Places.describe(Moved)) + (Definite ? " is" : " may be") +
           " dereferenced after it was moved (it is null)";
  std::string Msg = quote(Places.describe(Used));
  Msg += Definite ? " used after " : " may be used after ";
  Msg += Used == Moved ? "it" : quote(Places.describe(Moved));
  Msg += " was moved";
  if (Use.Unsequenced)
    Msg += ": function arguments are evaluated in unspecified order";
  return Msg;
}

// Why a call moved: "inside 'consume', parameter 's' is moved here", or,
// when the callee was summarised in another translation unit, "... is moved
// (in another translation unit, at a.cpp:3:12)".
static std::string viaNote(const Fact &Move) {
  std::string What = "'*this'";
  if (Move.viaParam() != MovedPart::ThisParam &&
      Move.viaParam() < Move.via()->getNumParams())
    What = "parameter " +
           quote(Move.via()->getParamDecl(Move.viaParam())->getNameAsString());
  // An override is named with its class: the implementation a virtual call
  // may run.
  const auto *Method = dyn_cast<CXXMethodDecl>(Move.via());
  std::string Name = Method && Method->size_overridden_methods()
                         ? Move.via()->getQualifiedNameAsString()
                         : Move.via()->getNameAsString();
  std::string Note = "inside " + quote(Name) + ", " + What;
  if (Move.viaSite())
    return Note + " is moved here";
  Note += " is moved (in another translation unit";
  if (Move.viaSiteElsewhere() != "?")
    Note += ", at " + Move.viaSiteElsewhere().str();
  return Note + ")";
}

void UseAfterMoveRule::visit(const Fact &Use, const MoveDomain::State &S) {
  if (Use.K != Fact::Kind::Use || Use.Cancelled)
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  llvm::SmallVector<const Fact *, 2> Culprits;
  for (const Fact *Move : Moves.movesReaching(S, Use.Place)) {
    // A moved-from smart pointer is null: testing or resetting it is
    // fine, dereferencing it is not.
    if (!Cfg.StrictSmartPointers &&
        isSmartPointer(Places.get(Move->Place).Type) &&
        !dereferences(Places, Use, Move->Place))
      continue;
    Culprits.push_back(Move);
  }
  if (Culprits.empty() || llvm::all_of(Culprits, [&](const Fact *M) {
        return Reported.contains(M);
      }))
    return;
  Reported.insert(Culprits.begin(), Culprits.end());

  bool Definite = !Use.Unsequenced && llvm::any_of(Culprits, [&](auto *M) {
    return Moves.isDefinitelyMoved(S, M->Place);
  });
  Finding F;
  F.R = Rule::UseAfterMove;
  F.Certainty = Definite ? Confidence::Definite : Confidence::Maybe;
  F.Loc = Use.Site->getBeginLoc();
  F.Range = Use.Site->getSourceRange();
  F.Message =
      message(Places, Use.Place, Culprits.front()->Place, Use, Definite);
  llvm::sort(Culprits, [&](const Fact *A, const Fact *B) {
    return SM.isBeforeInTranslationUnit(A->Site->getBeginLoc(),
                                        B->Site->getBeginLoc());
  });
  for (const Fact *Move : Culprits) {
    SourceLocation At = Move->Site->getBeginLoc();
    // A move after the use in the source reached it around a loop.
    bool Earlier = !Use.Unsequenced && SM.isBeforeInTranslationUnit(F.Loc, At);
    F.Notes.push_back(
        {At, Earlier ? "moved here in a previous iteration" : "moved here"});
    if (Move->via() && Move->viaSite())
      F.Notes.push_back({Move->viaSite()->getBeginLoc(), viaNote(*Move)});
    else if (Move->via() && !Move->viaSiteElsewhere().empty())
      F.Notes.push_back({At, viaNote(*Move)});
  }
  if (Use.viaSite())
    F.Notes.push_back(
        {Use.viaSite()->getBeginLoc(), "used inside the lambda here"});
  Findings.push_back(std::move(F));
}

} // namespace borrow
