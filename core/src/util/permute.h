// Reordering a vector in place by a permutation, without a second vector of its elements.
#ifndef PORTAL_CHECK_UTIL_PERMUTE_H_
#define PORTAL_CHECK_UTIL_PERMUTE_H_

#include <cstddef>
#include <utility>
#include <vector>

namespace portal_check {

// Puts `items` in the order `order` names: afterwards items[j] holds what items[order[j]] held.
// REQUIRES: order.size() == items.size() and `order` is a permutation of 0 … size − 1. Each
// element is moved along its cycle of the permutation (one element is held aside per cycle);
// `order` is consumed (it ends as 0, 1, 2, …).
template <class T>
void PermuteInPlace(std::vector<T>& items, std::vector<std::size_t>& order) {
  for (std::size_t i = 0; i < order.size(); ++i) {
    if (order[i] == i) continue;
    T held = std::move(items[i]);
    std::size_t j = i;
    while (order[j] != i) {
      const std::size_t from = order[j];
      items[j] = std::move(items[from]);
      order[j] = j;
      j = from;
    }
    items[j] = std::move(held);
    order[j] = j;
  }
}

}  // namespace portal_check

#endif  // PORTAL_CHECK_UTIL_PERMUTE_H_
