//===- CallEffects.h - What a call does to its arguments --------*- C++ -*-===//
//
// One place answers "what does this call do to the object passed here?",
// consulting, in order: attributes and the ReinitializationFunctions option,
// the callee's Summary when it is defined in the translation unit, the std
// Models, and otherwise a default chosen so that an unknown callee never
// causes a false positive:
//   - `T &&` parameter: moves (that is what the caller asked for);
//   - non-const `T &` or `T *` parameter: may write, so reinitialises;
//   - non-const method of a user type: may reinitialise the object's parts.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_CALLEFFECTS_H
#define BORROW_CALLEFFECTS_H

#include "borrow/Config.h"
#include "borrow/Summary.h"

namespace clang {
class CXXConstructorDecl;
class CXXMethodDecl;
} // namespace clang

namespace borrow {

struct ArgEffect {
  enum class Kind : unsigned char {
    None,         ///< reads it, at most
    Moves,        ///< leaves it moved-from (Maybe: on some paths)
    Reinits,      ///< gives it a fresh value
    ReinitsParts, ///< may give its parts fresh values
  };
  Kind K = Kind::None;
  bool Maybe = false;
  /// The callee that decided it, for notes; null for the defaults.
  const clang::FunctionDecl *Via = nullptr;
  /// Where in Via the move happens, when a summary says so.
  const clang::Stmt *Site = nullptr;
  /// Instead of Site for a summary from another translation unit.
  llvm::StringRef SiteElsewhere;
  /// The moves of parts of the object (from a summary).
  llvm::ArrayRef<MovedPart> Parts;

  static ArgEffect of(Kind K, const clang::FunctionDecl *Via = nullptr) {
    ArgEffect E;
    E.K = K;
    E.Via = Via;
    return E;
  }
};

class CallEffects {
public:
  CallEffects(const Config &Cfg, const SummaryTable &Summaries)
      : Cfg(Cfg), Summaries(Summaries) {}

  /// The effect of calling \p Callee on the object bound to parameter
  /// \p Param of type \p ParamType (a reference or pointer parameter).
  /// \p Callee is null for calls through function pointers; \p Call is
  /// the call (a virtual one takes the summary of every implementation).
  ArgEffect onParam(const clang::Expr *Call, const clang::FunctionDecl *Callee,
                    unsigned Param, clang::QualType ParamType) const;

  /// The effect of \p Call of \p Method on its object; \p ObjectIsXValue
  /// for `std::move(x).method()`.
  ArgEffect onObject(const clang::Expr *Call,
                     const clang::CXXMethodDecl *Method,
                     bool ObjectIsXValue) const;

  /// The effect of constructing with \p Ctor on its argument \p Param when
  /// that argument is an xvalue.
  ArgEffect onConstructorArg(const clang::CXXConstructorDecl *Ctor,
                             unsigned Param) const;

  /// True if \p F is listed in the ReinitializationFunctions option.
  bool isUserReinitializer(const clang::FunctionDecl *F) const;

private:
  ArgEffect fromSummary(const clang::Expr *Call, const clang::FunctionDecl *F,
                        unsigned Param, ArgEffect Default) const;

  const Config &Cfg;
  const SummaryTable &Summaries;
};

} // namespace borrow

#endif // BORROW_CALLEFFECTS_H
