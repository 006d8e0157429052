#include <gtest/gtest.h>

#include "util/vietnamese.h"

namespace portal_check::vietnamese {
namespace {

TEST(Vietnamese, ComposesEveryOrderOfToneAndVowelMarks) {
  const std::string want = "Vi\xE1\xBB\x87t";                       // "Việt" precomposed
  EXPECT_EQ(ComposeLatin(want), want);                              // already NFC
  EXPECT_EQ(ComposeLatin("Vi\xC3\xAA\xCC\xA3t"), want);             // ê + dot below (windows-1258 style)
  EXPECT_EQ(ComposeLatin("Vie\xCC\x82\xCC\xA3t"), want);            // e + circumflex + dot below
  EXPECT_EQ(ComposeLatin("Vie\xCC\xA3\xCC\x82t"), want);            // e + dot below + circumflex (NFD order)
  EXPECT_EQ(ComposeLatin("Ti\xC3\xAA\xCC\x81ng"), "Ti\xE1\xBA\xBFng");  // "Tiếng"
  EXPECT_EQ(ComposeLatin("u\xCC\x9B\xCC\x80"), "\xE1\xBB\xAB");        // u + horn + grave = ừ
}

TEST(Vietnamese, LeavesOtherTextAndBadBytesAlone) {
  EXPECT_EQ(ComposeLatin("abc 123 \xE2\x82\xAC"), "abc 123 \xE2\x82\xAC");
  EXPECT_EQ(ComposeLatin("\xFF" "a\xCC\x81"), "\xFF\xC3\xA1");
  EXPECT_EQ(ComposeLatin("\xCC\x81"), "\xCC\x81");  // a lone mark stays
  EXPECT_EQ(ComposeLatin(""), "");
}

TEST(Vietnamese, FoldsForMatching) {
  EXPECT_EQ(FoldForMatch("Chính sách BẢO MẬT"), "chinh sach bao mat");
  EXPECT_EQ(FoldForMatch("Đường dây nóng"), "duong day nong");
  EXPECT_EQ(FoldForMatch("Vi\xC3\xAA\xCC\xA3t"), FoldForMatch("Vi\xE1\xBB\x87t"));
  EXPECT_EQ(FoldForMatch("cá cược"), "ca cuoc");
  EXPECT_EQ(FoldForMatch("Nổ hũ"), "no hu");
}

}  // namespace
}  // namespace portal_check::vietnamese
