#include "util/word_memcmp.h"

#include <cstdint>
#include <cstring>

extern "C" int pc_word_memcmp(const void* a, const void* b, size_t n) {
  const auto* l = static_cast<const unsigned char*>(a);
  const auto* r = static_cast<const unsigned char*>(b);
  // Whole words while they are equal (loaded through memcpy: any alignment), then bytewise from the
  // first word that differs.
  while (n >= 8) {
    std::uint64_t x, y;
    std::memcpy(&x, l, 8);
    std::memcpy(&y, r, 8);
    if (x != y) break;
    l += 8;
    r += 8;
    n -= 8;
  }
  for (; n > 0; --n, ++l, ++r)
    if (*l != *r) return static_cast<int>(*l) - static_cast<int>(*r);
  return 0;
}
