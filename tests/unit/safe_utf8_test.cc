// text::IsCleanUtf8 (the fast path of text::SafeUtf8, also used to skip rewriting strings that are
// already clean) must agree with SafeUtf8's byte-by-byte reading: a string is clean exactly when
// SafeUtf8 leaves it unchanged. Checked on every 1- and 2-byte string, on the edges of 3- and
// 4-byte sequences (overlong forms, surrogates, past U+10FFFF, cut sequences), on NUL and
// non-ASCII bytes at every position of the 8-byte ASCII runs, and on real pages.
#include <gtest/gtest.h>

#include <iostream>
#include <string>
#include <vector>

#include "test_support.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kNoCut = std::size_t{1} << 40;

void ExpectAgrees(const std::string& s) {
  EXPECT_EQ(text::IsCleanUtf8(s), text::SafeUtf8(s, kNoCut) == s) << ::testing::PrintToString(s);
}

TEST(SafeUtf8, CleanExactlyWhenUnchangedOnShortStrings) {
  for (int a = 0; a < 256; ++a) {
    ExpectAgrees(std::string(1, static_cast<char>(a)));
    for (int b = 0; b < 256; ++b) ExpectAgrees(std::string{static_cast<char>(a), static_cast<char>(b)});
  }
  for (int lead : {0xE0, 0xE1, 0xED, 0xEF, 0xF0, 0xF1, 0xF4, 0xF5})
    for (int b1 = 0x70; b1 < 0xD0; ++b1)
      for (const char* tail : {"\x80", "\x80\x80", "\xBF\xBF", "", "a"})
        ExpectAgrees(std::string{static_cast<char>(lead), static_cast<char>(b1)} + tail);
}

TEST(SafeUtf8, CleanExactlyWhenUnchangedAroundAsciiRuns) {
  for (std::size_t length = 0; length < 20; ++length)
    for (std::size_t at = 0; at < length; ++at)
      for (char bad : {'\0', '\x80', '\xC3', '\xFF'}) {
        std::string s(length, 'a');
        s[at] = bad;
        ExpectAgrees(s);
        ExpectAgrees(s + "\xC3\xA1");
        ExpectAgrees("Vi\xE1\xBB\x87t " + s);
      }
}

TEST(SafeUtf8, CutAndRepairStillApplyToCleanText) {
  EXPECT_EQ(text::SafeUtf8("abcdef", 4), "abcd\xE2\x80\xA6");  // cut at the limit, then "…"
  EXPECT_EQ(text::SafeUtf8("abc", 3), "abc");
  EXPECT_EQ(text::SafeUtf8(std::string("a\0b", 3)), "a\xE2\x90\x80" "b");
  EXPECT_EQ(text::SafeUtf8("a\xFF"), "a\xEF\xBF\xBD");
}

TEST(SafeUtf8, RealPagesAgree) {
  const std::string dir = testing::SourceDir() + "/../shared/data/real-pages";
  const std::vector<std::string> pages = testing::ListFiles(dir, ".html");
  if (pages.empty()) std::cout << "[ note ] " << dir << " is absent: no real page compared\n";
  for (const std::string& f : pages) {
    const std::string page = testing::ReadFileOrEmpty(dir + "/" + f);
    ExpectAgrees(page);
    for (std::size_t at = 0; at + 64 <= page.size(); at += 4093) ExpectAgrees(page.substr(at, 61));  // cut mid-character too
  }
}

}  // namespace
}  // namespace portal_check
