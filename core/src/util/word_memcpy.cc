#include "util/word_memcpy.h"

#include <cstdint>

namespace {

// Words read and written at any alignment (wasm's loads and stores take any; so do x86's), and
// allowed to alias the bytes they copy.
typedef std::uint64_t Word __attribute__((aligned(1), may_alias));
typedef std::uint32_t HalfWord __attribute__((aligned(1), may_alias));

}  // namespace

extern "C" void* pc_word_memcpy(void* dest, const void* src, size_t n) {
  auto* d = static_cast<unsigned char*>(dest);
  const auto* s = static_cast<const unsigned char*>(src);
  for (; n >= 32; n -= 32, d += 32, s += 32) {
    const Word a = reinterpret_cast<const Word*>(s)[0], b = reinterpret_cast<const Word*>(s)[1];
    const Word c = reinterpret_cast<const Word*>(s)[2], e = reinterpret_cast<const Word*>(s)[3];
    reinterpret_cast<Word*>(d)[0] = a;
    reinterpret_cast<Word*>(d)[1] = b;
    reinterpret_cast<Word*>(d)[2] = c;
    reinterpret_cast<Word*>(d)[3] = e;
  }
  for (; n >= 8; n -= 8, d += 8, s += 8) *reinterpret_cast<Word*>(d) = *reinterpret_cast<const Word*>(s);
  if (n >= 4) {
    *reinterpret_cast<HalfWord*>(d) = *reinterpret_cast<const HalfWord*>(s);
    n -= 4;
    d += 4;
    s += 4;
  }
  for (; n > 0; --n) *d++ = *s++;
  return dest;
}
