//===- VirtualCalls.h - Where a virtual call may go -------------*- C++ -*-===//
//
// A virtual call `shape.grow(items)` runs whichever override the object's
// dynamic type has. Its effect, for the caller, is the union of what every
// implementation the translation unit defines does (unionOf in Summary.h),
// unless the call cannot dispatch (qualified, final, object of known type:
// dispatchesVirtually). Implementations defined in other translation units
// or in system headers are not known; calls then rest on what the known
// ones do, which adds no finding of its own.
//
// VirtualCalls finds the implementations (overriders with a body, outside
// system headers) and links each caller to them in the call graph, so that
// they are summarised before the caller is analysed.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_VIRTUALCALLS_H
#define BORROW_VIRTUALCALLS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"

namespace clang {
class ASTContext;
class CallGraph;
class CXXMethodDecl;
class Decl;
class FunctionDecl;
} // namespace clang

namespace borrow {

class VirtualCalls {
public:
  explicit VirtualCalls(clang::ASTContext &Ctx) : Ctx(Ctx) {}

  /// Adds to \p Graph an edge from \p Caller to every implementation that a
  /// virtual call in its body may reach; returns whether it added any.
  bool linkCalls(clang::CallGraph &Graph, const clang::FunctionDecl *Caller);

  /// The definitions overriding \p Method, directly or not.
  llvm::ArrayRef<const clang::FunctionDecl *>
  overridersOf(const clang::CXXMethodDecl *Method);

  /// The methods whose dispatched calls may reach \p Def: those it
  /// overrides, and itself if it is overridden. None if linkCalls() saw
  /// no dispatched call.
  llvm::SmallVector<const clang::CXXMethodDecl *, 2>
  dispatchesReaching(const clang::FunctionDecl *Def);

private:
  /// Walks the translation unit's classes once, on first need.
  void collect();
  void collectFrom(const clang::Decl *D);

  clang::ASTContext &Ctx;
  bool Collected = false;
  bool SawDispatchedCall = false;
  /// By canonical overridden method.
  llvm::DenseMap<const clang::CXXMethodDecl *,
                 llvm::SmallVector<const clang::FunctionDecl *, 2>>
      Overriders;
};

} // namespace borrow

#endif // BORROW_VIRTUALCALLS_H
