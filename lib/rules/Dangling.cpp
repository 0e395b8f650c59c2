//===- Dangling.cpp -------------------------------------------------------===//

#include "borrow/rules/Dangling.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace borrow {

static std::string quote(const std::string &S) { return "'" + S + "'"; }

// "local variable 'x'", "parameter 's'", "a temporary".
static std::string storageName(const PlaceTable &Places, PlaceID Root) {
  const Place &R = Places.get(Root);
  if (R.K == Place::Kind::Temporary)
    return "a temporary";
  std::string Name = quote(Places.describe(Root));
  return isa<ParmVarDecl>(R.Decl) ? "parameter " + Name
                                  : "local variable " + Name;
}

// Where a storage root dies, for the "destroyed" note of a return.
static Note destroyedOnReturn(const PlaceTable &Places, PlaceID Root) {
  const Place &R = Places.get(Root);
  if (R.K == Place::Kind::Temporary)
    return {R.Temporary->getEndLoc(),
            "the temporary is destroyed at the end of the full-expression"};
  return {R.Decl->getLocation(), quote(Places.describe(Root)) +
                                     " is destroyed when the function returns"};
}

static std::string returnedKind(const Expr *Value, bool Reference,
                                bool Contents, const std::string &What) {
  QualType T = Value->getType();
  if (Reference)
    return std::string("returning a reference ") +
           (Contents ? "into " : "to ") + What;
  if (T->isPointerType())
    return std::string("returning a pointer ") + (Contents ? "into " : "to ") +
           What;
  if (const auto *R = T->getAsCXXRecordDecl(); R && R->isLambda())
    return "returning a lambda that captures " + What + " by reference";
  return "returning a value that borrows " + What;
}

void checkDanglingReturn(const ForwardDataflow<LoanDomain> &Solution,
                         LoanDomain &Loans, const PlaceTable &Places,
                         const ASTContext &Ctx, std::vector<Finding> &Out) {
  const BorrowModel &Model = Loans.model();
  auto AddBorrowedHere = [&](Finding &F, LoanID L) {
    const Stmt *Site = Model.Loans.get(L).Site;
    if (Site->getBeginLoc() != F.Loc)
      F.Notes.push_back({Site->getBeginLoc(), "borrowed here"});
  };

  Solution.replayFactsOf(Fact::Kind::Escape, [&](const Fact &Escape,
                                                 const LoanDomain::State &S) {
    const auto *Value = cast<Expr>(Escape.Site);
    llvm::DenseSet<PlaceID> Seen;
    LoanDomain::LoanSet Must = Loans.mustHold(S, Escape.Origin);
    for (LoanDomain::Entry Entry : Loans.mayHold(S, Escape.Origin)) {
      LoanID L = LoanDomain::loanOf(Entry);
      if (!Loans.isLocal(L) || !Seen.insert(Loans.storageRoot(L)).second)
        continue;
      PlaceID Root = Loans.storageRoot(L);
      bool Definite = LoanDomain::containsLoan(Must, L);
      Finding F;
      F.R = Rule::DanglingReturn;
      F.Certainty = Definite ? Confidence::Definite : Confidence::Maybe;
      F.Loc = Value->getBeginLoc();
      F.Range = Value->getSourceRange();
      F.Message =
          returnedKind(Value, Model.ReturnsReference.lookup(Value),
                       Model.Loans.get(L).Contents, storageName(Places, Root));
      if (!Definite)
        F.Message += " on some paths";
      AddBorrowedHere(F, L);
      F.Notes.push_back(destroyedOnReturn(Places, Root));
      Out.push_back(std::move(F));
    }
  });

  // Stores into what outlives the call: `*this`, out-parameters, globals.
  // Only what is still stored there on every path out: code that points a
  // member at a local and unhooks it on some paths (another thread may on
  // the others) is a pattern, not a bug we can prove.
  const std::optional<LoanDomain::State> &Exit = Solution.exitState();
  if (!Exit)
    return;
  for (OriginID O : Model.OutlivingOrigins) {
    llvm::DenseSet<PlaceID> Seen;
    for (LoanDomain::Entry Entry : Loans.mustHold(*Exit, O)) {
      LoanID L = LoanDomain::loanOf(Entry);
      if (!Loans.isLocal(L) || !Seen.insert(Loans.storageRoot(L)).second)
        continue;
      PlaceID Root = Loans.storageRoot(L);
      PlaceID Holder = *Model.Origins.placeOf(O);
      const Stmt *Site = Model.Loans.get(L).Site;
      Finding F;
      F.R = Rule::DanglingReturn;
      F.Certainty = Confidence::Definite;
      F.Loc = Site->getBeginLoc();
      F.Range = Site->getSourceRange();
      F.Message = "a borrow of " + storageName(Places, Root) +
                  " is stored in " + quote(Places.describe(Holder)) +
                  ", which outlives the function";
      F.Notes.push_back(destroyedOnReturn(Places, Root));
      Out.push_back(std::move(F));
    }
  }
  (void)Ctx;
}

// The end of the scope or full-expression an Expire fact stands for.
static Note destroyedHere(const Fact &Expire) {
  if (Expire.EndOfFullExpression) {
    SourceLocation End = Expire.Site->getEndLoc();
    // The hidden `__range` declaration of a range-for: its initialiser.
    if (const auto *DS = dyn_cast<DeclStmt>(Expire.Site);
        DS && DS->isSingleDecl() && DS->getSingleDecl()->isImplicit())
      if (const auto *V = dyn_cast<VarDecl>(DS->getSingleDecl());
          V && V->getInit())
        End = V->getInit()->getEndLoc();
    return {End, "destroyed here (end of full-expression)"};
  }
  if (const auto *Scope = dyn_cast<CompoundStmt>(Expire.Site))
    return {Scope->getRBracLoc(), "destroyed here (end of scope)"};
  return {Expire.Site->getBeginLoc(), "destroyed here (end of scope)"};
}

DanglingReferenceRule::DanglingReferenceRule(LoanDomain &Loans,
                                             const FunctionFacts &Facts,
                                             const PlaceTable &Places)
    : Loans(Loans), Places(Places) {
  for (unsigned ID = 0, N = Facts.numFacts(); ID < N; ++ID) {
    const Fact &F = Facts.byID(ID);
    if (F.K == Fact::Kind::Expire)
      Destroyed.try_emplace(F.Place, &F);
  }
}

void DanglingReferenceRule::report(LoanID L, OriginID Holder, bool Definite,
                                   const Fact *Expire) {
  const BorrowModel &Model = Loans.model();
  const Loan &Lo = Model.Loans.get(L);
  PlaceID Root = Loans.storageRoot(L);
  std::string Borrower = describeHolder(Model, Places, Holder);
  Finding F;
  F.R = Rule::DanglingReference;
  F.Certainty = Definite ? Confidence::Definite : Confidence::Maybe;
  F.Loc = Lo.Site->getBeginLoc();
  F.Range = Lo.Site->getSourceRange();
  if (Places.get(Root).K == Place::Kind::Temporary) {
    F.Message = Definite ? "temporary destroyed while still borrowed"
                         : "temporary may be destroyed while still borrowed";
    if (!Borrower.empty())
      F.Message += " by " + Borrower;
  } else {
    F.Message =
        quote(Places.describe(Root)) +
        (Definite ? " does not live long enough" : " may not live long enough");
    if (!Borrower.empty())
      F.Message += ": " + Borrower + " still refers to it";
  }
  if (Expire)
    F.Notes.push_back(destroyedHere(*Expire));
  FindingOf[L] = Findings.size();
  Findings.push_back(std::move(F));
}

void DanglingReferenceRule::visit(const Fact &F, const LoanDomain::State &S) {
  const BorrowModel &Model = Loans.model();
  if (F.K == Fact::Kind::Expire && F.EndOfFullExpression) {
    // A variable left holding a borrow of a dying temporary.
    for (OriginID O : Loans.holdersOf(F.Place)) {
      if (!Model.Origins.placeOf(O) && !Model.Origins.referentOf(O))
        continue;
      for (LoanDomain::Entry E : Loans.mayHold(S, O)) {
        LoanID L = LoanDomain::loanOf(E);
        if (!LoanDomain::isDead(E) && Loans.isLocal(E) &&
            Loans.storageRoot(E) == F.Place && !FindingOf.count(L))
          report(L, O, Loans.mustHold(S, O).contains(E), &F);
      }
    }
    return;
  }
  if (F.K != Fact::Kind::Use || F.Cancelled)
    return;
  for (OriginID O : Loans.originsUsedBy(F)) {
    for (LoanDomain::Entry Entry : Loans.mayHold(S, O)) {
      if (!LoanDomain::isDead(Entry) || !Loans.isLocal(Entry))
        continue;
      LoanID L = LoanDomain::loanOf(Entry);
      if (!FindingOf.count(L))
        report(L, O, Loans.mustHold(S, O).contains(Entry),
               Destroyed.lookup(Loans.storageRoot(L)));
      if (HasLaterUse.insert(L).second)
        Findings[FindingOf[L]].Notes.push_back(
            {F.Site->getBeginLoc(), "later used here"});
    }
  }
}

} // namespace borrow
