//===- Models.cpp - The std library tables --------------------------------===//

#include "borrow/Models.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace borrow {
namespace {

// Every container can be given a fresh value with clear/assign/swap.
const MemberModel ContainerMembers[] = {
    {"clear", Reinitializes},
    {"assign", Reinitializes},
    {"swap", Reinitializes},
};
const MemberModel AdaptorMembers[] = {
    {"swap", Reinitializes},
};
const MemberModel OptionalMembers[] = {
    {"reset", Reinitializes},
    {"emplace", Reinitializes},
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

const llvm::StringRef SequenceNames[] = {"vector", "deque", "list",
                                         "forward_list"};
const llvm::StringRef StringNames[] = {"basic_string"};
const llvm::StringRef AssociativeNames[] = {"map", "multimap", "set",
                                            "multiset"};
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

const TypeModel Models[] = {
    {Family::SequenceContainer, SequenceNames, ContainerMembers, false},
    {Family::String, StringNames, ContainerMembers, false},
    {Family::AssociativeContainer, AssociativeNames, ContainerMembers, false},
    {Family::UnorderedContainer, UnorderedNames, ContainerMembers, false},
    {Family::ContainerAdaptor, AdaptorNames, AdaptorMembers, false},
    {Family::Optional, OptionalNames, OptionalMembers, false},
    {Family::Variant, VariantNames, VariantMembers, false},
    {Family::Any, AnyNames, OptionalMembers, false},
    {Family::UniquePtr, UniquePtrNames, SmartPointerMembers, true},
    {Family::SharedPtr, SharedPtrNames, SmartPointerMembers, true},
    {Family::WeakPtr, WeakPtrNames, SmartPointerMembers, true},
    {Family::Function, FunctionNames, FunctionMembers, false},
};

} // namespace

const TypeModel *modelFor(const CXXRecordDecl *Record) {
  if (!Record || !Record->isInStdNamespace() || !Record->getIdentifier())
    return nullptr;
  llvm::StringRef Name = Record->getName();
  for (const TypeModel &M : Models)
    for (llvm::StringRef N : M.Names)
      if (N == Name)
        return &M;
  return nullptr;
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

bool stdFunctionWritesArgument(const FunctionDecl *F) {
  std::string Name = F->getNameAsString();
  return llvm::is_contained(StdWriters, Name);
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
