// json::Serialize's compact form and json::AppendQuoted are written by the project (faster than
// picojson's per-character serializer) and must give picojson's own bytes: reports and bundle
// digests depend on them. Compared here with picojson::value::serialize on every byte value, on
// numbers at their edges, and on whole real documents (HARs recorded by browsers and proxies,
// the shared corpus of real HARs when present, and the embedded ruleset).
#include <gtest/gtest.h>

#include <cstdint>
#include <iostream>
#include <limits>
#include <random>
#include <string>

#include "portal_check/auditor.h"
#include "test_support.h"
#include "util/json.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

std::string Picojson(const json::Value& v) { return v.serialize(false); }

TEST(JsonSerialize, EveryByteIsQuotedAsPicojsonQuotesIt) {
  std::string all;
  for (int c = 0; c < 256; ++c) all.push_back(static_cast<char>(c));
  const json::Value v(all);
  EXPECT_EQ(json::Serialize(v), Picojson(v));
  std::string quoted;
  json::AppendQuoted(quoted, all);
  EXPECT_EQ(quoted, Picojson(v));
  for (int c = 0; c < 256; ++c) {
    const json::Value one(std::string(3, static_cast<char>(c)) + "a/b\"c");
    EXPECT_EQ(json::Serialize(one), Picojson(one)) << c;
  }
  EXPECT_EQ(json::Serialize(json::Value(std::string())), "\"\"");
}

// AppendQuoted skips eight plain bytes at a time: every byte value at every offset of a long
// plain run (and next to bytes just above and below the escaped ones) must still be found.
TEST(JsonSerialize, EveryByteAtEveryOffsetOfAPlainRun) {
  for (int c = 0; c < 256; ++c) {
    for (std::size_t at = 0; at < 19; ++at) {
      std::string text(19, 'a');
      text[at] = static_cast<char>(c);
      if (at + 1 < text.size()) text[at + 1] = static_cast<char>(0x80 | c);
      const json::Value v(text);
      std::string quoted;
      json::AppendQuoted(quoted, text);
      ASSERT_EQ(quoted, Picojson(v)) << "byte " << c << " at " << at;
      ASSERT_EQ(json::QuotesAsIs(text), quoted == "\"" + text + "\"") << "byte " << c << " at " << at;
    }
  }
  for (const char* near : {"\x1f\x20\x21\x23\x2e\x30\x5b\x5d\x7e\x80\xff", "\x21\x21\x21\x21\x21\x21\x21\x22"}) {
    const json::Value v{std::string(near)};
    std::string quoted;
    json::AppendQuoted(quoted, near);
    EXPECT_EQ(quoted, Picojson(v));
  }
}

// Random strings of every length from 0 to 300 (short ones are quoted through a stack buffer, the
// longer ones run by run), made mostly of the bytes that are escaped, against picojson.
TEST(JsonSerialize, RandomStringsOfEveryLengthAsPicojsonQuotesThem) {
  std::mt19937_64 random(7);
  const std::string pool = std::string("/\"\\\b\f\n\r\t\x01\x1f\x7f\x80\xc3\xa9 aZ09:?", 22);
  for (std::size_t length = 0; length <= 300; ++length) {
    for (int sample = 0; sample < 8; ++sample) {
      std::string text;
      for (std::size_t i = 0; i < length; ++i)
        text.push_back(random() % 3 ? 'a' + static_cast<char>(random() % 26) : pool[random() % pool.size()]);
      std::string quoted = "x";  // appended to what is there
      json::AppendQuoted(quoted, text);
      ASSERT_EQ(quoted, "x" + Picojson(json::Value(text))) << "length " << length;
    }
  }
}

TEST(JsonSerialize, NumbersAndScalarsAsPicojsonPrintsThem) {
  json::Array items;
  for (std::int64_t n : {std::int64_t{0}, std::int64_t{-1}, std::int64_t{42}, std::numeric_limits<std::int64_t>::min(),
                         std::numeric_limits<std::int64_t>::max()})
    items.push_back(json::Value(n));
  for (double d : {0.5, -0.0, 1e300, 3.0, 123456789.125, 1.0 / 3.0, 9007199254740993.0})
    items.push_back(json::Value(d));
  items.push_back(json::Value());
  items.push_back(json::Value(true));
  items.push_back(json::Value(false));
  items.push_back(json::Value(json::Object{}));
  items.push_back(json::Value(json::Array{}));
  json::Object nested{{"b", json::Value(items)}, {"a", json::Value(json::Object{{"", json::Value("x")}})}};
  const json::Value v(nested);
  EXPECT_EQ(json::Serialize(v), Picojson(v));
}

// Parses `text` (if it is JSON) and compares the two serializers on it; → whether it was JSON.
bool SameOnDocument(const std::string& text, const std::string& what) {
  json::Value v;
  if (!json::ParseBounded(text, 64, v).ok()) return false;
  EXPECT_EQ(json::Serialize(v), Picojson(v)) << what;
  return true;
}

TEST(JsonSerialize, RealDocumentsGiveTheSameBytes) {
  // The HARs recorded from the demo portal by real tools are all JSON: each one is compared.
  const std::string recorded = testing::SourceDir() + "/tests/fixtures/recorded";
  const std::vector<std::string> recorded_files = testing::ListFiles(recorded, ".har");
  ASSERT_FALSE(recorded_files.empty());
  std::size_t compared = 0;
  for (const std::string& f : recorded_files) compared += SameOnDocument(testing::ReadFileOrEmpty(recorded + "/" + f), f);
  EXPECT_EQ(compared, recorded_files.size());
  // The shared corpus of real HARs from other projects (some deliberately malformed: those that
  // are not JSON are skipped), when present.
  const std::string shared = testing::SourceDir() + "/../shared/data/real-har";
  const std::vector<std::string> real = testing::ListFiles(shared, ".har");
  if (real.empty()) std::cout << "[ note ] " << shared << " is absent: only tests/fixtures/recorded is compared\n";
  for (const std::string& f : real) SameOnDocument(testing::ReadFileOrEmpty(shared + "/" + f), f);
  EXPECT_TRUE(SameOnDocument(std::string(EngineInfo::EmbeddedRuleset()), "embedded ruleset"));
}

}  // namespace
}  // namespace portal_check
