// pc_word_memcpy (util/word_memcpy.h, the wasm module's memcpy below 512 bytes): exactly the n
// bytes copied, for every length up to 600 at every alignment of source and destination, and not
// one byte before or after them touched.
#include "util/word_memcpy.h"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace portal_check {
namespace {

TEST(WordMemcpy, CopiesExactlyTheBytesAtEveryLengthAndAlignment) {
  std::mt19937 random(11);
  std::vector<unsigned char> source(640), dest(640);
  for (unsigned char& b : source) b = static_cast<unsigned char>(random());
  for (std::size_t n = 0; n <= 600; n += (n < 80 ? 1 : 7)) {
    for (std::size_t from = 0; from < 8; ++from) {
      for (std::size_t to = 0; to < 8; ++to) {
        std::fill(dest.begin(), dest.end(), 0xA5);
        EXPECT_EQ(pc_word_memcpy(dest.data() + to, source.data() + from, n), dest.data() + to);
        for (std::size_t i = 0; i < dest.size(); ++i) {
          const bool copied = i >= to && i < to + n;
          ASSERT_EQ(dest[i], copied ? source[from + i - to] : 0xA5) << n << " " << from << " " << to << " " << i;
        }
      }
    }
  }
}

}  // namespace
}  // namespace portal_check
