//===- AddressSet.cpp -----------------------------------------------------===//

#include "borrow/AddressSet.h"
#include <algorithm>

namespace borrow {

void AddressSet::seal() {
  std::sort(Items.begin(), Items.end());
  Items.erase(std::unique(Items.begin(), Items.end()), Items.end());
  Finger = 0;
}

bool AddressSet::contains(const void *P) const {
  size_t N = Items.size();
  if (N == 0)
    return false;
  // Gallop from the finger, in steps that double, to a range that holds
  // P's position; then search that range. Everything before Lo is below P,
  // everything from Hi on is not.
  size_t I = std::min(Finger, N - 1), Lo, Hi;
  if (Items[I] < P) {
    Lo = Hi = I + 1;
    for (size_t Step = 1; Hi < N && Items[Hi] < P; Step *= 2) {
      Lo = Hi + 1;
      Hi += Step;
    }
    Hi = std::min(Hi, N);
  } else {
    Lo = Hi = I;
    for (size_t Step = 1; Lo > 0 && Items[Lo - 1] >= P; Step *= 2) {
      Hi = Lo - 1;
      Lo = Hi > Step ? Hi - Step : 0;
    }
  }
  Finger = std::lower_bound(Items.begin() + Lo, Items.begin() + Hi, P) -
           Items.begin();
  return Finger < N && Items[Finger] == P;
}

} // namespace borrow
