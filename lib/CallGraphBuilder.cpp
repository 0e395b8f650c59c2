//===- CallGraphBuilder.cpp -----------------------------------------------===//

#include "borrow/CallGraphBuilder.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/Analysis/CallGraph.h"
#include "llvm/ADT/SmallVector.h"
#include <algorithm>

using namespace clang;

namespace borrow {

// What a call runs: its direct callee, or a block literal called in place.
static Decl *calleeOf(CallExpr &Call) {
  if (FunctionDecl *F = Call.getDirectCallee())
    return F;
  Expr *Callee = Call.getCallee();
  if (auto *Block = dyn_cast_if_present<BlockExpr>(
          Callee ? Callee->IgnoreParenImpCasts() : nullptr))
    return Block->getBlockDecl();
  return nullptr;
}

bool CallGraphBuilder::add(const FunctionDecl &F, NestedFunction Nested) {
  auto *D = const_cast<FunctionDecl *>(&F);
  if (!CallGraph::includeInGraph(D) || !D->isThisDeclarationADefinition())
    return false;
  addNode(D, Nested);
  return true;
}

void CallGraphBuilder::addNode(Decl *D, NestedFunction Nested) {
  if (!Walked.insert(D).second)
    return;
  CallGraphNode &Node = *Graph.getOrInsertNode(D);
  CalleeSet Called;
  // Member initializers first: they come first in the source.
  if (auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    for (CXXCtorInitializer *Init : Ctor->inits())
      walk(Init->getInit(), Node, Called, Nested);
  walk(D->getBody(), Node, Called, Nested);
}

void CallGraphBuilder::addCall(CallGraphNode &Caller, Decl *Callee, Expr *Call,
                               CalleeSet &Called) {
  if (!Callee || !CallGraph::includeCalleeInGraph(Callee))
    return;
  CallGraphNode *Node = Graph.getOrInsertNode(Callee);
  // One edge per callee orders the analysis; every call of a virtual method
  // is kept, for VirtualCalls to see where it may dispatch.
  const auto *Method = dyn_cast<CXXMethodDecl>(Callee);
  if (Called.insert(Node).second || (Method && Method->isVirtual()))
    Caller.addCallee({Node, Call});
}

void CallGraphBuilder::addLambda(FunctionDecl *Call, NestedFunction Nested) {
  if (Nested)
    Nested(*Call);
  if (CallGraph::includeInGraph(Call) && Call->isThisDeclarationADefinition())
    addNode(Call, Nested);
}

void CallGraphBuilder::addLocalClass(const CXXRecordDecl &Class,
                                     NestedFunction Nested) {
  for (Decl *Member : Class.decls()) {
    if (auto *Method = dyn_cast<FunctionDecl>(Member))
      Nested(*Method);
    else if (auto *Inner = dyn_cast<CXXRecordDecl>(Member);
             Inner && !Inner->isInjectedClassName())
      addLocalClass(*Inner, Nested);
  }
}

void CallGraphBuilder::walk(Stmt *Root, CallGraphNode &Caller,
                            CalleeSet &Called, NestedFunction Nested) {
  // What a default argument or member initializer defines belongs to the
  // declaration it comes from, not to this body: no report for it.
  struct Item {
    Stmt *S;
    bool Report;
  };
  llvm::SmallVector<Item, 64> Stack{{Root, true}};
  // Pushed in reverse, so that they are walked in source order.
  auto PushInOrder = [&Stack](auto Range, bool Report) {
    size_t First = Stack.size();
    for (Stmt *S : Range)
      Stack.push_back({S, Report});
    std::reverse(Stack.begin() + First, Stack.end());
  };
  while (!Stack.empty()) {
    auto [S, Report] = Stack.pop_back_val();
    if (!S)
      continue;
    NestedFunction Here = Report ? Nested : nullptr;
    if (auto *Call = dyn_cast<CallExpr>(S)) {
      addCall(Caller, calleeOf(*Call), Call, Called);
    } else if (auto *New = dyn_cast<CXXNewExpr>(S)) {
      addCall(Caller, New->getOperatorNew(), New, Called);
    } else if (auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      if (CXXConstructorDecl *Ctor = Construct->getConstructor())
        addCall(Caller, Ctor->getDefinition(), Construct, Called);
    } else if (auto *Arg = dyn_cast<CXXDefaultArgExpr>(S)) {
      Stack.push_back({Arg->getExpr(), false});
      continue;
    } else if (auto *Init = dyn_cast<CXXDefaultInitExpr>(S)) {
      Stack.push_back({Init->getExpr(), false});
      continue;
    } else if (auto *Lambda = dyn_cast<LambdaExpr>(S)) {
      // The body is a node of its own; the captures' initializers run here.
      if (FunctionTemplateDecl *Generic = Lambda->getDependentCallOperator()) {
        for (FunctionDecl *Instance : Generic->specializations())
          addLambda(Instance, Here);
      } else if (CXXMethodDecl *Call = Lambda->getCallOperator()) {
        addLambda(Call, Here);
      }
      PushInOrder(Lambda->capture_inits(), Report);
      continue;
    } else if (auto *Block = dyn_cast<BlockExpr>(S)) {
      addNode(Block->getBlockDecl(), Here);
      continue;
    } else if (auto *Decls = dyn_cast<DeclStmt>(S); Decls && Here) {
      for (Decl *D : Decls->decls())
        if (auto *Class = dyn_cast<CXXRecordDecl>(D))
          addLocalClass(*Class, Here);
    }
    PushInOrder(S->children(), Report);
  }
}

} // namespace borrow
