// vietnamese::NeedsComposition, the fast path of ComposeLatin: whenever it says no, composing
// would not change a byte. Checked on every 2-byte string after a base letter, and on random
// strings of the bytes that matter (UTF-8 leads, continuation bytes, letters, marks).
// FoldForMatch's ASCII shortcut and folding tables: the same bytes as decoding every code point
// and searching the folding table.
#include <gtest/gtest.h>

#include <random>
#include <string>

#include "util/vietnamese.h"
#include "util/vietnamese_tables.h"

namespace portal_check::vietnamese {
namespace {

void ExpectNoIsExact(const std::string& s) {
  if (!NeedsComposition(s)) EXPECT_EQ(ComposeLatin(s), s) << "NeedsComposition said no to a string that composes";
}

TEST(VietnameseFastPath, SaysYesToMarksAndOverlongSequences) {
  EXPECT_TRUE(NeedsComposition("Vi\xC3\xAA\xCC\xA3t"));  // ê + dot below (U+0323)
  EXPECT_TRUE(NeedsComposition("a\xCD\x80"));            // U+0340
  EXPECT_TRUE(NeedsComposition("a\xC1\x81"));            // overlong 'A'
  EXPECT_TRUE(NeedsComposition("a\xE0\x8C\x81"));        // overlong U+0301
  EXPECT_TRUE(NeedsComposition("a\xF0\x80\x8C\x81"));    // overlong U+0301, 4 bytes
  EXPECT_FALSE(NeedsComposition("Vi\xE1\xBB\x87t \xE0\xB8\x81 \xF0\x9F\x98\x80"));  // NFC, Thai, emoji
  EXPECT_FALSE(NeedsComposition(""));
}

TEST(VietnameseFastPath, EveryTwoBytesAfterALetter) {
  for (int a = 0; a < 256; ++a)
    for (int b = 0; b < 256; ++b) ExpectNoIsExact(std::string{'a', static_cast<char>(a), static_cast<char>(b)});
}

TEST(VietnameseFastPath, RandomStringsOfTheBytesThatMatter) {
  const std::string bytes = "aAeE z\x80\x81\x8C\x9F\xA0\xA3\xBF\xC0\xC1\xC2\xC3\xCC\xCD\xCE\xDF\xE0\xE1\xED\xEF\xF0\xF4\xF7\xF8\xFF";
  std::mt19937 rng(1258);
  std::size_t exercised = 0;
  for (int round = 0; round < 200000; ++round) {
    std::string s;
    const std::size_t len = 1 + rng() % 40;  // past 8 and 16: the scan goes a word at a time
    for (std::size_t i = 0; i < len; ++i) s.push_back(bytes[rng() % bytes.size()]);
    if (!NeedsComposition(s)) ++exercised;
    ExpectNoIsExact(s);
  }
  EXPECT_GT(exercised, 1000u);
}

// The reference: FoldForMatch as written before its shortcuts (decode, then search the table).
std::string ReferenceFold(std::string_view s) {
  std::string out;
  std::size_t i = 0;
  while (i < s.size()) {
    const auto b0 = static_cast<unsigned char>(s[i]);
    const std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
    long cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
    bool valid = len != 0 && i + len <= s.size();
    for (std::size_t k = 1; valid && k < len; ++k) {
      const auto b = static_cast<unsigned char>(s[i + k]);
      valid = (b & 0xC0) == 0x80;
      cp = (cp << 6) | (b & 0x3F);
    }
    if (!valid) {
      out.push_back(s[i++]);
      continue;
    }
    const std::string_view seq = s.substr(i, len);
    i += len;
    if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
      continue;
    }
    if (cp >= 0x300 && cp <= 0x36F) continue;
    char folded = 0;
    for (std::size_t k = 0; k < kFoldingCount; ++k)
      if (kFoldings[k].letter == static_cast<char32_t>(cp)) folded = kFoldings[k].ascii;
    if (folded) out.push_back(folded);
    else out.append(seq);
  }
  return out;
}

TEST(VietnameseFastPath, FoldForMatchAgreesWithDecodingEveryCodePoint) {
  // Every code point below U+2000 (the Vietnamese block U+1EA0–U+1EF9 included), between letters.
  for (char32_t cp = 0; cp < 0x2000; ++cp) {
    std::string s = "Ab";
    if (cp < 0x80) s.push_back(static_cast<char>(cp));
    else if (cp < 0x800) s += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
    else s += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)), static_cast<char>(0x80 | (cp & 0x3F))};
    s += "Zz";
    EXPECT_EQ(FoldForMatch(s), ReferenceFold(s)) << static_cast<unsigned>(cp);
  }
  // Random byte strings, invalid and overlong sequences included.
  const std::string bytes = "aAzZ .\x80\x81\xBA\xBB\xBF\xC1\xC3\xC4\xC6\xCC\xE0\xE1\xED\xF0\xF4\xFF";
  std::mt19937 rng(7);
  for (int round = 0; round < 100000; ++round) {
    std::string s;
    const std::size_t len = 1 + rng() % 24;
    for (std::size_t i = 0; i < len; ++i) s.push_back(bytes[rng() % bytes.size()]);
    EXPECT_EQ(FoldForMatch(s), ReferenceFold(s));
  }
}

}  // namespace
}  // namespace portal_check::vietnamese
