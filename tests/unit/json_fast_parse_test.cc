// The fast JSON parser behind json::ParseBounded: whenever it succeeds, the checked picojson path
// (SkipValue, nothing but white space after the value, picojson::parse) succeeds too and builds
// the very same value; on valid documents it does succeed. Checked on hand-written documents and
// on many random mutations of them.
#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "util/json_fast_parse.h"
#include "util/json_scan.h"

namespace portal_check::json {
namespace {

// The reference: what ParseBounded did before it had a fast path. nullopt-like `ok` false on
// any error (picojson's throw on a non-finite number included).
struct Reference {
  bool ok = false;
  Value value;
};

Reference ParseWithPicojson(const std::string& text, std::size_t max_depth) {
  Reference r;
  std::size_t pos = 0;
  if (!SkipValue(text, pos, max_depth).ok()) return r;
  SkipSpace(text, pos);
  if (pos != text.size()) return r;
  std::string err;
  try {
    picojson::parse(r.value, text.begin(), text.end(), &err);
  } catch (const std::exception&) {
    return r;
  }
  r.ok = err.empty();
  return r;
}

// Same type (int64 and double told apart) and same content, recursively.
bool Same(const Value& a, const Value& b) {
  if (a.is<std::int64_t>() != b.is<std::int64_t>() || a.is<double>() != b.is<double>()) return false;
  if (a.is<std::int64_t>()) return a.get<std::int64_t>() == b.get<std::int64_t>();
  if (a.is<double>()) return a.get<double>() == b.get<double>();
  if (a.is<picojson::null>()) return b.is<picojson::null>();
  if (a.is<bool>()) return b.is<bool>() && a.get<bool>() == b.get<bool>();
  if (a.is<std::string>()) return b.is<std::string>() && a.get<std::string>() == b.get<std::string>();
  if (a.is<Array>()) {
    if (!b.is<Array>() || a.get<Array>().size() != b.get<Array>().size()) return false;
    for (std::size_t i = 0; i < a.get<Array>().size(); ++i)
      if (!Same(a.get<Array>()[i], b.get<Array>()[i])) return false;
    return true;
  }
  if (!a.is<Object>() || !b.is<Object>() || a.get<Object>().size() != b.get<Object>().size()) return false;
  for (const auto& [key, member] : a.get<Object>()) {
    auto it = b.get<Object>().find(key);
    if (it == b.get<Object>().end() || !Same(member, it->second)) return false;
  }
  return true;
}

// Checks the contract on one text; returns whether the fast parser took it.
bool CheckAgainstReference(const std::string& text, std::size_t max_depth = 64) {
  Value fast;
  const bool took = FastParse(text, max_depth, fast);
  const Reference ref = ParseWithPicojson(text, max_depth);
  if (took) {
    EXPECT_TRUE(ref.ok) << "the fast parser accepted what the checked path rejects: " << text;
    if (ref.ok) EXPECT_TRUE(Same(fast, ref.value)) << text;
  }
  return took;
}

const std::vector<std::string> kValid = {
    R"({"log":{"entries":[{"request":{"method":"GET","url":"https://a.gov.vn/"},"response":{"status":200}}]}})",
    R"( {"a" : [1, -2, 3.5, 1e3, -0, 2E-2, 12345678901234567890, 9223372036854775807, -9223372036854775808] } )",
    R"(["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u1ec7\uD83D\uDE00", "plain", ""])",
    R"({"dup":1,"dup":{"x":[true,false,null]},"z":[]})",
    R"([[[[[[[[[[{}]]]]]]]]]])",
    "\"top-level string\"",
    "42",
    "true",
    "null",
    "{\"body\":\"<html>\\n<p class=\\\"x\\\">Vi\xE1\xBB\x87t</p>\\n</html>\"}",
    "[0.1,1.0,100,0.000001,1.7976931348623157e308]",
};

TEST(JsonFastParse, TakesValidDocumentsAndBuildsPicojsonsValue) {
  for (const std::string& text : kValid) EXPECT_TRUE(CheckAgainstReference(text)) << text;
}

TEST(JsonFastParse, LeavesEveryErrorToTheCheckedPath) {
  const std::vector<std::string> bad = {
      "",  " ",  "{",  "[1,]",  "{\"a\":1,}",  "[1 2]",  "{\"a\" 1}",  "[\"a\nb\"]",  "\"\\x\"",  "\"\\u12G4\"",
      "\"\\uDC00\"",  "\"\\uD800\"",  "\"\\uD800\\u0041\"",  "[1e999]",  "[-]",  "[tru]",  "[nulls]",  "0x10",
      "[1] x",  "{\"a\":1}}",  "[01.2.3]",  "\"unterminated",  "\"a\\",  "{1:2}",  "[+1]",
  };
  for (const std::string& text : bad) {
    Value v;
    EXPECT_FALSE(FastParse(text, 64, v)) << text;
  }
  // ParseBounded still reports them exactly as before (the checked path's messages).
  Value v;
  EXPECT_NE(ParseBounded("[1,]", 64, v).message().find("malformed JSON: syntax error"), std::string::npos);
  EXPECT_NE(ParseBounded("[\"a\nb\"]", 64, v).message().find("control character"), std::string::npos);
}

TEST(JsonFastParse, DepthLimitAtAndPast) {
  const std::string at = std::string(64, '[') + std::string(64, ']');
  const std::string past = std::string(65, '[') + std::string(65, ']');
  Value v;
  EXPECT_TRUE(FastParse(at, 64, v));
  EXPECT_FALSE(FastParse(past, 64, v));
  EXPECT_EQ(ParseBounded(past, 64, v).code(), StatusCode::kResourceExhausted);
  EXPECT_FALSE(FastParse("[]", 101, v));  // over picojson's own limit: left to picojson
}

TEST(JsonFastParse, RandomMutationsNeverDisagree) {
  std::mt19937 rng(20261129);
  const std::string alphabet = "{}[],:\"\\ \n0123456789.-+eEtrufalsn\x01\xC3\xA9uD8";
  std::size_t taken = 0;
  for (int round = 0; round < 20000; ++round) {
    std::string text = kValid[rng() % kValid.size()];
    const int edits = 1 + static_cast<int>(rng() % 3);
    for (int e = 0; e < edits && !text.empty(); ++e) {
      const std::size_t at = rng() % text.size();
      const char c = alphabet[rng() % alphabet.size()];
      switch (rng() % 3) {
        case 0: text[at] = c; break;
        case 1: text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: text.erase(at, 1); break;
      }
    }
    if (CheckAgainstReference(text)) ++taken;
  }
  EXPECT_GT(taken, 0u);  // some mutations stay valid JSON: the agreement above was exercised
}

}  // namespace
}  // namespace portal_check::json
