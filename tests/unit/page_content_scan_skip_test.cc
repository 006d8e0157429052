// content::NextDigitOrColon (the eight-bytes-at-a-time skip of FindInternalAddresses) against a
// byte-by-byte search: every byte value at every offset of a 9-byte window, and random texts.
#include <gtest/gtest.h>

#include <cstdint>
#include <string>

#include "checks/support/page_content_scan.h"

namespace portal_check {
namespace {

std::size_t Naive(std::string_view text, std::size_t from) {
  std::size_t i = from;
  while (i < text.size() && !(text[i] >= '0' && text[i] <= '9') && text[i] != ':') ++i;
  return i;
}

TEST(NextDigitOrColon, EveryByteAtEveryOffset) {
  for (int b = 0; b < 256; ++b) {
    for (std::size_t at = 0; at < 17; ++at) {
      std::string text(17, 'x');
      text[at] = static_cast<char>(b);
      for (std::size_t from = 0; from <= text.size(); ++from)
        ASSERT_EQ(content::NextDigitOrColon(text, from), Naive(text, from)) << b << " at " << at << " from " << from;
    }
  }
}

TEST(NextDigitOrColon, RandomTexts) {
  const std::string alphabet = "a/.:09\xC3\xB0\xFF\x3B\x2F ";
  std::uint32_t seed = 99;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const int len = static_cast<int>(next() % 40);
    for (int k = 0; k < len; ++k) text.push_back(next() % 4 == 0 ? alphabet[next() % alphabet.size()] : static_cast<char>(0x80 | next()));
    for (std::size_t from = 0; from <= text.size(); ++from) ASSERT_EQ(content::NextDigitOrColon(text, from), Naive(text, from));
  }
}

}  // namespace
}  // namespace portal_check
