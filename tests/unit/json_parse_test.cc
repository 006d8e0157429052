// The project's JSON parser (json::ParseBounded): on valid documents it builds exactly the value
// picojson's own parser builds (the reference it replaced), except where it is meant to differ —
// a duplicate member name is an error, a lone surrogate escape is U+FFFD; every error is a Status
// naming the byte offset, and nothing throws (a number out of double's range included). Checked
// on hand-written documents and on many random mutations of them. Its flat builder
// (json::ParseFlat) is held to the same on every one of them: the same Status, and a document
// holding the same values.
#include <gtest/gtest.h>

#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "util/json_flat.h"
#include "util/json_scan.h"

namespace portal_check::json {
namespace {

// The reference: picojson::parse (test code only; core/ does not call it), nothing but white
// space after the value. `ok` false on any error, picojson's throw on a non-finite number included.
struct Reference {
  bool ok = false;
  Value value;
};

Reference ParseWithPicojson(const std::string& text) {
  Reference r;
  std::string err;
  std::string::const_iterator end;
  try {
    end = picojson::parse(r.value, text.begin(), text.end(), &err);
  } catch (const std::exception&) {
    return r;
  }
  if (!err.empty()) return r;
  while (end != text.end() && (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')) ++end;
  r.ok = end == text.end();
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

// Whether U+FFFD appears in a string (or member name) anywhere inside `v`.
bool HasReplacementCharacter(const Value& v) {
  const std::string kFffd = "\xEF\xBF\xBD";
  if (v.is<std::string>()) return v.get<std::string>().find(kFffd) != std::string::npos;
  if (v.is<Array>())
    for (const Value& e : v.get<Array>())
      if (HasReplacementCharacter(e)) return true;
  if (v.is<Object>())
    for (const auto& [key, member] : v.get<Object>())
      if (key.find(kFffd) != std::string::npos || HasReplacementCharacter(member)) return true;
  return false;
}

// The value of node `i` of a flat document, as a picojson value.
Value ToValue(const FlatDocument& doc, FlatDocument::Index i) {
  using Kind = FlatDocument::Kind;
  if (doc.Is(i, Kind::kBool)) return Value(doc.Bool(i));
  if (doc.Is(i, Kind::kInt)) return Value(doc.Int(i));
  if (doc.Is(i, Kind::kDouble)) return Value(doc.Double(i));
  if (doc.Is(i, Kind::kString)) return Str(doc.String(i));
  if (doc.Is(i, Kind::kArray)) {
    Array a;
    for (FlatDocument::Index item : doc.Items(i)) a.push_back(ToValue(doc, item));
    return Value(std::move(a));
  }
  if (doc.Is(i, Kind::kObject)) {
    Object o;
    for (FlatDocument::Index member : doc.Items(i)) o.emplace(std::string(doc.Name(member)), ToValue(doc, member));
    return Value(std::move(o));
  }
  return Value();
}

// ParseFlat gives ParseBounded's Status for `text`, and on success a document of `bounded`'s value.
void CheckFlatAgrees(const std::string& text, std::size_t max_depth, const Status& bounded_status, const Value& bounded) {
  FlatDocument doc;
  const Status s = ParseFlat(text, max_depth, doc);
  EXPECT_EQ(s.code(), bounded_status.code()) << text;
  EXPECT_EQ(s.message(), bounded_status.message()) << text;
  if (s.ok() && bounded_status.ok()) EXPECT_TRUE(Same(ToValue(doc, doc.root()), bounded)) << text;
  if (!s.ok()) EXPECT_EQ(doc.root(), FlatDocument::kNone) << "an error leaves the document empty: " << text;
}

// Checks the contract on one text; returns whether the parser took it.
bool CheckAgainstReference(const std::string& text, std::size_t max_depth = 64) {
  Value ours;
  const Status s = ParseBounded(text, max_depth, ours);
  CheckFlatAgrees(text, max_depth, s, ours);
  const Reference ref = ParseWithPicojson(text);
  if (s.ok() && ref.ok) {
    EXPECT_TRUE(Same(ours, ref.value)) << text;
  } else if (s.ok()) {  // only a lone surrogate is read where picojson refused
    EXPECT_TRUE(HasReplacementCharacter(ours)) << "accepted what picojson rejects: " << text;
  } else {
    EXPECT_NE(s.message().find(" at byte "), std::string::npos) << s.message();
    if (ref.ok) EXPECT_EQ(s.message().rfind("duplicate member '", 0), 0u) << "rejected valid JSON: " << text << ": " << s.message();
  }
  return s.ok();
}

const std::vector<std::string> kValid = {
    R"({"log":{"entries":[{"request":{"method":"GET","url":"https://a.gov.vn/"},"response":{"status":200}}]}})",
    R"( {"a" : [1, -2, 3.5, 1e3, -0, 2E-2, 12345678901234567890, 9223372036854775807, -9223372036854775808] } )",
    R"(["\"\\\/\b\f\n\r\t", "\u0041\u00e9\u1ec7\uD83D\uDE00", "plain", ""])",
    R"({"dup":1,"dip":{"x":[true,false,null]},"z":[]})",
    R"([[[[[[[[[[{}]]]]]]]]]])",
    "\"top-level string\"",
    "42",
    "true",
    "null",
    "{\"body\":\"<html>\\n<p class=\\\"x\\\">Vi\xE1\xBB\x87t</p>\\n</html>\"}",
    "[0.1,1.0,100,0.000001,1.7976931348623157e308,1e-400]",
};

TEST(JsonParse, TakesValidDocumentsAndBuildsPicojsonsValue) {
  for (const std::string& text : kValid) EXPECT_TRUE(CheckAgainstReference(text)) << text;
}

// Long escaped strings (bodies). The decoder takes room for the rest of the input at the first
// escape after 16 KiB of decoded bytes (kReserveRestPast): strings with 16,383, 16,384 and 16,385
// plain bytes before their first escape (under, at and just past it), and strings of 100 B to
// 300 KB with the escape kinds a body holds (\" \n \/ \uXXXX and a surrogate pair), with and
// without text after them and cut short (an error, not a crash), decode as picojson decodes them.
TEST(JsonParse, LongEscapedStringsAtAndPastTheReserveLength) {
  const std::string unit = "<p class=\\\"x\\\">Vi\xE1\xBB\x87t \\u1ec7 \\uD83D\\uDE00 a\\/b</p>\\n";
  for (std::size_t plain : {16383u, 16384u, 16385u}) {
    std::string tail;
    for (int i = 0; i < 100; ++i) tail += unit;
    const std::string body = "\"" + std::string(plain, 'z') + "\\n" + tail + "\"";
    EXPECT_TRUE(CheckAgainstReference("{\"text\":" + body + ",\"after\":\"" + std::string(20000, 'y') + "\"}")) << plain;
  }
  for (std::size_t length : {100u, 16u * 1024 - 7, 16u * 1024, 16u * 1024 + 1, 40000u, 300000u}) {
    std::string raw;
    for (std::size_t i = 0; raw.size() + unit.size() + 50 <= length; ++i) raw += unit + std::string(i % 50, 'z');
    raw.resize(length, 'z');  // the raw length exactly, no escape cut in half
    const std::string body = "\"" + raw + "\"";
    EXPECT_TRUE(CheckAgainstReference("{\"text\":" + body + "}")) << length;
    EXPECT_TRUE(CheckAgainstReference("{\"text\":" + body + ",\"after\":[" + body + ",\"" + std::string(20000, 'y') + "\"]}")) << length;
    EXPECT_FALSE(CheckAgainstReference("{\"text\":\"" + raw)) << length;
  }
  // The room taken is the string's own: a long escaped string followed by 4 MB of other text keeps
  // a buffer of about its own size, not of the input's rest (the flat document keeps the decoded
  // string itself; TakeString hands it over as it is).
  std::string escaped;
  while (escaped.size() < 40000) escaped += "a\\nb\\\"c ";
  FlatDocument doc;
  ASSERT_TRUE(ParseFlat("[\"" + escaped + "\",\"" + std::string(4 << 20, 'x') + "\"]", 8, doc).ok());
  const std::string decoded = doc.TakeString(*doc.Items(doc.root()).begin());
  ASSERT_GE(decoded.size(), 30000u);
  EXPECT_LE(decoded.capacity(), 2 * escaped.size()) << decoded.size();
}

// The parser reads a '-' and up to 18 digits itself (strtoimax past them): numbers at and past that
// length, and at int64's ends, are the values picojson gives.
TEST(JsonParse, IntegersAtAndPastEighteenDigits) {
  for (const char* n : {"0", "-0", "007", "999999999999999999", "-999999999999999999", "1000000000000000000",
                        "-1000000000000000000", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
                        "99999999999999999999", "123456789012345678.5", "123456789012345678e2", "12-3"})
    CheckAgainstReference(std::string("[") + n + "]");
}

// Each error, its message and the byte it names.
TEST(JsonParse, EveryErrorIsAStatusNamingTheByte) {
  struct Case {
    std::string text, message;
  };
  const std::vector<Case> cases = {
      {"", "unexpected end of JSON (truncated input?) at byte 0"},
      {" ", "unexpected end of JSON (truncated input?) at byte 1"},
      {"{", "unexpected end of JSON (truncated input?) at byte 1"},
      {"[1,", "unexpected end of JSON (truncated input?) at byte 3"},
      {"[1,]", "invalid JSON token at byte 3"},
      {"{\"a\":1,}", "expected a member name at byte 7"},
      {"[1 2]", "expected ',' or ']' at byte 3"},
      {"{\"a\":1 \"b\"}", "expected ',' or '}' at byte 7"},
      {"{\"a\" 1}", "expected ':' at byte 5"},
      {"{1:2}", "expected a member name at byte 1"},
      {"[\"a\nb\"]", "control character inside a JSON string at byte 3"},
      {"\"\\x\"", "invalid escape in a JSON string at byte 1"},
      {"[\"ab\\u12G4\"]", "invalid \\u escape in a JSON string at byte 4"},
      {"\"\\u12", "invalid \\u escape in a JSON string at byte 1"},
      {"\"unterminated", "unterminated JSON string (truncated input?) starting at byte 0"},
      {"[\"a\\", "unterminated JSON string (truncated input?) starting at byte 1"},
      {"[1e400]", "JSON number out of range at byte 1"},
      {"[0, -1e400]", "JSON number out of range at byte 4"},
      {"-1e99999", "JSON number out of range at byte 0"},
      {"[-]", "invalid JSON number at byte 1"},
      {"[1-2]", "invalid JSON number at byte 1"},
      {"[01.2.3]", "invalid JSON number at byte 1"},
      {"[tru]", "invalid JSON token at byte 1"},
      {"[nulls]", "expected ',' or ']' at byte 5"},
      {"[+1]", "invalid JSON token at byte 1"},
      {"0x10", "unexpected data after the JSON value at byte 1"},
      {"[1] x", "unexpected data after the JSON value at byte 4"},
      {"{\"a\":1}}", "unexpected data after the JSON value at byte 7"},
      {"{\"a\":1,\"a\":2}", "duplicate member 'a' at byte 7"},
      {"{\"x\":{\"b\":[],\"c\":0,\"b\":{}}}", "duplicate member 'b' at byte 19"},
      {"{\"\\u0061\":1,\"a\":2}", "duplicate member 'a' at byte 12"},  // equal once decoded
  };
  for (const Case& c : cases) {
    Value v = Int(7);
    const Status s = ParseBounded(c.text, 64, v);
    EXPECT_EQ(s.code(), StatusCode::kInvalidArgument) << c.text;
    EXPECT_EQ(s.message(), c.message) << c.text;
    EXPECT_TRUE(v.is<std::int64_t>()) << "an error leaves `out` as it was: " << c.text;
    CheckFlatAgrees(c.text, 64, s, v);
  }
  // A number just inside double's range is a double; one that underflows is 0 (as picojson).
  Value v;
  ASSERT_TRUE(ParseBounded("[1e308,-1e308,1e-400]", 8, v).ok());
  EXPECT_EQ(v.get<Array>()[1].get<double>(), -1e308);
  EXPECT_EQ(v.get<Array>()[2].get<double>(), 0.0);
}

TEST(JsonParse, LoneSurrogatesBecomeTheReplacementCharacter) {
  const std::string kFffd = "\xEF\xBF\xBD";
  struct Case {
    std::string escaped, bytes;
  };
  const std::vector<Case> cases = {
      {R"(\uD83D)", kFffd},                                   // a lone high surrogate at the end
      {R"(\uDC00)", kFffd},                                   // a lone low surrogate
      {R"(a\uD83Db)", "a" + kFffd + "b"},                     // high, then a plain character
      {R"(\uD83D\u0041)", kFffd + "A"},                       // high, then another escape, read on its own
      {R"(\uD83D\uD83D\uDE00)", kFffd + "\xF0\x9F\x98\x80"},  // high, then a whole pair
      {R"(\uDE00\uD83D)", kFffd + kFffd},                     // low before high: two lone ones
      {R"(\uD83D\n)", kFffd + "\n"},                          // high, then a one-letter escape
      {R"(\uD83D\uDE00)", "\xF0\x9F\x98\x80"},                // a pair stays one character
      {R"(\udbff\udfff)", "\xF4\x8F\xBF\xBF"},                // lower-case hex, the last code point
  };
  for (const Case& c : cases) {
    Value v;
    const Status s = ParseBounded("{\"k\":\"" + c.escaped + "\"}", 8, v);
    ASSERT_TRUE(s.ok()) << c.escaped << ": " << s.ToString();
    EXPECT_EQ(*FindString(v, "k"), c.bytes) << c.escaped;
  }
  // In a member name too, and a bad escape after a lone high surrogate is still an error.
  Value v;
  ASSERT_TRUE(ParseBounded(R"({"\uDC00":1})", 8, v).ok());
  EXPECT_NE(Find(v, kFffd), nullptr);
  EXPECT_EQ(ParseBounded(R"(["\uD83D\uZZZZ"])", 8, v).message(), "invalid \\u escape in a JSON string at byte 8");
}

TEST(JsonParse, DuplicateMemberNamesAreQuotedSafely) {
  Value v;
  const std::string long_name(100, 'n');
  EXPECT_EQ(ParseBounded("{\"" + long_name + "\":1,\"" + long_name + "\":2}", 8, v).message(),
            "duplicate member '" + std::string(64, 'n') + "\xE2\x80\xA6' at byte 106");
  EXPECT_EQ(ParseBounded("{\"\xFF\":1,\"\xFF\":2}", 8, v).message(), "duplicate member '\xEF\xBF\xBD' at byte 7");
  // Different members are fine, and so are equal names in different objects.
  EXPECT_TRUE(ParseBounded(R"({"a":{"a":1},"b":{"a":2}})", 8, v).ok());
  CheckAgainstReference(R"({"a":{"a":1},"b":{"a":2}})");
}

// The flat builder compares a name with its object's names one by one up to 16 of them and
// through a hash set past that: a duplicate is found on both sides of the switch, as ParseBounded
// finds it, and an object of many members is read whole.
TEST(JsonParse, FlatFindsDuplicatesInObjectsOfAnySize) {
  for (int members : {15, 16, 17, 40, 5000}) {
    std::string text = "{";
    for (int i = 0; i < members; ++i) text += (i ? ",\"m" : "\"m") + std::to_string(i) + "\":" + std::to_string(i);
    EXPECT_TRUE(CheckAgainstReference(text + "}")) << members;
    for (int dup : {0, members / 2, members - 1})
      EXPECT_FALSE(CheckAgainstReference(text + ",\"m" + std::to_string(dup) + "\":0}")) << members << " " << dup;
    // A duplicate in a nested object after the outer one grew past the switch.
    EXPECT_FALSE(CheckAgainstReference(text + ",\"in\":{\"x\":1,\"x\":2}}")) << members;
    EXPECT_TRUE(CheckAgainstReference(text + ",\"in\":{\"m0\":1,\"m1\":2}}")) << members;
  }
}

// What a reader of a flat document relies on: strings without escapes are views of the text,
// decoded ones can be taken out, lookups on what is absent or of another type find nothing, and
// integers follow json::GetInt's rule.
TEST(JsonParse, FlatDocumentLookups) {
  using Kind = FlatDocument::Kind;
  const std::string text =
      R"({"plain":"abc","escaped":"a\nb","n":3,"f":3.0,"g":3.5,"big":1e16,"t":true,"arr":[1,"x",{}],"o":{"k":null}})";
  FlatDocument doc;
  ASSERT_TRUE(ParseFlat(text, 8, doc).ok());
  const FlatDocument::Index root = doc.root();
  const std::string_view plain = *doc.FindString(root, "plain");
  EXPECT_EQ(plain, "abc");
  EXPECT_TRUE(plain.data() >= text.data() && plain.data() < text.data() + text.size()) << "a view of the text";
  EXPECT_EQ(*doc.FindString(root, "escaped"), "a\nb");
  const FlatDocument::Index escaped = doc.Find(root, "escaped");
  EXPECT_EQ(doc.TakeString(escaped), "a\nb");
  EXPECT_EQ(doc.String(escaped), "");
  EXPECT_EQ(doc.TakeString(doc.Find(root, "plain")), "abc");
  EXPECT_EQ(doc.GetInt(root, "n", -1), 3);
  EXPECT_EQ(doc.GetInt(root, "f", -1), 3);
  EXPECT_EQ(doc.GetInt(root, "g", -1), -1);
  EXPECT_EQ(doc.GetInt(root, "big", -1), -1);
  EXPECT_EQ(doc.GetInt(root, "t", -1), -1);
  EXPECT_TRUE(doc.GetBool(root, "t", false));
  EXPECT_TRUE(doc.GetBool(root, "n", true));
  EXPECT_FALSE(doc.FindString(root, "n"));
  EXPECT_EQ(doc.Find(root, "absent"), FlatDocument::kNone);
  EXPECT_EQ(doc.Find(doc.Find(root, "n"), "k"), FlatDocument::kNone);  // not an object
  EXPECT_EQ(doc.Find(FlatDocument::kNone, "k"), FlatDocument::kNone);
  EXPECT_TRUE(doc.Is(doc.Find(doc.Find(root, "o"), "k"), Kind::kNull));
  EXPECT_EQ(doc.FindArray(root, "o"), FlatDocument::kNone);
  std::vector<Kind> kinds;
  for (FlatDocument::Index item : doc.Items(doc.FindArray(root, "arr")))
    for (Kind k : {Kind::kInt, Kind::kString, Kind::kObject})
      if (doc.Is(item, k)) kinds.push_back(k);
  EXPECT_EQ(kinds, (std::vector<Kind>{Kind::kInt, Kind::kString, Kind::kObject}));
  EXPECT_TRUE(doc.Items(doc.Find(root, "n")).empty());
  EXPECT_TRUE(doc.Items(FlatDocument::kNone).empty());
}

TEST(JsonParse, DepthLimitAtAndPast) {
  const std::string at = std::string(64, '[') + std::string(64, ']');
  const std::string past = std::string(65, '[') + std::string(65, ']');
  Value v;
  EXPECT_TRUE(ParseBounded(at, 64, v).ok());
  const Status s = ParseBounded(past, 64, v);
  EXPECT_EQ(s.code(), StatusCode::kResourceExhausted);
  EXPECT_EQ(s.message(), "JSON nested deeper than 64 levels (limit kMaxJsonDepth) at byte 64");
  // Any depth the caller allows, without recursion.
  const std::string deep = std::string(200000, '[') + std::string(200000, ']');
  EXPECT_TRUE(ParseBounded(deep, 200000, v).ok());
  EXPECT_EQ(ParseBounded(deep, 199999, v).code(), StatusCode::kResourceExhausted);
  FlatDocument doc;
  EXPECT_TRUE(ParseFlat(at, 64, doc).ok());
  EXPECT_EQ(ParseFlat(past, 64, doc).message(), s.message());
  EXPECT_TRUE(ParseFlat(deep, 200000, doc).ok());
  EXPECT_EQ(ParseFlat(deep, 199999, doc).code(), StatusCode::kResourceExhausted);
}

TEST(JsonParse, RandomMutationsNeverDisagree) {
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
