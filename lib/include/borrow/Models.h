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
  Vector,       ///< vector
  Deque,        ///< deque
  List,         ///< list, forward_list
  String,       ///< basic_string
  Array,        ///< array
  OrderedMap,   ///< map, multimap, set, multiset
  UnorderedMap, ///< unordered_{map,multimap,set,multiset}
  Adaptor,      ///< stack, queue, priority_queue
  Optional,
  Variant,
  Any,
  UniquePtr,
  SharedPtr,
  WeakPtr,
  Function,
  View, ///< basic_string_view, span, reference_wrapper
};

/// What a member function of a modelled type does to its object.
enum MemberEffect : unsigned {
  NoEffect = 0,
  /// Gives the object a fresh, specified value (`clear`, `reset`...).
  Reinitializes = 1u << 0,
  /// Returns a pointer it no longer owns (`unique_ptr::release`): the
  /// result does not borrow the object.
  GivesUpOwnership = 1u << 1,
  /// Keeps (a copy of) its element arguments: `push_back`, `insert`...
  StoresArguments = 1u << 2,
};

struct MemberModel {
  llvm::StringRef Name;
  unsigned Effects;
};

/// What the result of a member function that returns a borrower
/// (reference, pointer, iterator, view) refers to.
enum class ResultBorrow : unsigned char {
  None,     ///< nothing the analysis tracks (shared ownership)
  Contents, ///< what the object owns: `v[0]`, `s.c_str()`, `*opt`
  Pointee,  ///< what the object itself refers to: `sv.data()`, `*it`
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
  /// Destroying the object destroys what it contains or points to.
  bool Owns;
  /// What members returning borrowers borrow.
  ResultBorrow Results;
};

/// The model of the std class \p Record, or null when it has none.
const TypeModel *modelFor(const clang::CXXRecordDecl *Record);
/// The model of the class type \p T (after stripping references), or null.
const TypeModel *modelFor(clang::QualType T);

/// The effects of calling \p Method on an object of a modelled type.
unsigned memberEffects(const clang::CXXMethodDecl *Method);

/// True for std::unique_ptr, std::shared_ptr and std::weak_ptr.
bool isSmartPointer(clang::QualType T);

/// Which arguments the result of a std free function borrows.
enum class ArgumentBorrow : unsigned char {
  None,
  All,   ///< every reference or pointer-like argument: std::min, std::get
  First, ///< the first argument only: std::find(first, last, value)
};
ArgumentBorrow stdFunctionResultBorrows(const clang::FunctionDecl *F);

/// True for the std functions that write through a mutable reference
/// parameter (`swap`, `getline`, `operator>>`, `exchange`...). Other std
/// functions that take `T &` only read it (`std::begin`, `std::get`).
bool stdFunctionWritesArgument(const clang::FunctionDecl *F);

/// True for the member functions that move their arguments only when they
/// insert: `try_emplace` (of `std::map`, `std::unordered_map`, and the maps
/// that copy its contract) leaves them alone when the key is already there,
/// and code that reads them afterwards checks which happened.
bool movesOnlyWhenInserting(const clang::FunctionDecl *F);

/// True if \p D is declared in a system header: the analysis trusts models
/// there and never reports into it.
bool isInSystemHeader(const clang::Decl *D);

} // namespace borrow

#endif // BORROW_MODELS_H
