//===- VirtualCalls.cpp ---------------------------------------------------===//

#include "borrow/VirtualCalls.h"
#include "borrow/Summary.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CallGraph.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace borrow {
namespace {

// Every method \p M overrides, directly or not.
void addOverridden(const CXXMethodDecl *M,
                   llvm::SmallVectorImpl<const CXXMethodDecl *> &Out) {
  for (const CXXMethodDecl *Base : M->overridden_methods()) {
    const CXXMethodDecl *Canonical = Base->getCanonicalDecl();
    if (!llvm::is_contained(Out, Canonical)) {
      Out.push_back(Canonical);
      addOverridden(Canonical, Out);
    }
  }
}

} // namespace

bool VirtualCalls::linkCalls(CallGraph &Graph, const FunctionDecl *Caller) {
  // The call graph already lists every call of the body, with its
  // expression: no need to walk the body again.
  CallGraphNode *From = Graph.getNode(Caller->getCanonicalDecl());
  if (!From)
    return false;
  llvm::SmallVector<CXXMemberCallExpr *, 4> Calls;
  for (const CallGraphNode::CallRecord &Record : From->callees())
    if (auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(Record.CallExpr);
        Call && dispatchesVirtually(Call))
      Calls.push_back(Call);
  SawDispatchedCall |= !Calls.empty();
  bool Added = false;
  for (CXXMemberCallExpr *Call : Calls)
    for (const FunctionDecl *Impl : overridersOf(Call->getMethodDecl())) {
      From->addCallee(CallGraphNode::CallRecord(
          Graph.getOrInsertNode(const_cast<FunctionDecl *>(Impl)), Call));
      Added = true;
    }
  return Added;
}

llvm::ArrayRef<const FunctionDecl *>
VirtualCalls::overridersOf(const CXXMethodDecl *Method) {
  collect();
  auto It = Overriders.find(Method->getCanonicalDecl());
  if (It == Overriders.end())
    return {};
  return It->second;
}

llvm::SmallVector<const CXXMethodDecl *, 2>
VirtualCalls::dispatchesReaching(const FunctionDecl *Def) {
  llvm::SmallVector<const CXXMethodDecl *, 2> Out;
  const auto *M = dyn_cast<CXXMethodDecl>(Def);
  if (!SawDispatchedCall || !M || !M->isVirtual())
    return Out;
  collect();
  const CXXMethodDecl *Canonical = M->getCanonicalDecl();
  if (Overriders.count(Canonical))
    Out.push_back(Canonical);
  addOverridden(Canonical, Out);
  return Out;
}

void VirtualCalls::collect() {
  if (Collected)
    return;
  Collected = true;
  // Only declarations parsed here: clangd's preamble is not deserialised,
  // so there only the main file's overriders are known.
  for (const Decl *D : Ctx.getTranslationUnitDecl()->noload_decls())
    collectFrom(D);
}

void VirtualCalls::collectFrom(const Decl *D) {
  const SourceManager &SM = Ctx.getSourceManager();
  if (SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
    return;
  if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl>(D)) {
    for (const Decl *Inner : cast<DeclContext>(D)->noload_decls())
      collectFrom(Inner);
    return;
  }
  if (const auto *Template = dyn_cast<ClassTemplateDecl>(D)) {
    for (const ClassTemplateSpecializationDecl *Spec :
         Template->specializations())
      collectFrom(Spec);
    return;
  }
  const auto *Record = dyn_cast<CXXRecordDecl>(D);
  if (!Record || !Record->isThisDeclarationADefinition() ||
      Record->isDependentContext())
    return;
  for (const Decl *Member : Record->noload_decls()) {
    if (isa<CXXRecordDecl, ClassTemplateDecl>(Member)) {
      collectFrom(Member);
      continue;
    }
    const auto *Method = dyn_cast<CXXMethodDecl>(Member);
    if (!Method || Method->size_overridden_methods() == 0)
      continue;
    const FunctionDecl *Def = Method->getDefinition();
    if (!Def || !Def->hasBody())
      continue;
    llvm::SmallVector<const CXXMethodDecl *, 2> Overridden;
    addOverridden(Method->getCanonicalDecl(), Overridden);
    for (const CXXMethodDecl *Base : Overridden) {
      auto &Impls = Overriders[Base];
      if (!llvm::is_contained(Impls, Def))
        Impls.push_back(Def);
    }
  }
}

} // namespace borrow
