// The streamed report writer: every way of writing a value gives exactly the bytes of
// json::Serialize(value, /*pretty=*/true): the report and SARIF are written piece by piece, and must
// be the bytes a DOM copy of every result would serialize to.
#include "report/pretty_json_writer.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "util/json_scan.h"

namespace portal_check {
namespace {

json::Value Parse(const std::string& text) {
  json::Value v;
  EXPECT_TRUE(json::ParseBounded(text, 64, v).ok()) << text;
  return v;
}

// Values with every structural case: empty and nested containers, scalars, and strings holding
// structural characters, escapes, control characters and non-ASCII text.
const std::vector<std::string> kSamples = {
    R"({})",
    R"([])",
    R"("plain")",
    R"(-42)",
    R"(1.5)",
    R"(true)",
    R"(null)",
    R"({"a": {}, "b": [], "c": [{}, [], [[]], {"d": {}}]})",
    R"({"x": [1, -2, 3.25, true, false, null, "s"]})",
    R"({"k{[,:": "v}],:\"", "q": "a\\\"b\\\\", "slash": "https://a.gov.vn/x?y=1", "ctl": "\n\t\u0001"})",
    R"({"vi": "Cổng thông tin điện tử – Bộ", "nested": {"deep": {"deeper": [{"z": [1, [2, [3, {}]]]}]}}})",
    R"([{"b": 1, "a": 2}, {"": ""}, [" , : { [ "]])",
};

TEST(PrettyJsonWriter, CompactValueAtTopLevelMatchesPrettySerialize) {
  for (const std::string& sample : kSamples) {
    const json::Value v = Parse(sample);
    std::string out;
    PrettyJsonWriter w(&out);
    w.CompactValue(json::Serialize(v, /*pretty=*/false));
    w.Finish();
    EXPECT_EQ(out, json::Serialize(v, /*pretty=*/true)) << sample;
    EXPECT_EQ(w.size(), out.size());
  }
}

// Strings of every length around the writer's short-string path (up to 256 bytes: quoted straight
// into its buffer) and its buffer's size, mostly of escaped bytes, as keys and values, against
// picojson's pretty serialisation of the same object.
TEST(PrettyJsonWriter, StringsAndKeysOfEveryLengthMatchPrettySerialize) {
  std::mt19937_64 random(11);
  const std::string pool = std::string("/\"\\\n\t\x01\x7f\xc3\xa9 a", 11);
  json::Object object;
  std::string out;
  PrettyJsonWriter w(&out);
  w.BeginObject();
  for (std::size_t length = 0; length <= 700; length += (length < 300 ? 1 : 37)) {
    std::string key = std::to_string(100000 + length), value;
    for (std::size_t i = 0; i < length; ++i) {
      key.push_back(pool[random() % pool.size()]);
      value.push_back(random() % 2 ? 'b' : pool[random() % pool.size()]);
    }
    w.Key(key);
    w.String(value);
    object.emplace(key, json::Value(value));  // (keys made in increasing order, as the writer needs)
  }
  w.EndObject();
  w.Finish();
  EXPECT_EQ(out, json::Serialize(json::Value(object), /*pretty=*/true));
}

// Every sample placed inside containers, written partly with the piecewise calls and partly as
// compact text, against the serialization of the whole DOM.
TEST(PrettyJsonWriter, NestedPiecesMatchSerializeOfTheWholeValue) {
  json::Array list;
  for (const std::string& sample : kSamples) list.push_back(Parse(sample));
  json::Object inner{{"compact", json::Value(list)}, {"empty", json::Value(json::Array{})},
                     {"flag", json::Bool(false)}, {"n", json::Int(-7)}, {"none", json::Value()},
                     {"text", json::Str("\"quoted\" / slashed")}};
  const json::Value whole(json::Object{{"a", json::Value(json::Array{json::Value(inner), json::Value(inner)})},
                                       {"z", json::Value(json::Object{})}});

  std::string out;
  PrettyJsonWriter w(&out);
  w.BeginObject();
  w.Key("a");
  w.BeginArray();
  for (int i = 0; i < 2; ++i) {
    w.BeginObject();
    w.Key("compact");
    w.BeginArray();
    for (const json::Value& v : list) w.CompactValue(json::Serialize(v, /*pretty=*/false));
    w.EndArray();
    w.Key("empty");
    w.BeginArray();
    w.EndArray();
    w.Key("flag");
    w.Bool(false);
    w.Key("n");
    w.Int(-7);
    w.Key("none");
    w.Null();
    w.Key("text");
    w.String("\"quoted\" / slashed");
    w.EndObject();
  }
  w.EndArray();
  w.Key("z");
  w.Value(json::Value(json::Object{}));
  w.EndObject();
  w.Finish();
  EXPECT_EQ(out, json::Serialize(whole, /*pretty=*/true));
}

TEST(PrettyJsonWriter, RenderExactlyWritesASmallDocumentInOnePass) {
  const json::Value v = Parse(kSamples[10]);
  std::size_t calls = 0;
  const std::string out = RenderExactly([&](PrettyJsonWriter& w) {
    ++calls;
    w.BeginArray();
    w.Value(v);
    w.String("tail");
    w.EndArray();
  });
  EXPECT_EQ(calls, 1u);
  EXPECT_EQ(out, json::Serialize(json::Value(json::Array{v, json::Str("tail")}), /*pretty=*/true));
  EXPECT_LT(out.capacity() - out.size(), 16u) << "trimmed to its size";
}

// A document of `bytes` bytes exactly: ["xxx…"] with its newline.
std::size_t RenderCalls(std::size_t bytes, std::string& out) {
  const std::string filler(bytes - std::string("[\n  \"\"\n]\n").size(), 'x');
  std::size_t calls = 0;
  out = RenderExactly([&](PrettyJsonWriter& w) {
    ++calls;
    w.BeginArray();
    w.String(filler);
    w.EndArray();
  });
  EXPECT_EQ(out.size(), bytes);
  EXPECT_EQ(out, json::Serialize(json::Value(json::Array{json::Str(filler)}), /*pretty=*/true));
  return calls;
}

TEST(PrettyJsonWriter, RenderExactlyCountsFirstPastTheSinglePassLimit) {
  std::string out;
  EXPECT_EQ(RenderCalls(kSinglePassBytes, out), 1u) << "at the limit: one pass";
  EXPECT_LT(out.capacity() - out.size(), 16u);
  EXPECT_EQ(RenderCalls(kSinglePassBytes + 1, out), 2u) << "past it: counted, then written";
  EXPECT_LT(out.capacity() - out.size(), 16u) << "allocated once at its size";
  EXPECT_EQ(RenderCalls(3 * kSinglePassBytes, out), 2u);
  EXPECT_LT(out.capacity() - out.size(), 16u);
}

// In pieces: the concatenation is RenderExactly's bytes; a piece fits piece_bytes unless it is
// one write of the writer's own 4 KiB buffer or one longer token; pieces end between writes
// (never inside a UTF-8 character).
TEST(PrettyJsonWriter, WriteInPiecesGivesRenderExactlysBytesInBoundedPieces) {
  constexpr std::size_t kWriterBuffer = 4096;  // PrettyJsonWriter::kBufferBytes
  const std::string long_string(10000, 'y');
  const auto write = [&](PrettyJsonWriter& w) {
    w.BeginArray();
    for (int round = 0; round < 20; ++round)
      for (const std::string& sample : kSamples) {
        w.Value(Parse(sample));
        w.String("Cổng thông tin điện tử");
      }
    w.String(long_string);
    w.EndArray();
  };
  const std::string whole = RenderExactly(write);
  ASSERT_GT(whole.size(), 4 * kWriterBuffer);
  for (std::size_t piece_bytes : {std::size_t{1}, std::size_t{64}, std::size_t{5000}, std::size_t{20000}, whole.size(),
                                  whole.size() + 1}) {
    std::vector<std::string> pieces;
    WriteInPieces(write, piece_bytes, [&](std::string_view piece) { pieces.emplace_back(piece); });
    std::string joined;
    for (const std::string& piece : pieces) {
      EXPECT_FALSE(piece.empty());
      if (piece.find(long_string) == std::string::npos) EXPECT_LE(piece.size(), std::max(piece_bytes, kWriterBuffer));
      const unsigned char last = static_cast<unsigned char>(piece.back());
      EXPECT_TRUE(last < 0x80 || (last & 0xC0) == 0x80) << "a piece ends on a whole character";
      joined += piece;
    }
    EXPECT_EQ(joined, whole) << "piece_bytes " << piece_bytes;
    if (piece_bytes >= whole.size()) EXPECT_EQ(pieces.size(), 1u);
    if (piece_bytes == 5000) EXPECT_GE(pieces.size(), whole.size() / 5000);
  }
}

}  // namespace
}  // namespace portal_check
