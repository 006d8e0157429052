// pc_word_memcmp (util/word_memcmp.h, the wasm module's memcmp): the sign libc's memcmp gives, for
// every length up to 40 at every alignment, with the first difference at every position (bytes
// above 0x7f included: they compare as unsigned char).
#include "util/word_memcmp.h"

#include <gtest/gtest.h>

#include <cstring>
#include <random>
#include <vector>

namespace portal_check {
namespace {

int Sign(int v) { return (v > 0) - (v < 0); }

TEST(WordMemcmp, SignOfLibcMemcmpForEveryLengthAlignmentAndDifference) {
  std::mt19937 random(7);
  std::vector<unsigned char> a(64), b(64);
  for (std::size_t n = 0; n <= 40; ++n) {
    for (std::size_t offset = 0; offset < 8; ++offset) {
      for (std::size_t i = 0; i < a.size(); ++i) a[i] = b[i] = static_cast<unsigned char>(random());
      EXPECT_EQ(pc_word_memcmp(a.data() + offset, b.data() + offset, n), 0) << n << " " << offset;
      for (std::size_t at = 0; at < n; ++at) {
        for (unsigned char other : {0x00, 0x41, 0x7f, 0x80, 0xff}) {
          std::vector<unsigned char> c = b;
          c[offset + at] = other;
          const int want = Sign(std::memcmp(a.data() + offset, c.data() + offset, n));
          EXPECT_EQ(Sign(pc_word_memcmp(a.data() + offset, c.data() + offset, n)), want) << n << " " << offset << " " << at;
          EXPECT_EQ(Sign(pc_word_memcmp(c.data() + offset, a.data() + offset, n)), -want) << n << " " << offset << " " << at;
        }
      }
    }
  }
}

}  // namespace
}  // namespace portal_check
