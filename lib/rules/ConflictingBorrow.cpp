//===- ConflictingBorrow.cpp ----------------------------------------------===//

#include "borrow/rules/ConflictingBorrow.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"

using namespace clang;

namespace borrow {

static std::string quote(const std::string &S) { return "'" + S + "'"; }

// What a mutation does, as a subject and a verb: {"'push_back'", "may
// reallocate"}, {"", "is deleted"}.
struct Action {
  std::string Actor;
  std::string Verb;
};
static Action whatHappens(const Fact &Mutation) {
  if (Mutation.K == Fact::Kind::Move)
    return {"", "is moved"};
  const Invalidation &I = Mutation.Invalidates;
  const FunctionDecl *Via = Mutation.via();
  if (!Via) // `delete p`, an assignment or increment in Mode Rust
    return {"",
            isa<CXXDeleteExpr>(Mutation.Site) ? "is deleted" : "is assigned"};
  if (isa<CXXConstructorDecl>(Via))
    return {"", "is moved"};
  if (const auto *M = dyn_cast<CXXMethodDecl>(Via);
      M && (M->isCopyAssignmentOperator() || M->isMoveAssignmentOperator()))
    return {"", "is assigned"};
  std::string Name = quote(Via->getNameAsString());
  if (I.Scope == InvalidationScope::Whole)
    return {Name, "mutates"};
  if (I.Grows && I.Rehashes)
    return {Name, "may rehash"};
  if (I.Grows && I.Scope == InvalidationScope::Contents)
    return {Name, "may reallocate"};
  return {Name, "invalidates"};
}

// "'first' borrows 'v', which 'push_back' may reallocate"; for the hidden
// iterators of a range-for: "'push_back' may reallocate 'v' while the
// range-for loop iterates over it".
static std::string message(const std::string &Holder, bool RangeFor,
                           const std::string &Borrowed, const Action &A) {
  if (RangeFor)
    return A.Actor.empty() ? Borrowed + " " + A.Verb +
                                 " while the range-for loop iterates over it"
                           : A.Actor + " " + A.Verb + " " + Borrowed +
                                 " while the range-for loop iterates over it";
  std::string Subject = Holder.empty() ? "a borrow" : Holder;
  if (A.Actor.empty())
    return Subject + " borrows " + Borrowed + ", which " + A.Verb + " here";
  return Subject + " borrows " + Borrowed + ", which " + A.Actor + " " + A.Verb;
}

// The "why" of a mutation inside a callee: where it calls what does it.
static std::optional<Note> insideCallee(const Fact &Mutation) {
  // Summarised in another translation unit: say where, at the call.
  if (!Mutation.viaSite() && Mutation.via() &&
      !Mutation.viaSiteElsewhere().empty()) {
    Action A = whatHappens(Mutation);
    std::string Text =
        A.Actor + " " + A.Verb + " it (in another translation unit";
    if (Mutation.viaSiteElsewhere() != "?")
      Text += ", at " + Mutation.viaSiteElsewhere().str();
    return Note{Mutation.Site->getBeginLoc(), Text + ")"};
  }
  // An implicit function has no body to point into.
  if (!Mutation.viaSite() || !Mutation.via() || Mutation.via()->isImplicit())
    return std::nullopt;
  // "'add' may reallocate it through this call to 'push_back'" (which may
  // be inside a deeper callee of 'add').
  Action A = whatHappens(Mutation);
  std::string Text = A.Actor + " " + A.Verb + " it";
  if (const auto *Call = dyn_cast<CallExpr>(Mutation.viaSite()))
    if (const FunctionDecl *F = Call->getDirectCallee())
      Text += " through this call to " + quote(F->getNameAsString());
  return Note{Mutation.viaSite()->getBeginLoc(), Text};
}

// Where a loan is taken, for the "borrow occurs here" note. The hidden
// iterators of a range-for borrow at the range expression.
static SourceLocation borrowLocation(const Loan &L) {
  if (const auto *Ref = dyn_cast<DeclRefExpr>(L.Site))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl());
        V && V->isImplicit() && V->getInit())
      return V->getInit()->getBeginLoc();
  return L.Site->getBeginLoc();
}

void ConflictingBorrowRule::visit(const Fact &F, const LoanDomain::State &S) {
  if (F.K != Fact::Kind::Use || F.Cancelled)
    return;
  const BorrowModel &Model = Loans.model();
  for (OriginID O : Loans.originsUsedBy(F)) {
    LoanDomain::LoanSet Must = Loans.mustHold(S, O);
    for (LoanDomain::Entry E : Loans.mayHold(S, O)) {
      std::optional<unsigned> By = LoanDomain::invalidatedBy(E);
      if (!By)
        continue;
      LoanID L = LoanDomain::loanOf(E);
      if (!Reported.insert({*By, L}).second)
        continue;
      const Fact &Mutation = Facts.byID(*By);
      const Loan &Lo = Model.Loans.get(L);
      std::string Borrowed = quote(Places.describe(Lo.Target));
      std::string Holder = describeHolder(Model, Places, O);
      Finding Fi;
      Fi.R = Rule::ConflictingBorrow;
      Fi.Certainty =
          Must.contains(E) ? Confidence::Definite : Confidence::Maybe;
      Fi.Loc = Mutation.Site->getBeginLoc();
      Fi.Range = Mutation.Site->getSourceRange();
      Fi.Message = message(Holder, heldByRangeFor(Model, Places, O), Borrowed,
                           whatHappens(Mutation));
      SourceLocation BorrowLoc = borrowLocation(Lo);
      if (BorrowLoc != Fi.Loc)
        Fi.Notes.push_back(
            {BorrowLoc, "borrow of " + Borrowed + " occurs here"});
      if (std::optional<Note> Why = insideCallee(Mutation))
        Fi.Notes.push_back(*Why);
      // The loop's own iterators are used by the next iteration, at the
      // range: the borrow note already points there.
      if (F.Site->getBeginLoc() != Lo.Site->getBeginLoc())
        Fi.Notes.push_back({F.Site->getBeginLoc(), "borrow later used here"});
      Findings.push_back(std::move(Fi));
    }
  }
}

void checkMutableAliases(const FunctionFacts &Facts, const PlaceTable &Places,
                         std::vector<Finding> &Out) {
  if (!Facts.count(Fact::Kind::MutableAlias))
    return;
  for (unsigned ID = 0, N = Facts.numFacts(); ID < N; ++ID) {
    const Fact &F = Facts.byID(ID);
    if (F.K != Fact::Kind::MutableAlias)
      continue;
    Finding Fi;
    Fi.R = Rule::ConflictingBorrow;
    Fi.Certainty = Confidence::Definite;
    Fi.Loc = F.Site->getBeginLoc();
    Fi.Range = F.Site->getSourceRange();
    std::string A = quote(Places.describe(F.Place));
    std::string B = quote(Places.describe(F.Src));
    std::string Call = quote(F.via()->getNameAsString());
    Fi.Message = F.Place == F.Src
                     ? A + " is borrowed mutably twice by the call to " + Call
                     : A + " and " + B +
                           " overlap and are both borrowed mutably by the "
                           "call to " +
                           Call;
    Fi.Notes.push_back(
        {F.viaSite()->getBeginLoc(), "first mutable borrow occurs here"});
    Out.push_back(std::move(Fi));
  }
}

} // namespace borrow
