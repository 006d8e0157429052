// PermuteInPlace (util/permute.h): the same order as copying items[order[j]] into a new vector,
// for every permutation of small sizes and for random large ones, with move-only elements.
#include "util/permute.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <random>
#include <string>
#include <vector>

namespace portal_check {
namespace {

std::vector<std::string> Expected(const std::vector<std::string>& items, const std::vector<std::size_t>& order) {
  std::vector<std::string> out;
  for (std::size_t i : order) out.push_back(items[i]);
  return out;
}

TEST(PermuteInPlace, EveryPermutationOfUpToSixElements) {
  for (std::size_t n = 0; n <= 6; ++n) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    do {
      std::vector<std::string> items;
      for (std::size_t i = 0; i < n; ++i) items.push_back("item " + std::to_string(i) + std::string(20, 'x'));
      const std::vector<std::string> want = Expected(items, order);
      std::vector<std::size_t> consumed = order;
      PermuteInPlace(items, consumed);
      EXPECT_EQ(items, want);
      for (std::size_t i = 0; i < n; ++i) EXPECT_EQ(consumed[i], i);
    } while (std::next_permutation(order.begin(), order.end()));
  }
}

TEST(PermuteInPlace, RandomLargePermutationsOfMoveOnlyElements) {
  std::mt19937 random(16);
  for (std::size_t n : {1000u, 44009u}) {
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), random);
    std::vector<std::unique_ptr<std::size_t>> items;
    for (std::size_t i = 0; i < n; ++i) items.push_back(std::make_unique<std::size_t>(i));
    std::vector<std::size_t> consumed = order;
    PermuteInPlace(items, consumed);
    for (std::size_t j = 0; j < n; ++j) {
      ASSERT_TRUE(items[j]);
      EXPECT_EQ(*items[j], order[j]);
    }
  }
}

}  // namespace
}  // namespace portal_check
