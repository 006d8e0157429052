// The engine's charset decoders (normalize/charset_*.h, libxml_charsets.h): every byte of every
// table against glibc's iconv(3), called here at test time (an independent implementation: the
// native build's C library); the labels; and their registration with libxml2, which must never
// fall back to iconv for a label the engine knows.
#include <gtest/gtest.h>
#include <iconv.h>
#include <libxml/encoding.h>
#include <libxml/parser.h>

#include <cctype>
#include <map>
#include <optional>
#include <set>
#include <string>

#include "normalize/charset_decode.h"
#include "normalize/charset_labels.h"
#include "normalize/charset_tables.h"
#include "normalize/libxml_charsets.h"

namespace portal_check::charset {
namespace {

// glibc's decoding of `byte` alone to UTF-8, or nullopt when it refuses the byte.
std::optional<std::string> GlibcDecode(const char* glibc_name, unsigned char byte) {
  iconv_t cd = iconv_open("UTF-8", glibc_name);
  EXPECT_NE(cd, reinterpret_cast<iconv_t>(-1)) << glibc_name;
  if (cd == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  char in_buf[1] = {static_cast<char>(byte)};
  char out_buf[16];
  char* in = in_buf;
  char* out = out_buf;
  std::size_t in_left = 1, out_left = sizeof out_buf;
  std::optional<std::string> result;
  if (iconv(cd, &in, &in_left, &out, &out_left) != static_cast<std::size_t>(-1) &&
      iconv(cd, nullptr, nullptr, &out, &out_left) != static_cast<std::size_t>(-1) && in_left == 0)
    result = std::string(out_buf, out);  // the flush: glibc's CP1255/CP1258/TCVN hold a base letter back
  iconv_close(cd);
  return result;
}

TEST(Charset, EveryByteOfEveryTableDecodesAsGlibcDecodesIt) {
  int compared = 0;
  for (const SingleByteCharset& cs : kSingleByteCharsets) {
    for (int b = 0; b < 256; ++b) {
      const std::string ours = DecodeSingleByte(cs, std::string(1, static_cast<char>(b)));
      const std::optional<std::string> glibc = GlibcDecode(cs.glibc_name, static_cast<unsigned char>(b));
      if (glibc) {
        EXPECT_EQ(ours, *glibc) << cs.name << " byte 0x" << std::hex << b;
      } else {
        EXPECT_EQ(ours, "\xEF\xBF\xBD") << cs.name << " byte 0x" << std::hex << b << ": glibc has no character for it";
      }
      ++compared;
    }
  }
  EXPECT_EQ(compared, 34 * 256);
}

TEST(Charset, ChunkedDecodingEqualsWholeDecoding) {
  const SingleByteCharset* cp1258 = Lookup("windows-1258").table;
  ASSERT_NE(cp1258, nullptr);
  std::string all;
  for (int b = 0; b < 256; ++b) all.push_back(static_cast<char>(b));
  const std::string whole = DecodeSingleByte(*cp1258, all);
  // An output buffer of 5 bytes: at most one 3-byte character fits after a 2-byte one.
  std::string chunked;
  const auto* in = reinterpret_cast<const unsigned char*>(all.data());
  int left = static_cast<int>(all.size());
  while (left > 0) {
    unsigned char out[5];
    int outlen = sizeof out, inlen = left;
    ASSERT_GE(DecodeSingleByte(*cp1258, out, &outlen, in, &inlen), 0);
    ASSERT_GT(inlen, 0) << "no progress";
    chunked.append(reinterpret_cast<char*>(out), static_cast<std::size_t>(outlen));
    in += inlen;
    left -= inlen;
  }
  EXPECT_EQ(chunked, whole);
}

TEST(Charset, NotDecodedKeepsAsciiAndReplacesEveryOtherByte) {
  const std::string sjis = "a\x93\xfa\x96{b";  // "a日本b" in Shift_JIS: 本's second byte is '{'
  unsigned char out[64];
  int outlen = sizeof out, inlen = static_cast<int>(sjis.size());
  DecodeAsciiOnly(out, &outlen, reinterpret_cast<const unsigned char*>(sjis.data()), &inlen);
  EXPECT_EQ(std::string(reinterpret_cast<char*>(out), static_cast<std::size_t>(outlen)),
            "a\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD{b");
}

TEST(Charset, EveryLabelIsLowerCaseUniqueAndHasAHandler) {
  std::set<std::string_view> seen, handlers;
  for (std::size_t i = 0; i < kLabelCount; ++i) {
    const Label& l = kLabels[i];
    EXPECT_TRUE(seen.insert(l.label).second) << "listed twice: " << l.label;
    for (char c : l.label) EXPECT_FALSE(c >= 'A' && c <= 'Z') << l.label;
    EXPECT_NE(Lookup(l.label).support, Support::kUnknown) << l.label << " → " << l.handler;
    handlers.insert(l.handler);
  }
  for (const SingleByteCharset& cs : kSingleByteCharsets) EXPECT_TRUE(handlers.count(cs.name)) << cs.name << " has no label";
}

TEST(Charset, LookupIgnoresCaseOnly) {
  EXPECT_EQ(Lookup("Windows-1258").support, Support::kTable);
  EXPECT_EQ(Lookup("SHIFT_JIS").support, Support::kNotDecoded);
  EXPECT_EQ(Lookup("UTF-8").support, Support::kBuiltin);
  EXPECT_EQ(Lookup("iso latin 2").handler, "ISO-8859-2");
  for (const char* other : {" utf-8", "utf-8 ", "windows_1258", "utf-8\"", "x-unknown", "", "ibm273", "html"})
    EXPECT_EQ(Lookup(other).support, Support::kUnknown) << "'" << other << "'";
}

TEST(Charset, LookupLooseCountsLettersAndDigitsOnly) {
  EXPECT_EQ(LookupLoose("Windows_1258").handler, "WINDOWS-1258");
  EXPECT_EQ(LookupLoose(" utf-8\"").handler, "UTF-8");
  EXPECT_EQ(LookupLoose("Shift-JIS").support, Support::kNotDecoded);
  for (const char* other : {"", ";", "x-unknown", "ibm273", "utf-9"})
    EXPECT_EQ(LookupLoose(other).support, Support::kUnknown) << "'" << other << "'";
  // Labels that differ only in punctuation name the same charset (else the loose match would
  // depend on the list's order).
  std::map<std::string, std::string_view> by_letters;
  for (std::size_t i = 0; i < kLabelCount; ++i) {
    std::string letters;
    for (char c : kLabels[i].label)
      if (std::isalnum(static_cast<unsigned char>(c))) letters.push_back(c);
    const auto [it, fresh] = by_letters.emplace(letters, kLabels[i].handler);
    EXPECT_EQ(it->second, kLabels[i].handler) << kLabels[i].label;
  }
}

TEST(Charset, LibxmlFindsTheEnginesHandlerForEveryLabelAndNeverIconv) {
  xmlInitParser();
  ASSERT_TRUE(RegisterCharsets()) << "libxml2 refused a handler (its table is full, or a built-in shadows one)";
  for (std::size_t i = 0; i < kLabelCount; ++i) {
    const Label& l = kLabels[i];
    for (std::string name : {std::string(l.label), [&] {
                               std::string u(l.label);
                               for (char& c : u) c = static_cast<char>(toupper(static_cast<unsigned char>(c)));
                               return u;
                             }()}) {
      xmlCharEncodingHandler* h = xmlFindCharEncodingHandler(name.c_str());
      ASSERT_NE(h, nullptr) << name;
      EXPECT_EQ(std::string_view(h->name), l.handler) << name;
#ifdef LIBXML_ICONV_ENABLED
      EXPECT_EQ(h->iconv_in, nullptr) << name << ": libxml2 went to iconv";
#endif
    }
  }
}

}  // namespace
}  // namespace portal_check::charset
