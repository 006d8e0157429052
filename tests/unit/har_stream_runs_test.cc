// The HAR stream splitter takes string contents a run at a time: long strings, escapes and
// member names cut by the chunking, over-long member names, an over-long _portalCheck member and
// errors inside strings must come out the same for every chunk size.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evidence/har_stream.h"

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

const std::vector<std::size_t> kChunks = {1, 2, 3, 5, 7, 16, 64, 1000, 1 << 20};

TEST(HarStreamRuns, LongStringsAndEscapesForEveryChunkSize) {
  const std::string body = std::string(3000, 'x') + "\\\"\\\\\\n\\u00e9" + std::string(500, '\xC3') + "end";
  const std::string entry = R"({"response":{"content":{"text":")" + body + R"("}},"n":-1.5e3})";
  const std::string long_key(100, 'k');  // over the 64 bytes a member name is compared by
  const std::string doc = R"({")" + long_key + R"(":"v","log":{"_portalCheck":{"target":"https://a.gov.vn/\"x\""},)"
                          R"("entries":[)" + entry + "," + entry + "]}}";
  for (std::size_t chunk : kChunks) {
    Split s = SplitDoc(doc, chunk);
    ASSERT_TRUE(s.status.ok()) << chunk << ": " << s.status.ToString();
    ASSERT_EQ(s.entries.size(), 2u) << chunk;
    EXPECT_EQ(s.entries[0], entry) << chunk;
    EXPECT_EQ(s.entries[1], entry) << chunk;
    EXPECT_EQ(s.target, "https://a.gov.vn/\"x\"") << chunk;
  }
}

TEST(HarStreamRuns, PrettyPrintedDocumentForEveryChunkSize) {
  const std::string doc = "{\n  \"log\" : {\n    \"entries\" : [\n      {\n        \"a\" : [ 1 ,\t2 ] ,\r\n"
                          "        \"b\" : \"x y\"\n      } ,\n      true  ,  -1.5e3\n    ]\n  }\n}\n  ";
  const std::vector<std::string> want = {"{\n        \"a\" : [ 1 ,\t2 ] ,\r\n        \"b\" : \"x y\"\n      }", "true",
                                         "-1.5e3"};
  for (std::size_t chunk : kChunks) {
    Split s = SplitDoc(doc, chunk);
    ASSERT_TRUE(s.status.ok()) << chunk << ": " << s.status.ToString();
    EXPECT_EQ(s.entries, want) << chunk;
  }
}

TEST(HarStreamRuns, MemberNamesAreComparedWhateverTheChunking) {
  // "entries" under a 64-byte-prefix-equal long name is not log.entries.
  const std::string doc = R"({"log":{")" + std::string(70, 'e') + R"(":[1],"entries":[2,3]}})";
  for (std::size_t chunk : kChunks) {
    Split s = SplitDoc(doc, chunk);
    ASSERT_TRUE(s.status.ok()) << chunk;
    EXPECT_EQ(s.entries, (std::vector<std::string>{"2", "3"})) << chunk;
  }
}

TEST(HarStreamRuns, OversizedPortalCheckMemberIsIgnored) {
  const std::string doc = R"({"log":{"_portalCheck":{"pad":")" + std::string(70 * 1024, 'p') +
                          R"(","target":"https://b.gov.vn/"},"entries":[]}})";
  for (std::size_t chunk : {std::size_t{1}, std::size_t{1000}, std::size_t{1} << 20}) {
    Split s = SplitDoc(doc, chunk);
    ASSERT_TRUE(s.status.ok()) << chunk;
    EXPECT_EQ(s.target, "") << chunk;
  }
  // Just under the limit it is read.
  const std::string fits = R"({"log":{"_portalCheck":{"pad":")" + std::string(60 * 1024, 'p') +
                           R"(","target":"https://b.gov.vn/"},"entries":[]}})";
  for (std::size_t chunk : {std::size_t{1}, std::size_t{1000}, std::size_t{1} << 20})
    EXPECT_EQ(SplitDoc(fits, chunk).target, "https://b.gov.vn/") << chunk;
}

TEST(HarStreamRuns, ErrorsInsideStringsNameTheSameByte) {
  const std::string doc = std::string(R"({"log":{"entries":[")") + std::string(40, 'a') + "\x01" + "\"]}}";
  const std::size_t at = doc.find('\x01');
  for (std::size_t chunk : kChunks) {
    Split s = SplitDoc(doc, chunk);
    EXPECT_EQ(s.status.message(), "control character inside a JSON string at byte " + std::to_string(at)) << chunk;
  }
  const std::string after = std::string(R"({"log":{"entries":["abc"]}})") + " \"tail\"";
  for (std::size_t chunk : kChunks)
    EXPECT_EQ(SplitDoc(after, chunk).status.message(),
              "unexpected data after the HAR's JSON object at byte " + std::to_string(after.find('"', 26)))
        << chunk;
}

}  // namespace
}  // namespace portal_check
