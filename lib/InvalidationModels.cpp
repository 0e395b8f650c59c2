//===- InvalidationModels.cpp - What std members invalidate ---------------===//
//
// One table per std family, from the standard's "invalidates iterators and
// references" clauses. Where the standard makes invalidation depend on a
// position or on which element is erased, the table is conservative in the
// direction of silence for node containers (only `erase(it)` of the element
// borrowed) and exact-for-the-container for contiguous ones (vector and
// string: every element at or after the position, approximated as all).
//
//===----------------------------------------------------------------------===//

#include "borrow/Invalidation.h"
#include "borrow/Models.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"

using namespace clang;

namespace borrow {
namespace {

using S = InvalidationScope;

struct MemberInvalidation {
  llvm::StringRef Name;
  InvalidationScope Scope;
  bool Grows;
};

// vector: any insertion may reallocate; erase and pop_back invalidate the
// erased elements and every later one.
const MemberInvalidation VectorMembers[] = {
    {"push_back", S::Contents, true},      {"emplace_back", S::Contents, true},
    {"insert", S::Contents, true},         {"emplace", S::Contents, true},
    {"insert_range", S::Contents, true},   {"append_range", S::Contents, true},
    {"resize", S::Contents, true},         {"reserve", S::Contents, true},
    {"shrink_to_fit", S::Contents, false}, {"assign", S::Contents, false},
    {"assign_range", S::Contents, false},  {"clear", S::Contents, false},
    {"erase", S::Contents, false},         {"pop_back", S::Contents, false},
    {"operator=", S::Contents, false},
};

// deque: insertion at either end invalidates iterators only; anything else
// that changes the size, every borrow.
const MemberInvalidation DequeMembers[] = {
    {"push_back", S::Iterators, true},
    {"push_front", S::Iterators, true},
    {"emplace_back", S::Iterators, true},
    {"emplace_front", S::Iterators, true},
    {"prepend_range", S::Iterators, true},
    {"append_range", S::Iterators, true},
    {"insert", S::Contents, true},
    {"emplace", S::Contents, true},
    {"insert_range", S::Contents, true},
    {"resize", S::Contents, true},
    {"shrink_to_fit", S::Contents, false},
    {"assign", S::Contents, false},
    {"assign_range", S::Contents, false},
    {"clear", S::Contents, false},
    {"erase", S::Contents, false},
    {"pop_back", S::Contents, false},
    {"pop_front", S::Contents, false},
    {"operator=", S::Contents, false},
};

// list, forward_list, map, set and their multi- variants: nodes never move;
// only erasing a node invalidates borrows of it.
const MemberInvalidation NodeMembers[] = {
    {"erase", S::Element, false},      {"clear", S::Contents, false},
    {"assign", S::Contents, false},    {"assign_range", S::Contents, false},
    {"operator=", S::Contents, false},
};

// unordered containers: an insertion may rehash, which invalidates
// iterators but never references to elements.
const MemberInvalidation UnorderedMembers[] = {
    {"insert", S::Iterators, true},
    {"emplace", S::Iterators, true},
    {"emplace_hint", S::Iterators, true},
    {"try_emplace", S::Iterators, true},
    {"insert_or_assign", S::Iterators, true},
    {"insert_range", S::Iterators, true},
    {"operator[]", S::Iterators, true},
    {"rehash", S::Iterators, true},
    {"reserve", S::Iterators, true},
    {"erase", S::Element, false},
    {"clear", S::Contents, false},
    {"operator=", S::Contents, false},
};

// string: every non-const member but these few may invalidate.
const llvm::StringRef StringKeepers[] = {
    "operator[]", "at",  "front",  "back", "data",
    "begin",      "end", "rbegin", "rend", "c_str"};
const llvm::StringRef StringGrowers[] = {
    "push_back",    "append",
    "operator+=",   "insert",
    "resize",       "reserve",
    "replace",      "append_range",
    "insert_range", "resize_and_overwrite"};

// optional, variant, any: the held value is destroyed or replaced.
const MemberInvalidation ValueMembers[] = {
    {"reset", S::Contents, false},
    {"emplace", S::Contents, false},
    {"operator=", S::Contents, false},
    {"swap", S::Contents, false},
};

// unique_ptr: the pointee is deleted. (`release` and a move hand it over
// alive; `swap` too.)
const MemberInvalidation UniquePtrMembers[] = {
    {"reset", S::Contents, false},
    {"operator=", S::Contents, false},
};

const MemberInvalidation FunctionMembers[] = {
    {"operator=", S::Contents, false},
    {"swap", S::Contents, false},
};

Invalidation lookup(llvm::ArrayRef<MemberInvalidation> Table,
                    llvm::StringRef Name, bool Rehashes = false) {
  for (const MemberInvalidation &M : Table)
    if (M.Name == Name)
      return {M.Scope, M.Grows, Rehashes && M.Grows};
  return {};
}

// std::stack<T, std::vector<T>> reallocates on push; over a deque or a
// list (the default) it does not move elements.
Invalidation adaptor(const CXXRecordDecl *Adaptor, llvm::StringRef Name) {
  if (Name == "pop")
    return {S::Contents, false, false};
  if (Name != "push" && Name != "emplace" && Name != "push_range")
    return {};
  const TypeModel *Underlying = nullptr;
  for (const NamedDecl *D :
       Adaptor->lookup(&Adaptor->getASTContext().Idents.get("container_type")))
    if (const auto *TD = dyn_cast<TypedefNameDecl>(D))
      Underlying = modelFor(TD->getUnderlyingType());
  if (Underlying && Underlying->Kind == Family::Vector)
    return {S::Contents, true, false};
  return {};
}

} // namespace

Invalidation invalidationOf(const CXXMethodDecl *Method) {
  if (!Method || Method->isConst() || Method->isStatic())
    return {};
  const CXXRecordDecl *Record = Method->getParent();
  const TypeModel *M = modelFor(Record);
  if (!M)
    return {};
  std::string Name = Method->getNameAsString();
  switch (M->Kind) {
  case Family::Vector:
    return lookup(VectorMembers, Name);
  case Family::Deque:
    return lookup(DequeMembers, Name);
  case Family::List:
  case Family::OrderedMap:
    return lookup(NodeMembers, Name);
  case Family::UnorderedMap:
    return lookup(UnorderedMembers, Name, /*Rehashes=*/true);
  case Family::String:
    if (isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(Method) ||
        llvm::is_contained(StringKeepers, Name))
      return {};
    return {S::Contents, llvm::is_contained(StringGrowers, Name), false};
  case Family::Adaptor:
    return adaptor(Record, Name);
  case Family::Optional:
  case Family::Variant:
  case Family::Any:
    return lookup(ValueMembers, Name);
  case Family::UniquePtr:
    return lookup(UniquePtrMembers, Name);
  case Family::Function:
    return lookup(FunctionMembers, Name);
  case Family::Array:
  case Family::SharedPtr:
  case Family::WeakPtr:
  case Family::View:
    return {};
  }
  return {};
}

Invalidation invalidationOfMove(const CXXRecordDecl *Record) {
  const TypeModel *M = modelFor(Record);
  if (M && M->Kind == Family::String)
    return {S::Contents, false, false};
  return {};
}

} // namespace borrow
