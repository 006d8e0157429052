// util/inflate.h against real raw deflate streams: zlib's own deflate and the two the build embeds
// (CMake's libarchive writer), whole and damaged.
#include "util/inflate.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <random>
#include <string>

#include "ruleset/ruleset.h"
#include "util/json.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

// `text` as one raw deflate stream written by zlib (level 9).
std::string DeflateOf(const std::string& text) {
  z_stream s{};
  EXPECT_EQ(deflateInit2(&s, 9, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY), Z_OK);
  std::string out(deflateBound(&s, text.size()), '\0');
  s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  s.avail_in = static_cast<uInt>(text.size());
  s.next_out = reinterpret_cast<Bytef*>(out.data());
  s.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&s, Z_FINISH), Z_STREAM_END);
  out.resize(s.total_out);
  deflateEnd(&s);
  return out;
}

std::string SomeText(std::size_t bytes) {
  std::mt19937_64 random(42);
  std::string text;
  while (text.size() < bytes) text += "rule-" + std::to_string(random() % 1000) + (random() % 3 ? " " : "\n");
  text.resize(bytes);
  return text;
}

TEST(Inflate, InflatesWhatZlibDeflatedAtItsExactSize) {
  for (std::size_t bytes : {0, 1, 100, 70000}) {
    const std::string text = SomeText(bytes);
    const std::optional<std::string> back = Inflate(DeflateOf(text), text.size());
    ASSERT_TRUE(back.has_value()) << bytes;
    EXPECT_EQ(*back, text);
  }
}

TEST(Inflate, RefusesAnyOtherSizeThanTheOneExpected) {
  const std::string text = SomeText(5000);
  const std::string deflated = DeflateOf(text);
  EXPECT_FALSE(Inflate(deflated, text.size() - 1).has_value());  // the stream is longer
  EXPECT_FALSE(Inflate(deflated, text.size() + 1).has_value());  // the stream is shorter
  EXPECT_FALSE(Inflate(deflated, 0).has_value());
}

TEST(Inflate, RefusesDamagedTruncatedOrExtendedData) {
  const std::string text = SomeText(5000);
  const std::string deflated = DeflateOf(text);
  EXPECT_FALSE(Inflate("", text.size()).has_value());
  EXPECT_FALSE(Inflate(text, text.size()).has_value());                     // not deflate data
  EXPECT_FALSE(Inflate(deflated.substr(0, deflated.size() - 1), text.size()).has_value());  // last byte cut
  EXPECT_FALSE(Inflate(deflated.substr(0, deflated.size() / 2), text.size()).has_value());
  EXPECT_FALSE(Inflate(deflated + "x", text.size()).has_value());                 // bytes after the stream
  std::string body = deflated;
  body[body.size() / 2] ^= 0x55;
  EXPECT_FALSE(Inflate(body, text.size()).has_value());
}

TEST(Inflate, TheEmbeddedRulesetInflatesToAParsableDocument) {
  const std::string_view document = Ruleset::EmbeddedDocument();
  ASSERT_GT(document.size(), 100000u);
  json::Value doc;
  ASSERT_TRUE(json::ParseBounded(document, 64, doc).ok());
  EXPECT_TRUE(json::Find(doc, "rules") != nullptr);
  EXPECT_EQ(Ruleset::EmbeddedDocument().data(), document.data());  // inflated once, then kept
}

}  // namespace
}  // namespace portal_check
