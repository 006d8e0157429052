// The HAR stream splitter: the same entries whatever the chunking, members in any order, nested
// "entries" keys inside entries not mistaken for the log's, structure errors named.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evidence/har_stream.h"
#include "evidence/limits.h"

namespace portal_check {
namespace {

struct Split {
  Status status;
  std::vector<std::string> entries;
  std::string target;
};

Split SplitDoc(const std::string& doc, std::size_t chunk) {
  HarStream stream;
  Split out;
  auto sink = [&](std::string_view e) {
    out.entries.emplace_back(e);
    return Status::Ok();
  };
  for (std::size_t pos = 0; pos < doc.size() && out.status.ok(); pos += chunk)
    out.status = stream.Feed(std::string_view(doc).substr(pos, chunk), sink);
  if (out.status.ok()) out.status = stream.End();
  out.target = stream.declared_target();
  return out;
}

const std::string kDoc = R"({"x":[1,{"entries":[9]}],"log":{"version":"1.2","_portalCheck":{"target":"http://a.gov.vn/"},)"
                         R"("pages":[{"id":"p"}],"entries":[ {"a":"}\"]","entries":[1,2]} ,7, "s\\\"" ,true,)"
                         R"({"b":[{}]}],"creator":{"name":"x"}}})";

TEST(HarStream, SameEntriesForEveryChunkSize) {
  const std::vector<std::string> want = {R"({"a":"}\"]","entries":[1,2]})", "7", R"("s\\\"")", "true", R"({"b":[{}]})"};
  for (std::size_t chunk = 1; chunk <= kDoc.size(); ++chunk) {
    Split s = SplitDoc(kDoc, chunk);
    ASSERT_TRUE(s.status.ok()) << chunk << ": " << s.status.ToString();
    EXPECT_EQ(s.entries, want) << "chunk " << chunk;
    EXPECT_EQ(s.target, "http://a.gov.vn/");
  }
}

TEST(HarStream, StructureErrorsAreNamed) {
  EXPECT_NE(SplitDoc("", 8).status.message().find("empty"), std::string::npos);
  EXPECT_NE(SplitDoc("[]", 8).status.message().find("expected a JSON object"), std::string::npos);
  EXPECT_NE(SplitDoc(R"({"log":{}})", 8).status.message().find("log.entries"), std::string::npos);
  EXPECT_NE(SplitDoc(R"({"nolog":{"entries":[]}})", 8).status.message().find("no \"log\""), std::string::npos);
  EXPECT_NE(SplitDoc(R"({"log":{"entries":[}})", 8).status.message().find("byte"), std::string::npos);
  EXPECT_NE(SplitDoc(R"({"log":{"entries":[]}} x)", 8).status.message().find("after"), std::string::npos);
  EXPECT_NE(SplitDoc(R"({"log":{"entries":[]})", 8).status.message().find("truncated"), std::string::npos);
  EXPECT_NE(SplitDoc(R"({"log" {"entries":[]}})", 8).status.message().find("':'"), std::string::npos);
  EXPECT_FALSE(SplitDoc("{\"log\":{\"entries\":[\"a\nb\"]}}", 8).status.ok());
}

TEST(HarStream, DepthLimitAtAndPast) {
  auto nest = [](std::size_t extra) {
    return R"({"log":{"entries":[)" + std::string(extra, '[') + std::string(extra, ']') + "]}}";
  };
  // The root, log and entries take 3 levels.
  EXPECT_TRUE(SplitDoc(nest(limits::kMaxJsonDepth - 3), 100).status.ok());
  Split past = SplitDoc(nest(limits::kMaxJsonDepth - 2), 100);
  EXPECT_EQ(past.status.code(), StatusCode::kResourceExhausted);
}

TEST(HarStream, SinkErrorStopsTheStream) {
  HarStream stream;
  int calls = 0;
  Status s = stream.Feed(R"({"log":{"entries":[1,2,3]}})", [&](std::string_view) {
    ++calls;
    return Status::Invalid("bad entry");
  });
  EXPECT_FALSE(s.ok());
  EXPECT_EQ(calls, 1);
  EXPECT_FALSE(stream.Feed("x", [](std::string_view) { return Status::Ok(); }).ok());
  EXPECT_FALSE(stream.End().ok());
}

TEST(HarStream, ByteOrderMark) { EXPECT_TRUE(SplitDoc("\xEF\xBB\xBF{\"log\":{\"entries\":[]}}", 4).status.ok()); }

}  // namespace
}  // namespace portal_check
