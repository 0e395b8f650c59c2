//===- Summary.h - What a function does to what it is given ----*- C++ -*-===//
//
// A Summary describes a function defined in the translation unit from its
// callers' point of view: which of its parameters (and which parts of
// `*this`) it leaves moved-from when it returns, which of them its
// result refers to, and which of their borrows it may invalidate. Callers apply
// the summary at each call, so `consume(name); use(name);` is caught when
// `consume` moves from its `std::string &` parameter, and `sink(std::move(s))`
// is not a move when `sink` provably never moves from its `std::string &&`
// parameter.
//
// Summaries are computed bottom-up over the call graph by
// TranslationUnitAnalysis; a function without one (declared only, or in a
// system header) gets the defaults documented in CallEffects.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_SUMMARY_H
#define BORROW_SUMMARY_H

#include "borrow/Invalidation.h"
#include "clang/AST/Decl.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/FunctionExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <memory>
#include <optional>

namespace borrow {

/// Whether the object a parameter refers to is moved-from on return.
enum class MoveEffect : unsigned char { Never, Maybe, Always };

/// A part of the caller's object that the callee moves from: the parameter
/// (or `*this`, Param == ThisParam) and a field path below it.
struct MovedPart {
  static constexpr unsigned ThisParam = ~0u;
  unsigned Param;
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;
  MoveEffect Effect;
  /// The expression in the callee that moves, for the "why" note.
  const clang::Stmt *Site;
  /// Instead of Site when the summary comes from another translation unit
  /// (SummaryExchange): where the move is there, "file:line:col" or "?".
  llvm::StringRef SiteElsewhere = {};
  /// In the summary of a virtual call: the implementation that moves.
  const clang::FunctionDecl *In = nullptr;

  bool operator==(const MovedPart &O) const {
    return Param == O.Param && Fields == O.Fields && Effect == O.Effect;
  }
};

/// A part of the caller's objects that the callee's result refers to:
/// `longest(a, b)` refers to both parameters, `Container::get` to the
/// contents of `this->items`.
struct BorrowedPart {
  unsigned Param; ///< or MovedPart::ThisParam
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;
  /// The result refers into what the part owns (`&items[i]`), not to the
  /// part itself.
  bool Contents;
  /// The result holds the loans the argument's value holds (a pointer or
  /// view parameter passed through), rather than borrowing the argument.
  bool Carries;
  /// The expression in the callee that borrows, for the "why" note.
  const clang::Stmt *Site;

  bool operator==(const BorrowedPart &O) const {
    return Param == O.Param && Fields == O.Fields && Contents == O.Contents &&
           Carries == O.Carries;
  }
};

/// A part of the caller's objects whose borrows the callee may invalidate:
/// `Container::add` may reallocate the contents of `this->items`.
struct InvalidatedPart {
  unsigned Param; ///< or MovedPart::ThisParam
  llvm::SmallVector<const clang::FieldDecl *, 2> Fields;
  Invalidation Effect;
  /// The std member (or deeper callee) that does it, and where inside the
  /// callee it is called, for the "why" note.
  const clang::FunctionDecl *Via;
  const clang::Stmt *Site;
  /// Instead of Site when the summary comes from another translation unit:
  /// "file:line:col" or "?".
  llvm::StringRef SiteElsewhere = {};

  bool operator==(const InvalidatedPart &O) const {
    return Param == O.Param && Fields == O.Fields &&
           Effect.Scope == O.Effect.Scope && Effect.Grows == O.Effect.Grows;
  }
};

/// A part of the caller's objects that keeps, after the call, what another
/// part borrows: `void Index::add(std::string_view word) {
/// words.push_back(word); }` makes `this->words` hold what `word` points to,
/// like a parameter marked [[clang::lifetime_capture_by(this)]].
struct CapturedPart {
  /// What is captured (a part of a parameter or of `*this`).
  BorrowedPart What;
  /// Where it is kept: a parameter bound by reference, or `*this`.
  unsigned Into; ///< or MovedPart::ThisParam
  llvm::SmallVector<const clang::FieldDecl *, 2> IntoFields;
  /// Kept on some paths only (or in a container that may drop it).
  bool Maybe;

  bool operator==(const CapturedPart &O) const {
    return What == O.What && Into == O.Into && IntoFields == O.IntoFields &&
           Maybe == O.Maybe;
  }
};

struct Summary {
  llvm::SmallVector<MovedPart, 2> Moves;
  llvm::SmallVector<BorrowedPart, 2> ResultBorrows;
  llvm::SmallVector<InvalidatedPart, 1> Invalidates;
  llvm::SmallVector<CapturedPart, 1> Captures;

  /// The move of parameter \p Param as a whole (no field path), if any.
  const MovedPart *movedParam(unsigned Param) const;
  bool operator==(const Summary &O) const {
    return Moves == O.Moves && ResultBorrows == O.ResultBorrows &&
           Invalidates == O.Invalidates && Captures == O.Captures;
  }
  bool operator!=(const Summary &O) const { return !(*this == O); }
};

/// The summary of a call that may reach any of \p Implementations: moves
/// are Always only where every implementation always moves, borrows and
/// invalidations are those of any implementation.
Summary unionOf(llvm::ArrayRef<const Summary *> Implementations);

/// Whether \p Call is a virtual call whose target depends on the dynamic
/// type of its object: not qualified (`Base::f()`), not of a final method
/// or class, not on an object whose type is known (a local of class type).
bool dispatchesVirtually(const clang::Expr *Call);

class SummaryTable {
public:
  /// Gives the summary of a function this translation unit declares but
  /// does not define, from another translation unit's; none if unknown.
  using Importer = llvm::unique_function<std::optional<Summary>(
      const clang::FunctionDecl &) const>;

  /// The summary of \p F's definition, or null if it has none (yet). For a
  /// function without a definition here, the importer's answer.
  const Summary *lookup(const clang::FunctionDecl *F) const;
  /// The summary that applies where \p Call calls \p Callee: for a call
  /// that dispatches virtually, the one of every implementation together
  /// (setDispatch), otherwise lookup(Callee).
  const Summary *lookupCall(const clang::Expr *Call,
                            const clang::FunctionDecl *Callee) const;
  /// What a virtual call of \p Method may do: the union of the summaries of
  /// its implementations in the translation unit.
  void setDispatch(const clang::FunctionDecl *Method, Summary S);
  /// Consulted by lookup() once per function defined elsewhere.
  void setImporter(Importer I) { Import = std::move(I); }
  /// Stores \p S; returns true if it differs from the one stored before.
  bool update(const clang::FunctionDecl *F, Summary S);
  void erase(const clang::FunctionDecl *F);
  unsigned size() const { return Summaries.size(); }
  /// The summaries by canonical declaration, in no particular order.
  auto begin() const { return Summaries.begin(); }
  auto end() const { return Summaries.end(); }

private:
  llvm::DenseMap<const clang::FunctionDecl *, Summary> Summaries;
  /// Virtual methods with overriders: what a dispatched call may do.
  llvm::DenseMap<const clang::FunctionDecl *, Summary> Dispatch;
  Importer Import;
  /// The importer's answers (null: none), filled in by lookup(); boxed so
  /// that the summaries handed out stay where they are.
  mutable llvm::DenseMap<const clang::FunctionDecl *, std::unique_ptr<Summary>>
      Imported;
};

} // namespace borrow

#endif // BORROW_SUMMARY_H
