//===- Models.h - What the standard library's types do ---------*- C++ -*-===//
//
// The analysis never looks into the bodies of standard library functions.
// Instead each family of std types (vector, string, map, optional,
// unique_ptr...) has a row in a table: which members reinitialise, and what
// kind of object it is. The tables live in Models.cpp; users extend them
// through check options (see Config).
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_MODELS_H
#define BORROW_MODELS_H

#include "clang/AST/Type.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"

namespace clang {
class CXXMethodDecl;
class CXXRecordDecl;
class Decl;
class FunctionDecl;
} // namespace clang

namespace borrow {

enum class Family : unsigned char {
  SequenceContainer, ///< vector, deque, list, forward_list
  String,            ///< basic_string
  AssociativeContainer,
  UnorderedContainer,
  ContainerAdaptor, ///< stack, queue, priority_queue
  Optional,
  Variant,
  Any,
  UniquePtr,
  SharedPtr,
  WeakPtr,
  Function,
};

/// What a member function of a modelled type does to its object.
enum MemberEffect : unsigned {
  NoEffect = 0,
  /// Gives the object a fresh, specified value (`clear`, `reset`...).
  Reinitializes = 1u << 0,
};

struct MemberModel {
  llvm::StringRef Name;
  unsigned Effects;
};

struct TypeModel {
  Family Kind;
  /// Unqualified class template names in namespace std.
  llvm::ArrayRef<llvm::StringRef> Names;
  /// Members not listed here have no effect the analysis tracks.
  llvm::ArrayRef<MemberModel> Members;
  /// Moved-from objects are specified to be empty (null), so only a
  /// dereference of one is a bug.
  bool EmptyAfterMove;
};

/// The model of the std class \p Record, or null when it has none.
const TypeModel *modelFor(const clang::CXXRecordDecl *Record);
/// The model of the class type \p T (after stripping references), or null.
const TypeModel *modelFor(clang::QualType T);

/// The effects of calling \p Method on an object of a modelled type.
unsigned memberEffects(const clang::CXXMethodDecl *Method);

/// True for std::unique_ptr, std::shared_ptr and std::weak_ptr.
bool isSmartPointer(clang::QualType T);

/// True for the std functions that write through a mutable reference
/// parameter (`swap`, `getline`, `operator>>`, `exchange`...). Other std
/// functions that take `T &` only read it (`std::begin`, `std::get`).
bool stdFunctionWritesArgument(const clang::FunctionDecl *F);

/// True if \p D is declared in a system header: the analysis trusts models
/// there and never reports into it.
bool isInSystemHeader(const clang::Decl *D);

} // namespace borrow

#endif // BORROW_MODELS_H
