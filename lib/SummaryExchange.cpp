//===- SummaryExchange.cpp ------------------------------------------------===//

#include "borrow/SummaryExchange.h"
#include "borrow/Models.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/StringExtras.h"

using namespace clang;

namespace borrow {

static constexpr llvm::StringLiteral MovesList = "moves";
static constexpr llvm::StringLiteral ResultBorrowsList = "resultBorrows";
static constexpr llvm::StringLiteral InvalidatesList = "invalidates";
static constexpr llvm::StringLiteral CapturesList = "captures";

// How an invalidation's scope is spelled in the file.
static constexpr std::pair<InvalidationScope, llvm::StringLiteral> Scopes[] = {
    {InvalidationScope::Iterators, "iterators"},
    {InvalidationScope::Contents, "contents"},
    {InvalidationScope::Element, "element"},
    {InvalidationScope::Whole, "whole"},
};

std::string summaryKey(const FunctionDecl &F) {
  llvm::SmallString<128> USR;
  if (index::generateUSRForDecl(&F, USR))
    return "";
  return std::string(USR);
}

bool isExported(const FunctionDecl &Def) {
  if (!Def.isExternallyVisible() || Def.isInlined() ||
      Def.isDependentContext() || isInSystemHeader(&Def))
    return false;
  switch (Def.getTemplateSpecializationKind()) {
  case TSK_ImplicitInstantiation:
  case TSK_ExplicitInstantiationDeclaration:
    return false;
  default:
    return true;
  }
}

//===----------------------------------------------------------------------===//
// Field paths by name
//===----------------------------------------------------------------------===//

// The record whose fields a part's path starts with: what the parameter
// refers to, or the class of `*this`.
static const RecordDecl *rootRecord(const FunctionDecl &F, unsigned Param) {
  QualType T;
  if (Param == MovedPart::ThisParam) {
    const auto *Method = dyn_cast<CXXMethodDecl>(&F);
    if (!Method || !Method->isInstance())
      return nullptr;
    T = Method->getFunctionObjectParameterType();
  } else if (Param < F.getNumParams()) {
    T = F.getParamDecl(Param)->getType().getNonReferenceType();
  } else {
    return nullptr;
  }
  return T->getAsRecordDecl();
}

static std::string fieldName(const FieldDecl &Field) {
  if (const IdentifierInfo *Id = Field.getIdentifier();
      Id && !Id->getName().empty())
    return Id->getName().str();
  return "#" + std::to_string(Field.getFieldIndex());
}

// The field \p Name of \p R or, for a name, of its bases (a member of a
// base class is reached without a cast in a place path).
static const FieldDecl *findField(const RecordDecl *R, llvm::StringRef Name) {
  if (R)
    R = R->getDefinition();
  if (!R)
    return nullptr;
  unsigned Index;
  bool ByIndex = Name.consume_front("#");
  if (ByIndex && Name.getAsInteger(10, Index))
    return nullptr;
  for (const FieldDecl *Field : R->fields())
    if (ByIndex ? Field->getFieldIndex() == Index
                : Field->getIdentifier() && Field->getName() == Name)
      return Field;
  if (const auto *Class = dyn_cast<CXXRecordDecl>(R); Class && !ByIndex)
    for (const CXXBaseSpecifier &Base : Class->bases())
      if (const FieldDecl *Field =
              findField(Base.getType()->getAsRecordDecl(), Name))
        return Field;
  return nullptr;
}

static bool resolveFields(const FunctionDecl &F, unsigned Param,
                          llvm::ArrayRef<std::string> Names,
                          llvm::SmallVectorImpl<const FieldDecl *> &Fields) {
  if (Param == MovedPart::ThisParam
          ? !isa<CXXMethodDecl>(&F) || !cast<CXXMethodDecl>(F).isInstance()
          : Param >= F.getNumParams())
    return false;
  const RecordDecl *R = rootRecord(F, Param);
  for (const std::string &Name : Names) {
    const FieldDecl *Field = findField(R, Name);
    if (!Field)
      return false;
    Fields.push_back(Field);
    R = Field->getType().getNonReferenceType()->getAsRecordDecl();
  }
  return true;
}

static std::string locationOf(const Stmt *Site, const SourceManager &SM) {
  if (!Site)
    return "";
  PresumedLoc P = SM.getPresumedLoc(SM.getExpansionLoc(Site->getBeginLoc()));
  if (P.isInvalid())
    return "";
  return std::string(P.getFilename()) + ":" + std::to_string(P.getLine()) +
         ":" + std::to_string(P.getColumn());
}

// The parameter and field path of a part, if reading them back names the
// same fields (a field hidden by a derived class's field of the same name
// would not).
static std::optional<PortablePart>
exportPart(const FunctionDecl &Def, unsigned Param,
           llvm::ArrayRef<const FieldDecl *> Fields, const Stmt *Site) {
  PortablePart Part;
  Part.Param = Param == MovedPart::ThisParam ? PortablePart::ThisParam : Param;
  for (const FieldDecl *Field : Fields)
    Part.Fields.push_back(fieldName(*Field));
  llvm::SmallVector<const FieldDecl *, 2> Again;
  if (!resolveFields(Def, Param, Part.Fields, Again) ||
      !llvm::equal(Again, Fields))
    return std::nullopt;
  // A parameter's loan is made at the body: no place worth naming.
  if (Site != Def.getBody())
    Part.At = locationOf(Site, Def.getASTContext().getSourceManager());
  return Part;
}

static bool importPart(const FunctionDecl &F, const PortablePart &Part,
                       unsigned &Param,
                       llvm::SmallVectorImpl<const FieldDecl *> &Fields) {
  Param =
      Part.Param == PortablePart::ThisParam ? MovedPart::ThisParam : Part.Param;
  return resolveFields(F, Param, Part.Fields, Fields);
}

static bool hasFlag(const PortablePart &Part, llvm::StringRef Flag) {
  return llvm::is_contained(Part.Flags, Flag);
}

//===----------------------------------------------------------------------===//
// Summaries
//===----------------------------------------------------------------------===//

PortableSummary toPortable(const FunctionDecl &Def, const Summary &S) {
  PortableSummary P;
  P.Name = Def.getQualifiedNameAsString();
  for (const MovedPart &M : S.Moves) {
    std::optional<PortablePart> Part =
        exportPart(Def, M.Param, M.Fields, M.Site);
    if (!Part || M.Effect == MoveEffect::Never)
      continue;
    Part->Traits["effect"] =
        M.Effect == MoveEffect::Always ? "always" : "maybe";
    P.Lists[MovesList.str()].push_back(std::move(*Part));
  }
  for (const BorrowedPart &B : S.ResultBorrows) {
    std::optional<PortablePart> Part =
        exportPart(Def, B.Param, B.Fields, B.Site);
    if (!Part)
      continue;
    if (B.Contents)
      Part->Flags.push_back("contents");
    if (B.Carries)
      Part->Flags.push_back("carries");
    P.Lists[ResultBorrowsList.str()].push_back(std::move(*Part));
  }
  for (const InvalidatedPart &I : S.Invalidates) {
    std::optional<PortablePart> Part =
        exportPart(Def, I.Param, I.Fields, I.Site);
    const auto *Scope = llvm::find_if(
        Scopes, [&](const auto &S) { return S.first == I.Effect.Scope; });
    if (!Part || Scope == std::end(Scopes))
      continue;
    Part->Traits["scope"] = Scope->second.str();
    if (I.Effect.Grows)
      Part->Flags.push_back("grows");
    if (I.Effect.Rehashes)
      Part->Flags.push_back("rehashes");
    P.Lists[InvalidatesList.str()].push_back(std::move(*Part));
  }
  for (const CapturedPart &C : S.Captures) {
    // The part is what is captured; "into" and "intoFields" where it is kept.
    std::optional<PortablePart> Part =
        exportPart(Def, C.What.Param, C.What.Fields, C.What.Site);
    std::optional<PortablePart> Into =
        exportPart(Def, C.Into, C.IntoFields, nullptr);
    if (!Part || !Into)
      continue;
    Part->Traits["into"] =
        C.Into == MovedPart::ThisParam ? "this" : std::to_string(C.Into);
    if (!Into->Fields.empty())
      Part->Traits["intoFields"] = llvm::join(Into->Fields, ".");
    if (C.What.Contents)
      Part->Flags.push_back("contents");
    if (C.What.Carries)
      Part->Flags.push_back("carries");
    if (C.Maybe)
      Part->Flags.push_back("maybe");
    P.Lists[CapturesList.str()].push_back(std::move(*Part));
  }
  P.normalize();
  return P;
}

static llvm::ArrayRef<PortablePart> list(const PortableSummary &P,
                                         llvm::StringRef Name) {
  auto It = P.Lists.find(Name.str());
  if (It == P.Lists.end())
    return {};
  return It->second;
}

std::optional<Summary> fromPortable(const FunctionDecl &F,
                                    const PortableSummary &P,
                                    llvm::UniqueStringSaver &Saver) {
  if (P.Conflict)
    return std::nullopt;
  Summary S;
  for (const PortablePart &Part : list(P, MovesList)) {
    MovedPart M;
    M.Site = nullptr;
    M.SiteElsewhere = Saver.save(Part.At.empty() ? "?" : Part.At);
    auto Effect = Part.Traits.find("effect");
    if (Effect == Part.Traits.end() || !importPart(F, Part, M.Param, M.Fields))
      continue;
    if (Effect->second == "always")
      M.Effect = MoveEffect::Always;
    else if (Effect->second == "maybe")
      M.Effect = MoveEffect::Maybe;
    else
      continue;
    S.Moves.push_back(std::move(M));
  }
  for (const PortablePart &Part : list(P, ResultBorrowsList)) {
    BorrowedPart B;
    B.Site = nullptr;
    B.Contents = hasFlag(Part, "contents");
    B.Carries = hasFlag(Part, "carries");
    if (importPart(F, Part, B.Param, B.Fields))
      S.ResultBorrows.push_back(std::move(B));
  }
  for (const PortablePart &Part : list(P, InvalidatesList)) {
    InvalidatedPart I;
    I.Via = nullptr;
    I.Site = nullptr;
    I.SiteElsewhere = Saver.save(Part.At.empty() ? "?" : Part.At);
    auto Scope = Part.Traits.find("scope");
    const auto *Known = llvm::find_if(Scopes, [&](const auto &S) {
      return Scope != Part.Traits.end() && S.second == Scope->second;
    });
    if (Known == std::end(Scopes) || !importPart(F, Part, I.Param, I.Fields))
      continue;
    I.Effect.Scope = Known->first;
    I.Effect.Grows = hasFlag(Part, "grows");
    I.Effect.Rehashes = hasFlag(Part, "rehashes");
    S.Invalidates.push_back(std::move(I));
  }
  for (const PortablePart &Part : list(P, CapturesList)) {
    CapturedPart C;
    C.What.Site = nullptr;
    C.What.Contents = hasFlag(Part, "contents");
    C.What.Carries = hasFlag(Part, "carries");
    C.Maybe = hasFlag(Part, "maybe");
    auto Into = Part.Traits.find("into");
    unsigned IntoParam = 0;
    if (Into == Part.Traits.end() ||
        (Into->second == "this"
             ? false
             : llvm::StringRef(Into->second).getAsInteger(10, IntoParam)))
      continue;
    C.Into = Into->second == "this" ? MovedPart::ThisParam : IntoParam;
    llvm::SmallVector<llvm::StringRef, 2> Names;
    if (auto Fields = Part.Traits.find("intoFields");
        Fields != Part.Traits.end())
      llvm::StringRef(Fields->second).split(Names, '.');
    std::vector<std::string> IntoNames(Names.begin(), Names.end());
    if (importPart(F, Part, C.What.Param, C.What.Fields) &&
        resolveFields(F, C.Into, IntoNames, C.IntoFields))
      S.Captures.push_back(std::move(C));
  }
  return S;
}

} // namespace borrow
