//===- MissingLifetimebound.cpp -------------------------------------------===//

#include "borrow/rules/MissingLifetimebound.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/TypeLoc.h"
#include "clang/Analysis/Analyses/LifetimeSafety/LifetimeAnnotations.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallSet.h"

using namespace clang;

namespace borrow {
namespace {

static std::string quote(llvm::StringRef S) { return "'" + S.str() + "'"; }

// The declaration a user edits: the first declaration of the function, or
// of the template it was instantiated from, in a header of the project.
const FunctionDecl *declarationToEdit(const FunctionDecl &Def,
                                      const SourceManager &SM) {
  const FunctionDecl *Target = &Def;
  if (const FunctionDecl *Pattern = Def.getTemplateInstantiationPattern()) {
    // A parameter pack makes the indexes of the two differ.
    if (Pattern->getNumParams() != Def.getNumParams())
      return nullptr;
    Target = Pattern;
  }
  const FunctionDecl *First = Target->getFirstDecl();
  SourceLocation Loc = First->getLocation();
  if (Loc.isInvalid() || Loc.isMacroID() || SM.isInMainFile(Loc) ||
      SM.isInSystemHeader(Loc))
    return nullptr;
  return First;
}

bool isAnnotated(const FunctionDecl &F, unsigned Param) {
  for (const FunctionDecl *D : F.redecls()) {
    if (Param == MovedPart::ThisParam
            ? lifetimes::implicitObjectParamIsLifetimeBound(D)
            : Param < D->getNumParams() &&
                  D->getParamDecl(Param)->hasAttr<LifetimeBoundAttr>())
      return true;
  }
  return false;
}

// Whether clang's meaning of the attribute on parameter \p Param matches
// what the result does with it. On a reference (and on `*this`) the result
// is bound to the object referred to: right when the result borrows it.
// On a pointer or view passed by value, clang binds the result to what the
// argument points to, which is what Carries says (checked against clang's
// -Wdangling in test/lit/missing-lifetimebound/); on a reference to a
// pointer it would bind to the pointer variable itself, which is wrong.
// The type is the one of the declaration edited: a template's `T` may be a
// pointer in this instantiation and an int in the next.
bool attributeFits(const FunctionDecl &Edit, const BorrowedPart &Part) {
  if (Part.Param == MovedPart::ThisParam)
    return !Part.Carries;
  QualType T = Edit.getParamDecl(Part.Param)->getType();
  if (T->isReferenceType())
    return !Part.Carries;
  return Part.Carries && (T->isPointerType() || lifetimes::isGslPointerType(T));
}

// Where the attribute goes for `*this`: after the parameter list and its
// cv, ref and exception qualifiers, before a trailing return type,
// `override`, `= 0`, the body or `;`.
SourceLocation afterQualifiers(const FunctionDecl &F, const SourceManager &SM,
                               const LangOptions &LO) {
  FunctionTypeLoc FTL = F.getFunctionTypeLoc();
  if (!FTL)
    return {};
  SourceLocation End = FTL.getRParenLoc();
  if (auto Proto = FTL.getAs<FunctionProtoTypeLoc>();
      Proto && Proto.getExceptionSpecRange().isValid()) {
    End = Proto.getExceptionSpecRange().getEnd();
  } else {
    // Raw tokens: keywords come as identifiers.
    while (std::optional<Token> Next = Lexer::findNextToken(End, SM, LO)) {
      bool Qualifier = Next->isOneOf(tok::amp, tok::ampamp) ||
                       (Next->is(tok::raw_identifier) &&
                        (Next->getRawIdentifier() == "const" ||
                         Next->getRawIdentifier() == "volatile"));
      if (!Qualifier)
        break;
      End = Next->getLocation();
    }
  }
  if (End.isInvalid() || End.isMacroID())
    return {};
  return Lexer::getLocForEndOfToken(End, 0, SM, LO);
}

// Where the attribute goes for a parameter: after its name.
SourceLocation afterName(const ParmVarDecl &P, const SourceManager &SM,
                         const LangOptions &LO) {
  if (!P.getIdentifier() || P.getLocation().isMacroID())
    return {};
  return Lexer::getLocForEndOfToken(P.getLocation(), 0, SM, LO);
}

std::string what(const FunctionDecl &F, const BorrowedPart &Part) {
  if (Part.Param == MovedPart::ThisParam)
    return "'*this'";
  std::string Name = F.getParamDecl(Part.Param)->getNameAsString();
  return Name.empty() ? "parameter " + std::to_string(Part.Param + 1)
                      : "parameter " + quote(Name);
}

} // namespace

void checkMissingLifetimebound(const FunctionDecl &Def, const Summary &S,
                               const Config &Cfg, std::vector<Finding> &Out) {
  if (S.ResultBorrows.empty() ||
      isa<CXXConstructorDecl, CXXDestructorDecl>(Def))
    return;
  // `T &operator=(...)`, `+=`...: clang already takes the result to be
  // `*this`, and marking every one of them would only be noise.
  if (lifetimes::isNormalAssignmentOperator(&Def))
    return;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(&Def);
      Method && Method->getParent()->isLambda())
    return;
  // Only the results clang's lifetime analysis follows.
  QualType Result = Def.getReturnType();
  if (!Result->isReferenceType() && !Result->isPointerType() &&
      !lifetimes::isGslPointerType(Result))
    return;
  ASTContext &Ctx = Def.getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = Ctx.getLangOpts();
  const FunctionDecl *Edit = declarationToEdit(Def, SM);
  if (!Edit)
    return;
  std::string Spelling = Cfg.LifetimeboundMacro.empty()
                             ? "[[clang::lifetimebound]]"
                             : Cfg.LifetimeboundMacro;

  llvm::SmallSet<unsigned, 4> Reported;
  for (const BorrowedPart &Part : S.ResultBorrows) {
    if (Part.Param != MovedPart::ThisParam && Part.Param >= Def.getNumParams())
      continue;
    if (!attributeFits(*Edit, Part) || isAnnotated(Def, Part.Param) ||
        isAnnotated(*Edit, Part.Param) || !Reported.insert(Part.Param).second)
      continue;
    Finding F;
    F.R = Rule::MissingLifetimebound;
    F.Certainty = Confidence::Definite;
    std::string Function = quote(Def.getNameAsString());
    SourceLocation Insert;
    if (Part.Param == MovedPart::ThisParam) {
      F.Loc = Edit->getLocation();
      F.Range = Edit->getNameInfo().getSourceRange();
      F.Message = (llvm::Twine("the result of ") + Function +
                   " borrows from '*this', but " + Function +
                   " is not marked " + Spelling)
                      .str();
      Insert = afterQualifiers(*Edit, SM, LO);
    } else {
      const ParmVarDecl *P = Edit->getParamDecl(Part.Param);
      F.Loc = P->getLocation();
      F.Range = P->getSourceRange();
      F.Message = (llvm::Twine("the result of ") + Function +
                   (Part.Carries ? " points where " : " borrows from ") +
                   what(*Edit, Part) + (Part.Carries ? " points" : "") +
                   ", which is not marked " + Spelling)
                      .str();
      Insert = afterName(*P, SM, LO);
      if (!P->getIdentifier())
        F.Notes.push_back({P->getLocation(),
                           "name the parameter to mark it: an unnamed "
                           "parameter cannot carry the attribute"});
    }
    if (Insert.isValid())
      F.Fixes.push_back({Insert, " " + Spelling});
    if (Part.Site && Part.Site != Def.getBody())
      F.Notes.push_back({Part.Site->getBeginLoc(), "borrowed here"});
    else if (Def.getLocation() != Edit->getLocation())
      F.Notes.push_back(
          {Def.getLocation(), "the result borrows it in this definition"});
    Out.push_back(std::move(F));
  }
}

} // namespace borrow
