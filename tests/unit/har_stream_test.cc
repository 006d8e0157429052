// The HAR stream splitter: the same entries whatever the chunking, members in any order, nested
// "entries" keys inside entries not mistaken for the log's, structure errors named.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/har_stream.h"
#include "evidence/limits.h"
#include "test_support.h"

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

// ---- runs: string contents are taken a run at a time (long strings, escapes and member names cut
// by the chunking, over-long member names, an over-long _portalCheck member, errors inside strings
// come out the same for every chunk size).

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

// ---- duplicate member names outside the entries are an input error naming the second one.

TEST(HarStreamDuplicates, OutsideEntriesTheSecondNameIsAnErrorForEveryChunkSize) {
  struct Case {
    std::string doc, name;
  };
  const std::vector<Case> cases = {
      {R"({"log":{"entries":[]},"log":{"entries":[]}})", "log"},
      {R"({"log":{"entries":[{"a":1}],"version":"1.2","entries":[]}})", "entries"},
      {R"({"log":{"_portalCheck":{},"entries":[],"_portalCheck":{"target":"https://x.gov.vn/"}}})", "_portalCheck"},
      {R"({"log":{"pages":[],"creator":{},"pages":[{"id":"p"}],"entries":[]}})", "pages"},
      {R"({"log":{"creator":{"name":"a","name":"b"},"entries":[]}})", "name"},
      {R"({"log":{"pages":[{"id":"a","id":"b"}],"entries":[]}})", "id"},
      {R"({"x":{"y":{"z":1,"z":2}},"log":{"entries":[]}})", "z"},
      {R"({"log":{"entries":[],"\u0065ntries":[]}})", "entries"},  // equal once decoded
  };
  for (const Case& c : cases) {
    // The second occurrence's opening quote (the last quote before the name's second occurrence).
    const std::size_t second = c.doc.rfind('"', c.doc.rfind(c.name == "entries" ? "ntries\"" : c.name + "\"") - 1);
    for (std::size_t chunk : kChunks) {
      const Split s = SplitDoc(c.doc, chunk);
      EXPECT_EQ(s.status.code(), StatusCode::kInvalidArgument) << c.doc;
      EXPECT_EQ(s.status.message(), "duplicate member '" + c.name + "' at byte " + std::to_string(second)) << c.doc << " / " << chunk;
    }
  }
}

TEST(HarStreamDuplicates, DistinctNamesAndNamesInsideEntriesAreNotTheStreamsBusiness) {
  // Equal names in different objects, names sharing a long prefix, and a long name twice in
  // different objects are fine.
  const std::string long_a(5000, 'a');
  const std::string ok = R"({"log":{"creator":{"name":"x"},"browser":{"name":"y"},")" + long_a + R"(":1,")" + long_a +
                         R"(b":2,"entries":[]},"x":{")" + long_a + R"(":1}})";
  for (std::size_t chunk : kChunks) EXPECT_TRUE(SplitDoc(ok, chunk).status.ok()) << chunk;
  // A long name (over the 4 KiB kept as text) twice in one object is still a duplicate.
  const std::string twice = R"({")" + long_a + R"(":1,")" + long_a + R"(":2,"log":{"entries":[]}})";
  for (std::size_t chunk : kChunks)
    EXPECT_EQ(SplitDoc(twice, chunk).status.message().rfind("duplicate member 'aaaa", 0), 0u) << chunk;
  // Inside an entry the stream hands the text on; the entry's parser reports the duplicate.
  const Split inside = SplitDoc(R"({"log":{"entries":[{"a":1,"a":2}]}})", 4);
  ASSERT_TRUE(inside.status.ok()) << inside.status.ToString();
  EXPECT_EQ(inside.entries, (std::vector<std::string>{R"({"a":1,"a":2})"}));
}

TEST(HarStreamDuplicates, EscapedMemberNamesAreReadDecoded) {
  // "\u006cog" is "log": the document has a log object.
  const Split s = SplitDoc(R"({"\u006cog":{"\u0065ntries":[1]}})", 5);
  ASSERT_TRUE(s.status.ok()) << s.status.ToString();
  EXPECT_EQ(s.entries, (std::vector<std::string>{"1"}));
}

// ---- log.creator and log.pages (HarStream::log_info()).

HarLogInfo InfoOf(const std::string& doc, std::size_t chunk = 1 << 20) {
  HarStream stream;
  Status s;
  for (std::size_t pos = 0; pos < doc.size() && s.ok(); pos += chunk)
    s = stream.Feed(std::string_view(doc).substr(pos, chunk), [](std::string_view) { return Status::Ok(); });
  if (s.ok()) s = stream.End();
  EXPECT_TRUE(s.ok()) << s.ToString();
  return stream.log_info();
}

std::string LogWith(const std::string& members) { return R"({"log":{)" + members + "}}"; }

TEST(HarStreamLogInfo, CreatorAndPagesForEveryChunkSize) {
  const std::string doc = LogWith(
      R"("creator":{"name":"Fire\"fox","version":"128.0","comment":{"x":[1]}},"pages":[)"
      R"({"startedDateTime":"2026-01-02T03:04:05Z","id":"page_1","title":"Trang ch\u1ee7","pageTimings":{}},)"
      R"({"id":"page_2"}],"entries":[{"pageref":"page_1"}])");
  for (std::size_t chunk : kChunks) {
    const HarLogInfo info = InfoOf(doc, chunk);
    EXPECT_EQ(info.creator_name, "Fire\"fox") << chunk;
    EXPECT_EQ(info.creator_version, "128.0") << chunk;
    ASSERT_EQ(info.pages.size(), 2u) << chunk;
    EXPECT_EQ(info.pages[0].id, "page_1");
    EXPECT_EQ(info.pages[0].title, "Trang ch\xE1\xBB\xA7");
    EXPECT_EQ(info.pages[0].started, "2026-01-02T03:04:05Z");
    EXPECT_EQ(info.pages[1].id, "page_2");
    EXPECT_EQ(info.pages[1].title, "");
    EXPECT_EQ(info.pages[1].started, "");
    EXPECT_TRUE(info.pages_seen);
    EXPECT_TRUE(info.pages_before_entries);
    EXPECT_FALSE(info.pages_cut);
  }
  // The splitter's own document: pages before entries, creator after them.
  const HarLogInfo k = InfoOf(kDoc, 3);
  EXPECT_EQ(k.creator_name, "x");
  ASSERT_EQ(k.pages.size(), 1u);
  EXPECT_EQ(k.pages[0].id, "p");
  EXPECT_TRUE(k.pages_before_entries);
}

TEST(HarStreamLogInfo, PagesAfterTheFirstEntryAreNotBeforeEntries) {
  const HarLogInfo after = InfoOf(LogWith(R"("entries":[{}],"pages":[{"id":"a"}])"));
  EXPECT_TRUE(after.pages_seen);
  EXPECT_FALSE(after.pages_before_entries);
  ASSERT_EQ(after.pages.size(), 1u);
  // An empty entries array before pages: no element of entries came first.
  EXPECT_TRUE(InfoOf(LogWith(R"("entries":[],"pages":[{"id":"a"}])")).pages_before_entries);
}

TEST(HarStreamLogInfo, AbsentMembersLeaveTheDefaults) {
  const HarLogInfo none = InfoOf(LogWith(R"("entries":[{"pages":[{"id":"in-entry"}],"creator":{"name":"no"}}])"));
  EXPECT_EQ(none.creator_name, "");
  EXPECT_EQ(none.creator_version, "");
  EXPECT_TRUE(none.pages.empty());
  EXPECT_FALSE(none.pages_seen);
  EXPECT_FALSE(none.pages_before_entries);
  // Members named "pages"/"creator" elsewhere than directly in log are not read.
  const HarLogInfo elsewhere = InfoOf(R"({"pages":[{"id":"root"}],"x":{"creator":{"name":"x"}},"log":{"entries":[]}})");
  EXPECT_TRUE(elsewhere.pages.empty());
  EXPECT_FALSE(elsewhere.pages_seen);
  EXPECT_EQ(elsewhere.creator_name, "");
}

TEST(HarStreamLogInfo, MalformedMembersAreIgnoredNotErrors) {
  for (const char* pages : {R"({"id":"a"})", R"("a")", R"([{"id":"a"},7])", R"([{"id":"a"},["x"]])",
                            R"([{"id":"a"},{"n":1e400}])", R"([{"id":"a"},{"t":"\x"}])"}) {
    const HarLogInfo info = InfoOf(LogWith(std::string(R"("pages":)") + pages + R"(,"entries":[])"));
    EXPECT_FALSE(info.pages_seen) << pages;
    EXPECT_FALSE(info.pages_before_entries) << pages;
    EXPECT_TRUE(info.pages.empty()) << pages;
  }
  for (const char* creator : {R"("Firefox")", R"(["Firefox"])", R"({"name":"a","v":1e400})", "null"}) {
    const HarLogInfo info = InfoOf(LogWith(std::string(R"("creator":)") + creator + R"(,"entries":[])"));
    EXPECT_EQ(info.creator_name, "") << creator;
  }
  // Members of another type read as "".
  const HarLogInfo odd = InfoOf(LogWith(R"("creator":{"name":5,"version":"1"},"pages":[{"id":7,"title":null}],"entries":[])"));
  EXPECT_EQ(odd.creator_name, "");
  EXPECT_EQ(odd.creator_version, "1");
  ASSERT_EQ(odd.pages.size(), 1u);
  EXPECT_EQ(odd.pages[0].id, "");
  EXPECT_TRUE(odd.pages_seen);
}

TEST(HarStreamLogInfo, StringsAreCutAtTheUrlLimitAndInvalidUtf8IsKept) {
  const std::string at(limits::kMaxUrlBytes, 't'), past(limits::kMaxUrlBytes + 1, 't');
  const HarLogInfo info = InfoOf(LogWith(R"("creator":{"name":")" + past + R"(","version":")" + at +
                                         "\"},\"pages\":[{\"id\":\"\xFF\xC3\",\"title\":\"" + past + R"(","startedDateTime":")" +
                                         at + R"("}],"entries":[])"));
  EXPECT_EQ(info.creator_name, at);
  EXPECT_EQ(info.creator_version, at);
  ASSERT_EQ(info.pages.size(), 1u);
  EXPECT_EQ(info.pages[0].id, "\xFF\xC3");
  EXPECT_EQ(info.pages[0].title, at);
  EXPECT_EQ(info.pages[0].started, at);
}

std::string PagesDoc(std::size_t count) {
  std::string pages;
  for (std::size_t i = 0; i < count; ++i) pages += (i ? "," : "") + std::string(R"({"id":"p)") + std::to_string(i) + R"("})";
  return LogWith(R"("pages":[)" + pages + R"(],"entries":[])");
}

TEST(HarStreamLogInfo, PagesAtTheLimitAreAllKept) {
  const HarLogInfo info = InfoOf(PagesDoc(limits::kMaxHarPages));
  ASSERT_EQ(info.pages.size(), limits::kMaxHarPages);
  EXPECT_EQ(info.pages.back().id, "p" + std::to_string(limits::kMaxHarPages - 1));
  EXPECT_TRUE(info.pages_seen);
  EXPECT_FALSE(info.pages_cut);
}

TEST(HarStreamLogInfo, PagesPastTheLimitAreCut) {
  const HarLogInfo info = InfoOf(PagesDoc(limits::kMaxHarPages + 1));
  ASSERT_EQ(info.pages.size(), limits::kMaxHarPages);
  EXPECT_EQ(info.pages.back().id, "p" + std::to_string(limits::kMaxHarPages - 1));
  EXPECT_TRUE(info.pages_seen);
  EXPECT_TRUE(info.pages_cut);
}

// ---- the entry scanner (HarStream::ScanInEntry) against the byte-at-a-time scanner (Step): the
// same entries, skips, log members and errors (word for word, offsets included) on real documents
// and on random mutations of them, for random chunkings, with and without a SkipSink.

struct Run {
  std::string status;
  std::vector<std::string> entries;
  std::vector<std::string> skips;
  std::string target, creator, pages;
};

Run RunStream(std::string_view doc, bool entry_scanner, bool skip_sink, const std::vector<std::size_t>& chunks) {
  HarStream stream;
  stream.SetEntryScanner(entry_scanner);
  Run out;
  if (skip_sink) stream.SetSkipSink([&](const char* limit) { out.skips.emplace_back(limit); });
  auto sink = [&](std::string_view e) {
    out.entries.emplace_back(e);
    return Status::Ok();
  };
  Status s;
  std::size_t pos = 0;
  for (std::size_t k = 0; pos < doc.size() && s.ok(); ++k) {
    const std::size_t n = chunks[k % chunks.size()];
    s = stream.Feed(doc.substr(pos, n), sink);
    pos += n;
  }
  if (s.ok()) s = stream.End();
  out.status = s.ToString();
  out.target = stream.declared_target();
  const HarLogInfo& info = stream.log_info();
  out.creator = info.creator_name + "/" + info.creator_version + "/" + info.capture_stopped;
  for (const HarPage& p : info.pages) out.pages += p.id + "|" + p.title + "|" + p.started + ";";
  out.pages += std::to_string(info.pages_seen) + std::to_string(info.pages_before_entries) + std::to_string(info.pages_cut);
  return out;
}

void ExpectScannersAgree(std::string_view doc, const std::vector<std::size_t>& chunks, bool skip_sink, const std::string& what) {
  const Run fast = RunStream(doc, true, skip_sink, chunks);
  const Run slow = RunStream(doc, false, skip_sink, chunks);
  EXPECT_EQ(fast.status, slow.status) << what;
  EXPECT_EQ(fast.entries, slow.entries) << what;
  EXPECT_EQ(fast.skips, slow.skips) << what;
  EXPECT_EQ(fast.target, slow.target) << what;
  EXPECT_EQ(fast.creator, slow.creator) << what;
  EXPECT_EQ(fast.pages, slow.pages) << what;
}

std::vector<std::string> ScannerDocuments() {
  std::vector<std::string> docs = {kDoc};
  for (const char* dir : {"/tests/fixtures/recorded/", "/tests/fixtures/bad-input/"})
    for (const std::string& name : testing::ListFiles(testing::SourceDir() + dir, ".har"))
      docs.push_back(testing::ReadFileOrEmpty(testing::SourceDir() + dir + name));
  for (const char* name : {"deep-inside-entry.recipe.json", "depth-entry-at-limit.recipe.json",
                           "depth-entry-past-limit.recipe.json", "deep-unbalanced.recipe.json"})
    docs.push_back(testing::BadInput(name));
  return docs;
}

TEST(HarStreamEntryScanner, AgreesWithStepOnEveryFixtureForEveryChunking) {
  const std::vector<std::string> docs = ScannerDocuments();
  ASSERT_GE(std::count_if(docs.begin(), docs.end(), [](const std::string& d) { return d.size() > 100; }), 20);
  for (std::size_t d = 0; d < docs.size(); ++d) {
    for (std::size_t chunk : kChunks) {
      for (bool skip_sink : {false, true})
        ExpectScannersAgree(docs[d], {chunk}, skip_sink, "document " + std::to_string(d) + ", chunk " + std::to_string(chunk));
    }
  }
}

TEST(HarStreamEntryScanner, AgreesWithStepOnRandomMutations) {
  const std::vector<std::string> docs = ScannerDocuments();
  // Bytes that change JSON structure or strings, so that most mutants break somewhere.
  const std::string alphabet = "{}[]\",:\\ \n\x01\x1f" "0-e.tnu\xC3\xA9";
  std::mt19937_64 random(0x9E3779B97F4A7C15u);  // fixed seed: the same cases every run
  auto next = [&random] { return random(); };
  std::size_t failing = 0;
  for (int round = 0; round < 4000; ++round) {
    std::string doc = docs[next() % docs.size()];
    if (doc.empty()) continue;
    for (int edits = 1 + static_cast<int>(next() % 3); edits > 0; --edits) {
      std::size_t at = next() % doc.size();
      // Half the edits land on a structural byte (the next one from a random place).
      if ((next() & 1) != 0) at = std::min(doc.find_first_of("{}[]\",:", at), doc.size() - 1);
      const char c = alphabet[next() % alphabet.size()];
      switch (next() % 3) {
        case 0: doc[at] = c; break;
        case 1: doc.insert(doc.begin() + static_cast<std::ptrdiff_t>(at), c); break;
        default: doc.erase(at, 1 + next() % 4); break;
      }
      if (doc.empty()) break;
    }
    const std::vector<std::size_t> chunks = {1 + next() % 9, 1 + next() % 300, 1 + next() % 4};
    const bool skip_sink = (next() & 1) != 0;
    if (RunStream(doc, true, skip_sink, chunks).status != Status::Ok().ToString()) ++failing;

    ExpectScannersAgree(doc, chunks, skip_sink, "round " + std::to_string(round));
    if (HasFailure()) break;
  }
  // The mutations must reach the error paths, not only well-formed documents.
  EXPECT_GT(failing, 1000u);
}

}  // namespace
}  // namespace portal_check
