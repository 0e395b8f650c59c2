//===- Models.cpp - The std library tables --------------------------------===//

#include "borrow/Models.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"

using namespace clang;

namespace borrow {
namespace {

// Every container can be given a fresh value with clear/assign/swap, and
// keeps what is pushed or inserted into it.
const MemberModel ContainerMembers[] = {
    {"clear", Reinitializes},
    {"assign", Reinitializes | StoresArguments},
    {"swap", Reinitializes},
    {"push_back", StoresArguments},
    {"push_front", StoresArguments},
    {"emplace_back", StoresArguments},
    {"emplace_front", StoresArguments},
    {"emplace", StoresArguments},
    {"emplace_hint", StoresArguments},
    {"insert", StoresArguments},
    {"insert_or_assign", StoresArguments},
    {"try_emplace", StoresArguments},
};
const MemberModel AdaptorMembers[] = {
    {"swap", Reinitializes},
    {"push", StoresArguments},
    {"emplace", StoresArguments},
};
const MemberModel OptionalMembers[] = {
    {"reset", Reinitializes},
    {"emplace", Reinitializes | StoresArguments},
    {"swap", Reinitializes},
};
const MemberModel VariantMembers[] = {
    {"emplace", Reinitializes},
    {"swap", Reinitializes},
};
const MemberModel SmartPointerMembers[] = {
    {"reset", Reinitializes},
    {"swap", Reinitializes},
};
const MemberModel FunctionMembers[] = {
    {"swap", Reinitializes},
};

const MemberModel UniquePtrMembers[] = {
    {"reset", Reinitializes},
    {"swap", Reinitializes},
    {"release", GivesUpOwnership},
};

const llvm::StringRef VectorNames[] = {"vector"};
const llvm::StringRef DequeNames[] = {"deque"};
const llvm::StringRef ListNames[] = {"list", "forward_list"};
const llvm::StringRef StringNames[] = {"basic_string"};
const llvm::StringRef ArrayNames[] = {"array"};
const llvm::StringRef OrderedNames[] = {"map", "multimap", "set", "multiset"};
const llvm::StringRef UnorderedNames[] = {"unordered_map", "unordered_multimap",
                                          "unordered_set",
                                          "unordered_multiset"};
const llvm::StringRef AdaptorNames[] = {"stack", "queue", "priority_queue"};
const llvm::StringRef OptionalNames[] = {"optional"};
const llvm::StringRef VariantNames[] = {"variant"};
const llvm::StringRef AnyNames[] = {"any"};
const llvm::StringRef UniquePtrNames[] = {"unique_ptr"};
const llvm::StringRef SharedPtrNames[] = {"shared_ptr"};
const llvm::StringRef WeakPtrNames[] = {"weak_ptr"};
const llvm::StringRef FunctionNames[] = {"function", "move_only_function"};
const llvm::StringRef ViewNames[] = {"basic_string_view", "span",
                                     "reference_wrapper"};

using RB = ResultBorrow;
// Columns: family, names, members, empty after move, owns, results.
const TypeModel Models[] = {
    {Family::Vector, VectorNames, ContainerMembers, false, true, RB::Contents},
    {Family::Deque, DequeNames, ContainerMembers, false, true, RB::Contents},
    {Family::List, ListNames, ContainerMembers, false, true, RB::Contents},
    {Family::String, StringNames, ContainerMembers, false, true, RB::Contents},
    {Family::Array, ArrayNames, AdaptorMembers, false, true, RB::Contents},
    {Family::OrderedMap, OrderedNames, ContainerMembers, false, true,
     RB::Contents},
    {Family::UnorderedMap, UnorderedNames, ContainerMembers, false, true,
     RB::Contents},
    {Family::Adaptor, AdaptorNames, AdaptorMembers, false, true, RB::Contents},
    {Family::Optional, OptionalNames, OptionalMembers, false, true,
     RB::Contents},
    {Family::Variant, VariantNames, VariantMembers, false, true, RB::Contents},
    {Family::Any, AnyNames, OptionalMembers, false, true, RB::Contents},
    {Family::UniquePtr, UniquePtrNames, UniquePtrMembers, true, true,
     RB::Contents},
    // Another shared_ptr may keep the object alive: nothing to track.
    {Family::SharedPtr, SharedPtrNames, SmartPointerMembers, true, false,
     RB::None},
    {Family::WeakPtr, WeakPtrNames, SmartPointerMembers, true, false, RB::None},
    {Family::Function, FunctionNames, FunctionMembers, false, false, RB::None},
    {Family::View, ViewNames, {}, false, false, RB::Pointee},
};

// Free functions whose result refers to (some of) their arguments.
struct FreeFunctionModel {
  llvm::StringRef Name;
  ArgumentBorrow Borrows;
};
const FreeFunctionModel FreeFunctions[] = {
    {"min", ArgumentBorrow::All},
    {"max", ArgumentBorrow::All},
    {"minmax", ArgumentBorrow::All},
    {"clamp", ArgumentBorrow::All},
    {"as_const", ArgumentBorrow::All},
    {"get", ArgumentBorrow::All},
    {"get_if", ArgumentBorrow::All},
    {"any_cast", ArgumentBorrow::All},
    {"move", ArgumentBorrow::All},
    {"forward", ArgumentBorrow::All},
    {"move_if_noexcept", ArgumentBorrow::All},
    {"addressof", ArgumentBorrow::All},
    {"ref", ArgumentBorrow::All},
    {"cref", ArgumentBorrow::All},
    {"begin", ArgumentBorrow::All},
    {"end", ArgumentBorrow::All},
    {"cbegin", ArgumentBorrow::All},
    {"cend", ArgumentBorrow::All},
    {"rbegin", ArgumentBorrow::All},
    {"rend", ArgumentBorrow::All},
    {"data", ArgumentBorrow::All},
    {"next", ArgumentBorrow::First},
    {"prev", ArgumentBorrow::First},
    {"find", ArgumentBorrow::First},
    {"find_if", ArgumentBorrow::First},
    {"find_if_not", ArgumentBorrow::First},
    {"find_first_of", ArgumentBorrow::First},
    {"adjacent_find", ArgumentBorrow::First},
    {"search", ArgumentBorrow::First},
    {"lower_bound", ArgumentBorrow::First},
    {"upper_bound", ArgumentBorrow::First},
    {"partition_point", ArgumentBorrow::First},
    {"min_element", ArgumentBorrow::First},
    {"max_element", ArgumentBorrow::First},
    {"remove", ArgumentBorrow::First},
    {"remove_if", ArgumentBorrow::First},
    {"unique", ArgumentBorrow::First},
};

} // namespace

// The models by class name: the analysis asks about every class type it
// meets, most of them not std's, so a question costs one hash lookup.
static const llvm::StringMap<const TypeModel *> &modelsByName() {
  static const llvm::StringMap<const TypeModel *> ByName = [] {
    llvm::StringMap<const TypeModel *> Map;
    for (const TypeModel &M : Models)
      for (llvm::StringRef N : M.Names)
        Map[N] = &M;
    return Map;
  }();
  return ByName;
}

const TypeModel *modelFor(const CXXRecordDecl *Record) {
  if (!Record || !Record->getIdentifier())
    return nullptr;
  const TypeModel *M = modelsByName().lookup(Record->getName());
  return M && Record->isInStdNamespace() ? M : nullptr;
}

const TypeModel *modelFor(QualType T) {
  if (T.isNull())
    return nullptr;
  return modelFor(T.getNonReferenceType()->getAsCXXRecordDecl());
}

unsigned memberEffects(const CXXMethodDecl *Method) {
  const TypeModel *M = modelFor(Method->getParent());
  if (!M || !Method->getIdentifier())
    return NoEffect;
  llvm::StringRef Name = Method->getName();
  for (const MemberModel &Member : M->Members)
    if (Member.Name == Name)
      return Member.Effects;
  return NoEffect;
}

// Free functions (and members) that assign through a mutable reference.
const llvm::StringRef StdWriters[] = {
    "swap",       "iter_swap",  "exchange", "getline", "tie",
    "operator>>", "from_chars", "get_line", "read",    "readsome",
};

bool movesOnlyWhenInserting(const FunctionDecl *F) {
  const auto *Method = dyn_cast<CXXMethodDecl>(F);
  return Method && Method->getIdentifier() &&
         Method->getName() == "try_emplace";
}

bool stdFunctionWritesArgument(const FunctionDecl *F) {
  std::string Name = F->getNameAsString();
  return llvm::is_contained(StdWriters, Name);
}

ArgumentBorrow stdFunctionResultBorrows(const FunctionDecl *F) {
  if (!F->isInStdNamespace() || !F->getIdentifier())
    return ArgumentBorrow::None;
  llvm::StringRef Name = F->getName();
  for (const FreeFunctionModel &M : FreeFunctions)
    if (M.Name == Name)
      return M.Borrows;
  return ArgumentBorrow::None;
}

bool isInSystemHeader(const Decl *D) {
  const SourceManager &SM = D->getASTContext().getSourceManager();
  return SM.isInSystemHeader(SM.getSpellingLoc(D->getLocation()));
}

bool isSmartPointer(QualType T) {
  const TypeModel *M = modelFor(T);
  return M && M->EmptyAfterMove;
}

} // namespace borrow
