//===- Place.h - Paths to objects that can be moved or borrowed -*- C++ -*-===//
//
// A Place names an object the way Rust's MIR does: a root (a local variable,
// a parameter, `*this`, a temporary) followed by projections (a field, a
// dereference). `c.items`, `this->items` and `(*p).name` are places. Moves,
// reinitialisations, borrows and invalidations are all facts about places,
// and the prefix relation answers "does an operation on `c` touch a borrow of
// `c.items`?".
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_PLACE_H
#define BORROW_PLACE_H

#include "borrow/NearbyKeys.h"
#include "clang/AST/Decl.h"
#include "clang/AST/Expr.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>
#include <tuple>

namespace borrow {

/// Index of a place in its PlaceTable. Dense, so dataflow states can be
/// bit vectors over places.
using PlaceID = unsigned;

struct Place {
  enum class Kind : unsigned char {
    Variable,  ///< a variable or a parameter
    This,      ///< the object `*this` of a method
    Temporary, ///< a materialised temporary
    Field,     ///< Parent.Field
    Deref,     ///< *Parent (raw pointers, smart pointers, iterators...)
  };

  Kind K;
  /// The parent place for projections; the place itself for roots.
  PlaceID Parent;
  /// Variable for Variable roots, FieldDecl for Field projections.
  const clang::ValueDecl *Decl = nullptr;
  /// The expression for Temporary roots.
  const clang::Expr *Temporary = nullptr;
  /// The type of the object at this place; for a variable, its declared
  /// type (a reference type for a reference). Read it rather than the
  /// declaration's: on a long function the declaration is far away in
  /// memory, the place table is not.
  clang::QualType Type;
  /// Number of projections from the root.
  unsigned Depth = 0;
  /// Deref: the object pointed to is owned by the parent (`*up` for a
  /// std::unique_ptr, `*opt` for a std::optional), so it lives and dies
  /// with it. Other derefs (raw pointers, iterators) lead elsewhere.
  bool OwnedPointee = false;

  bool isRoot() const { return Depth == 0; }
};

/// Interns the places of one function so that equal paths have equal IDs.
class PlaceTable {
public:
  PlaceID variable(const clang::ValueDecl *Var);
  PlaceID thisObject(clang::QualType ClassType);
  PlaceID temporary(const clang::Expr *E);
  PlaceID field(PlaceID Base, const clang::FieldDecl *Field);
  PlaceID deref(PlaceID Base, clang::QualType Pointee, bool Owned = false);

  const Place &get(PlaceID ID) const { return Places[ID]; }
  unsigned size() const { return Places.size(); }

  PlaceID root(PlaceID ID) const;
  /// True if \p ID is rooted at a global or static variable.
  bool isGlobal(PlaceID ID) const;
  /// True if \p Prefix is \p P or one of the places \p P is reached from.
  bool isPrefixOf(PlaceID Prefix, PlaceID P) const;
  /// The places stored inside \p P (its fields, their fields...), not
  /// those it points to.
  void partsOf(PlaceID P, llvm::SmallVectorImpl<PlaceID> &Out) const;
  /// True if some projection on the way from \p Prefix to \p P is a Deref:
  /// then \p P is not stored inside \p Prefix but somewhere it points to.
  bool reachesThroughDeref(PlaceID Prefix, PlaceID P) const;

  /// Where the object at \p P lives: in the storage of the root variable,
  /// temporary or `*this`, or (Pointer set) wherever the pointer-like place
  /// Pointer refers to: the nearest non-owning Deref or reference member
  /// on the path, or the root itself when it is a reference variable.
  struct Storage {
    PlaceID Root;
    std::optional<PlaceID> Pointer;
    /// Pointer is the root, a reference variable (not a Deref of a pointer).
    bool ThroughReference = false;
  };
  Storage storageOf(PlaceID P) const;

  /// How the place reads in C++ source: `s1`, `c.items`, `items` (for
  /// `this->items`), `*p`, `p->name`.
  std::string describe(PlaceID ID) const;

private:
  PlaceID intern(Place P, const void *Key);

  llvm::SmallVector<Place, 16> Places;
  /// The projections made from each place, in the order they were made: a
  /// list threaded through an array by place ID, where a hash map from
  /// each place to its children sent every question of a long function to
  /// a random cache line.
  struct Family {
    static constexpr PlaceID None = ~0u;
    PlaceID FirstChild = None;
    PlaceID LastChild = None;
    PlaceID NextSibling = None;
  };
  llvm::SmallVector<Family, 16> Families;
  /// Roots by their declaration or expression (null for `*this`): a plain
  /// pointer hash, which keeps declarations made in source order together.
  llvm::DenseMap<const void *, PlaceID> Roots;
  /// Projections by parent and field (null for a deref).
  NearbyKeyMap<PlaceID, PlaceID, const void *> Projections;
};

} // namespace borrow

#endif // BORROW_PLACE_H
