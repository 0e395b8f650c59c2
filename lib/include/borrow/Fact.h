//===- Fact.h - The events the rules reason about --------------*- C++ -*-===//
//
// The FactBuilder turns each CFG block into a list of Facts, in evaluation
// order. Every rule is a dataflow over these lists: nothing downstream looks
// at the AST again except to word a diagnostic.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_FACT_H
#define BORROW_FACT_H

#include "borrow/Invalidation.h"
#include "borrow/Place.h"
#include "clang/AST/Stmt.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Allocator.h"
#include <cassert>
#include <string>
#include <vector>

namespace clang {
class CFG;
class CFGBlock;
class FunctionDecl;
} // namespace clang

namespace borrow {

/// Why a fact happens where it does when a callee or a lambda is the reason:
/// what the "why" notes show. Few facts have one, so a fact points to its
/// reason rather than carrying one.
struct Reason {
  /// Move, Reinit, Invalidate, MutableAlias through a callee: the function
  /// whose summary or model said so.
  const clang::FunctionDecl *Via = nullptr;
  /// Where inside Via (or inside a lambda, for a Use) it happens.
  const clang::Stmt *ViaSite = nullptr;
  /// Instead of ViaSite when Via was summarised in another translation
  /// unit: "file:line:col" there, or "?".
  llvm::StringRef ViaSiteElsewhere;
  /// Which parameter of Via the object was bound to (MovedPart::ThisParam
  /// for the object of a member call).
  unsigned ViaParam = 0;
};

struct Fact {
  enum class Kind : unsigned char {
    /// The object at Place is moved from (its value is gone).
    Move,
    /// Place gets a fresh value: assignment, `clear()`, declaration...
    Reinit,
    /// Something may give the parts of Place fresh values (a non-const call
    /// on it that we cannot see into), but Place itself is not reinitialised.
    ReinitParts,
    /// The value at Place is read or otherwise relied on.
    Use,
    /// Edge fact: the smart pointer at Place is not null along this edge
    /// (the true branch of `if (p)`), so it cannot be moved-from there.
    NotNull,
    /// Origin now holds Loan (a borrow happens), only Loan when Kill is set.
    Issue,
    /// Origin gets the loans of Src (replacing its own when Kill is set).
    Flow,
    /// The object at Place (a variable or a temporary) is destroyed: the
    /// loans of it and of what it owns expire.
    Expire,
    /// The value of Origin leaves the function (a return).
    Escape,
    /// The object at Place is mutated in a way that invalidates the borrows
    /// of it that Scope names (`v.push_back(x)`, `opt.reset()`); for an
    /// Element scope, only the loans Origin holds (the iterator argument).
    Invalidate,
    /// Mode Rust: Place and the place Src are borrowed mutably by the same
    /// call and overlap (`f(x, x)` with two `T &` parameters).
    MutableAlias, // the last kind: NumKinds counts up to it
  };
  static constexpr unsigned NumKinds = unsigned(Kind::MutableAlias) + 1;

  // Facts are most of a long function's memory, and every pass over a
  // function reads all of them in order: the pointers first, then the IDs,
  // then a byte of kind, a byte of invalidation and a byte of flags. A
  // fact's index in its function is where it sits in FunctionFacts, not a
  // field.

  /// The expression the fact comes from: where a diagnostic points.
  const clang::Stmt *Site = nullptr;
  /// The callee or lambda behind it, if any (stored by FunctionFacts).
  const Reason *Why = nullptr;
  PlaceID Place = 0;
  union {
    /// Issue: the loan.
    unsigned Loan = 0;
    /// Flow: the origin the loans come from. MutableAlias: the other place.
    unsigned Src;
  };
  /// Issue, Flow, Escape: the origin written or read. Invalidate of an
  /// Element: the origin of the iterator argument.
  unsigned Origin = 0;
  Kind K = Kind::Use;
  /// Invalidate: which borrows, and how ("may reallocate").
  Invalidation Invalidates;
  /// Move: only on some paths through the callee (its summary says "maybe").
  /// Issue, Flow: only on some paths (one arm of a conditional expression).
  bool Maybe : 1;
  /// Use: unsequenced with a move in the same full-expression.
  bool Unsequenced : 1;
  /// Use: the value at Place is a pointer (raw, smart, iterator) that is
  /// dereferenced to reach the object written, like `p` in `*p = 1`.
  bool Dereferences : 1;
  /// Use: cancelled by its consumer (the left side of an assignment, the
  /// object of `clear()`...). Kept in place so consumers can find it.
  bool Cancelled : 1;
  /// Issue, Flow: Origin forgets its own loans first (the value is
  /// replaced, not added to). With Maybe, only on some paths: the loans
  /// Origin must hold go, those it may hold stay.
  bool Kill : 1;
  /// Expire: a temporary at the end of its full-expression (rather than a
  /// variable at the end of its scope).
  bool EndOfFullExpression : 1;

  Fact()
      : Maybe(false), Unsequenced(false), Dereferences(false), Cancelled(false),
        Kill(false), EndOfFullExpression(false) {}

  const clang::FunctionDecl *via() const { return Why ? Why->Via : nullptr; }
  const clang::Stmt *viaSite() const { return Why ? Why->ViaSite : nullptr; }
  llvm::StringRef viaSiteElsewhere() const {
    return Why ? Why->ViaSiteElsewhere : llvm::StringRef();
  }
  unsigned viaParam() const { return Why ? Why->ViaParam : 0; }
};

static_assert(sizeof(Fact) <= 32, "keep Fact small: see its fields");

/// `Move(s)`, `Use(c.items)`, ...: how tests and debug output show a fact.
std::string describe(const Fact &F, const PlaceTable &Places);

/// The facts of one function, block by block, in one array. The builder
/// fills the blocks one after the other, each block's edge facts after its
/// own, so a block's facts are a slice of the array: iterating them reads
/// memory in order, and a fact costs no pointer besides itself.
class FunctionFacts {
public:
  /// \p ExpectedFacts is room made up front (an estimate from the CFG's
  /// size): the array then seldom grows, which copies it.
  explicit FunctionFacts(unsigned NumBlocks, unsigned ExpectedFacts = 0);

  /// Adds a fact to \p Block, the block being filled (or the next one).
  Fact &add(unsigned Block, Fact F);
  /// Adds a fact that holds only on the edge to the block's \p Succ-th
  /// successor, like the outcome of a null test. A block's edge facts come
  /// after its own facts, those of one edge together.
  Fact &addEdge(unsigned Block, unsigned Succ, Fact F);
  llvm::ArrayRef<Fact> block(unsigned Block) const {
    return slice(Blocks[Block]);
  }
  llvm::ArrayRef<Fact> edge(unsigned Block, unsigned Succ) const;
  unsigned numBlocks() const { return Blocks.size(); }
  unsigned numFacts() const { return All.size(); }
  /// How many facts of kind \p K the function has: a pass that looks for
  /// one kind skips a function without any rather than reading every fact.
  unsigned count(Fact::Kind K) const { return ByKind[unsigned(K)]; }
  /// Stores \p R for the facts that point to it.
  const Reason *reason(const Reason &R);
  const Fact &byID(unsigned ID) const { return All[ID]; }
  /// The index of \p F, a fact of this function (not a copy of one): dense,
  /// for arrays and bit vectors by fact.
  unsigned idOf(const Fact &F) const {
    assert(&F >= All.data() && &F < All.data() + All.size() &&
           "not a fact of this function");
    return &F - All.data();
  }
  /// For the builder, which amends a fact it added earlier (cancels a use;
  /// never its kind). Facts move while they are added: keep IDs, not
  /// references.
  Fact &byID(unsigned ID) { return All[ID]; }

private:
  /// The facts [Begin, End) of the array.
  struct Slice {
    unsigned Begin = 0;
    unsigned End = 0;
  };
  llvm::ArrayRef<Fact> slice(Slice S) const {
    return llvm::ArrayRef<Fact>(All).slice(S.Begin, S.End - S.Begin);
  }
  Fact &append(Fact F);
  void startBlock(unsigned Block);

  std::vector<Fact> All;
  unsigned ByKind[Fact::NumKinds] = {};
  std::vector<Slice> Blocks;
  llvm::DenseMap<std::pair<unsigned, unsigned>, Slice> Edges;
  llvm::SpecificBumpPtrAllocator<Reason> Reasons;
  /// The block being filled, and whether its edge facts have begun.
  unsigned Filling = ~0u;
  bool FillingEdges = false;
  std::pair<unsigned, unsigned> FillingEdge{~0u, ~0u};
};

} // namespace borrow

#endif // BORROW_FACT_H
