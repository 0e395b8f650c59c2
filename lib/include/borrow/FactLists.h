//===- FactLists.h - A short list per fact, stored in order -----*- C++ -*-===//
//
// For each fact of a function (by ID), a short list of values, all in one
// array in fact order. The dataflow looks lists up fact after fact, so it
// reads this array front to back; a hash map keyed by fact ID jumped around
// a table as large as the function instead, which made the analysis of long
// functions grow faster than their length. Other dense IDs (places,
// origins) key such lists the same way.
//
//===----------------------------------------------------------------------===//

#ifndef BORROW_FACTLISTS_H
#define BORROW_FACTLISTS_H

#include "llvm/ADT/ArrayRef.h"
#include <utility>
#include <vector>

namespace borrow {

template <typename T> class FactLists {
public:
  /// Sets the lists from (fact ID, value) pairs in any order; the values of
  /// one fact keep the order they come in. IDs must be below \p NumFacts.
  void assign(unsigned NumFacts, llvm::ArrayRef<std::pair<unsigned, T>> Pairs) {
    Begin.assign(NumFacts + 1, 0);
    for (const auto &P : Pairs)
      ++Begin[P.first + 1];
    for (unsigned ID = 0; ID < NumFacts; ++ID)
      Begin[ID + 1] += Begin[ID];
    Values.resize(Pairs.size());
    std::vector<unsigned> Next(Begin.begin(), Begin.end() - 1);
    for (const auto &P : Pairs)
      Values[Next[P.first]++] = P.second;
  }

  /// The list of fact \p ID; empty for a fact with none (or none assigned).
  llvm::ArrayRef<T> of(unsigned ID) const {
    if (ID + 1 >= Begin.size())
      return {};
    return llvm::ArrayRef<T>(Values).slice(Begin[ID],
                                           Begin[ID + 1] - Begin[ID]);
  }

private:
  std::vector<unsigned> Begin; ///< fact ID -> first value; one past the end
  std::vector<T> Values;
};

} // namespace borrow

#endif // BORROW_FACTLISTS_H
