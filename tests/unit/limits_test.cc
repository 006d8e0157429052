// Every input limit of core/src/evidence/limits.h, at and just past its value, and the table of
// docs/limits.md kept in step with the constants. Limits already covered elsewhere are named in
// that table (bad_input_test.cc: body bytes, headers per message, header value bytes, JSON depth).
// Past a limit the audit goes on and the report names the limit (a notice, or an `error` result).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/registry.h"
#include "evidence/har_stream.h"
#include "evidence/limits.h"
#include "normalize/page_model.h"
#include "portal_check/auditor.h"
#include "test_support.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

using testing::FactoryOf;

// ---------------------------------------------------------------- helpers

std::string Har(const std::string& entries) { return R"({"log":{"version":"1.2","entries":[)" + entries + "]}}"; }

std::string EntryFor(const std::string& url, const std::string& content_json = "{}", int status = 204) {
  return R"({"request":{"method":"GET","url":")" + url + R"("},"response":{"status":)" + std::to_string(status) +
         R"(,"headers":[],"content":)" + content_json + "}}";
}

// `count` small entries, comma separated.
std::string ManyEntries(std::size_t count, const std::string& content_json = "{}") {
  const std::string one = EntryFor("https://portal.example.gov.vn/a", content_json);
  std::string out;
  out.reserve(count * (one.size() + 1));
  for (std::size_t i = 0; i < count; ++i) {
    if (i) out += ',';
    out += one;
  }
  return out;
}

// An HTML page entry (so it is listed in the report's "pages" once audited).
std::string HtmlEntry(const std::string& html, const std::string& url = "https://portal.example.gov.vn/") {
  std::string body = json::Value(html).serialize();
  return R"({"request":{"method":"GET","url":")" + url + R"("},"response":{"status":200,)"
         R"("headers":[{"name":"Content-Type","value":"text/html; charset=utf-8"}],)"
         R"("content":{"mimeType":"text/html","text":)" + body + "}}}";
}

json::Value Report(const std::string& har) { return testing::AuditHarReport(har); }

std::vector<std::string> NoticeCodes(const json::Value& report) {
  std::vector<std::string> codes;
  if (const json::Array* notices = json::FindArray(report, "notices"))
    for (const json::Value& n : *notices)
      if (const std::string* c = json::FindString(n, "code")) codes.push_back(*c);
  return codes;
}

std::size_t Count(const std::vector<std::string>& codes, const std::string& code) {
  std::size_t n = 0;
  for (const std::string& c : codes) n += c == code;
  return n;
}

// ---------------------------------------------------------------- the documented table

// name → value, for every constant of limits.h. A constant added there and not here fails
// EveryConstantIsListed; one missing from docs/limits.md fails DocumentedValuesMatch.
const std::map<std::string, std::size_t>& Constants() {
  static const std::map<std::string, std::size_t> all = {
      {"kMaxJsonDepth", limits::kMaxJsonDepth},
      {"kMaxEntryBytes", limits::kMaxEntryBytes},
      {"kMaxEntries", limits::kMaxEntries},
      {"kMaxBodyBytes", limits::kMaxBodyBytes},
      {"kMaxHeadersPerMessage", limits::kMaxHeadersPerMessage},
      {"kMaxHeaderValueBytes", limits::kMaxHeaderValueBytes},
      {"kMaxUrlBytes", limits::kMaxUrlBytes},
      {"kMaxPageModelNodes", limits::kMaxPageModelNodes},
      {"kMaxRedirects", limits::kMaxRedirects},
      {"kMaxTargetSearchEntries", limits::kMaxTargetSearchEntries},
      {"kMaxTargetSearchBytes", limits::kMaxTargetSearchBytes},
      {"kMaxNotices", limits::kMaxNotices},
      {"kMaxHarPages", limits::kMaxHarPages},
  };
  return all;
}

TEST(LimitsTable, EveryConstantIsListed) {
  const std::string header = testing::ReadFileOrEmpty(testing::SourceDir() + "/core/src/evidence/limits.h");
  ASSERT_FALSE(header.empty());
  const std::string marker = "inline constexpr std::size_t ";
  std::size_t declared = 0;
  for (std::size_t at = header.find(marker); at != std::string::npos; at = header.find(marker, at + 1)) {
    const std::size_t start = at + marker.size();
    const std::string name = header.substr(start, header.find_first_of(" =", start) - start);
    EXPECT_EQ(Constants().count(name), 1u) << name << " is declared in limits.h but not listed in this test";
    ++declared;
  }
  EXPECT_EQ(declared, Constants().size());
}

TEST(LimitsTable, DocumentedValuesMatch) {
  const std::string doc = testing::ReadFileOrEmpty(testing::SourceDir() + "/docs/limits.md");
  ASSERT_FALSE(doc.empty());
  for (const auto& [name, value] : Constants()) {
    // A row of the engine table reads "| `kName` | <exact value> | ...".
    const std::string row = "| `" + name + "` | " + std::to_string(value) + " |";
    EXPECT_NE(doc.find(row), std::string::npos) << "docs/limits.md has no row starting " << row;
  }
}

// ---------------------------------------------------------------- kMaxEntryBytes

// Feeds a HAR whose only entry is exactly `entry_bytes` long, in 1 MiB chunks made on the fly (the
// test holds no copy of the input); returns the status and how many entries reached the sink.
Status FeedOneEntryOf(std::size_t entry_bytes, std::size_t& entries_seen) {
  const std::string head = R"({"log":{"entries":[{"a":")";
  const std::string tail = R"("}]}})";
  const std::size_t filler = entry_bytes - std::string(R"({"a":""})").size();
  HarStream stream;
  entries_seen = 0;
  auto sink = [&](std::string_view entry) {
    ++entries_seen;
    EXPECT_EQ(entry.size(), entry_bytes);
    return Status::Ok();
  };
  if (Status s = stream.Feed(head, sink); !s.ok()) return s;
  const std::string chunk(1u << 20, 'x');
  for (std::size_t left = filler; left > 0;) {
    const std::size_t n = std::min(left, chunk.size());
    if (Status s = stream.Feed(std::string_view(chunk).substr(0, n), sink); !s.ok()) return s;
    left -= n;
  }
  if (Status s = stream.Feed(tail, sink); !s.ok()) return s;
  return stream.End();
}

TEST(Limits, EntryBytesAtTheLimitIsAudited) {
  std::size_t seen = 0;
  Status s = FeedOneEntryOf(limits::kMaxEntryBytes, seen);
  EXPECT_TRUE(s.ok()) << s.ToString();
  EXPECT_EQ(seen, 1u);
}

// An entry one byte too large is skipped as it streams (never held), with a notice naming the
// limit, and the entry after it is audited.
TEST(Limits, EntryBytesPastTheLimitIsNamed) {
  auto auditor = Auditor::Create(AuditOptions{});
  ASSERT_TRUE(auditor.ok());
  Auditor& a = *auditor.value();
  const std::string filler_head = R"({"log":{"entries":[{"a":")";
  ASSERT_TRUE(a.Feed(filler_head).ok());
  const std::string chunk(1u << 20, 'x');
  for (std::size_t left = limits::kMaxEntryBytes + 1 - std::string(R"({"a":""})").size(); left > 0;) {
    const std::size_t n = std::min(left, chunk.size());
    Status s = a.Feed(std::string_view(chunk).substr(0, n));
    ASSERT_TRUE(s.ok()) << s.ToString();
    left -= n;
  }
  ASSERT_TRUE(a.Feed(R"("},)" + HtmlEntry("<p>tiếp</p>", "https://portal.example.gov.vn/next") + "]}}").ok());
  ASSERT_TRUE(a.Finish().ok());
  EXPECT_EQ(a.entries(), 2u);  // read: the skipped one and the next
  EXPECT_NE(a.ReportJson().find("portal.example.gov.vn\\/next"), std::string::npos);  // in "pages"
  json::Value report;
  ASSERT_TRUE(json::ParseBounded(a.ReportJson(), 64, report).ok());
  EXPECT_EQ(Count(NoticeCodes(report), "kMaxEntryBytes"), 1u);
}

// ---------------------------------------------------------------- kMaxJsonDepth inside an entry

std::string Nested(std::size_t levels) { return std::string(levels, '[') + "1" + std::string(levels, ']'); }

// The HAR's own levels (root, log, entries, the entry object) are 4; `extra` more inside the entry.
std::string EntryNestedTo(std::size_t total_depth) {
  return R"({"x":)" + Nested(total_depth - 4) + R"(,"request":{"method":"GET","url":"https://portal.example.gov.vn/d"},)"
         R"("response":{"status":204,"headers":[],"content":{}}})";
}

TEST(Limits, DeepEntryIsSkippedAndTheAuditContinues) {
  auto at = testing::AuditHarText(Har(EntryNestedTo(limits::kMaxJsonDepth)));
  ASSERT_TRUE(at.ok()) << at.status().ToString();
  EXPECT_EQ(at.value().find("kMaxJsonDepth"), std::string::npos);
  const json::Value past =
      Report(Har(EntryNestedTo(limits::kMaxJsonDepth + 1) + "," + HtmlEntry("<p>tiếp</p>", "https://portal.example.gov.vn/next")));
  EXPECT_EQ(Count(NoticeCodes(past), "kMaxJsonDepth"), 1u);
  const json::Array* pages = json::FindArray(past, "pages");
  ASSERT_NE(pages, nullptr);
  ASSERT_EQ(pages->size(), 1u);
  EXPECT_EQ((*pages)[0].to_str(), "https://portal.example.gov.vn/next");
}

// ---------------------------------------------------------------- kMaxEntries

TEST(Limits, EntriesAtTheLimitHaveNoNotice) {
  const json::Value report = Report(Har(ManyEntries(limits::kMaxEntries)));
  EXPECT_EQ(Count(NoticeCodes(report), "kMaxEntries"), 0u);
}

TEST(Limits, EntriesPastTheLimitAreNamedAndTheAuditContinues) {
  const json::Value report = Report(Har(ManyEntries(limits::kMaxEntries + 1)));
  EXPECT_EQ(Count(NoticeCodes(report), "kMaxEntries"), 1u);
  EXPECT_NE(json::FindArray(report, "checks"), nullptr);
}

// ---------------------------------------------------------------- kMaxUrlBytes

std::string UrlOfLength(std::size_t length) {
  std::string url = "https://portal.example.gov.vn/";
  url += std::string(length - url.size(), 'a');
  return url;
}

TEST(Limits, UrlAtTheLimitHasNoNotice) {
  const json::Value report = Report(Har(EntryFor(UrlOfLength(limits::kMaxUrlBytes))));
  EXPECT_EQ(Count(NoticeCodes(report), "kMaxUrlBytes"), 0u);
}

TEST(Limits, UrlPastTheLimitIsCutWithANotice) {
  const json::Value report = Report(Har(EntryFor(UrlOfLength(limits::kMaxUrlBytes + 1))));
  EXPECT_EQ(Count(NoticeCodes(report), "kMaxUrlBytes"), 1u);
}

// ---------------------------------------------------------------- kMaxPageModelNodes

// A page whose model holds exactly `elements` elements (html and body count, <br> fill the rest).
std::string PageWithElements(std::size_t elements) {
  std::string html = "<html><body>";
  for (std::size_t i = 2; i < elements; ++i) html += "<br>";
  return html;
}

TEST(Limits, PageModelNodesAtTheLimitAreAllKept) {
  ASSERT_EQ(PageModel::Build(PageWithElements(10), "", true).elements().size(), 10u);  // the count is exact
  PageModel at = PageModel::Build(PageWithElements(limits::kMaxPageModelNodes), "", true);
  EXPECT_FALSE(at.truncated());
  EXPECT_EQ(at.elements().size(), limits::kMaxPageModelNodes);
  PageModel past = PageModel::Build(PageWithElements(limits::kMaxPageModelNodes + 1), "", true);
  EXPECT_TRUE(past.truncated());
  EXPECT_EQ(past.elements().size(), limits::kMaxPageModelNodes);
}

TEST(Limits, PageModelNodesPastTheLimitAreNamedAndTheAuditContinues) {
  EXPECT_EQ(Count(NoticeCodes(Report(Har(HtmlEntry(PageWithElements(limits::kMaxPageModelNodes))))), "kMaxPageModelNodes"), 0u);
  const json::Value past = Report(Har(HtmlEntry(PageWithElements(limits::kMaxPageModelNodes + 1))));
  EXPECT_EQ(Count(NoticeCodes(past), "kMaxPageModelNodes"), 1u);
  EXPECT_NE(json::FindArray(past, "checks"), nullptr);
}

// ---------------------------------------------------------------- kMaxRedirects

// http://sotttt… → hop 1 → … → hop `hops` (an https page): `hops` redirects in all.
std::vector<Exchange> RedirectChain(std::size_t hops) {
  std::vector<Exchange> chain;
  std::string from = "http://sotttt.example.gov.vn/";
  for (std::size_t i = 1; i <= hops; ++i) {
    const std::string to = "https://sotttt.example.gov.vn/hop" + std::to_string(i);
    chain.push_back(testing::MakeRedirect(from, to, 301));
    from = to;
  }
  chain.push_back(testing::MakeHtmlPage(from, "<p>Xin chào</p>"));
  return chain;
}

const CheckResult* RedirectResult(const std::vector<CheckResult>& results) {
  for (const CheckResult& r : results)
    if (r.id == "transport.redirect") return &r;
  return nullptr;
}

TEST(Limits, RedirectsAtTheLimitAreFollowed) {
  testing::RunOptions options;
  options.target = "https://sotttt.example.gov.vn/";
  const auto results = testing::RunCheck(FactoryOf("transport.redirect"), RedirectChain(limits::kMaxRedirects), options);
  const CheckResult* r = RedirectResult(results);
  ASSERT_NE(r, nullptr);
  EXPECT_NE(r->outcome, "error");
  const json::Value* hops = testing::FindDetail(*r, "hops");
  ASSERT_NE(hops, nullptr);
  EXPECT_EQ(hops->serialize(), std::to_string(limits::kMaxRedirects));
}

TEST(Limits, RedirectsPastTheLimitGiveAnErrorNamingIt) {
  testing::RunOptions options;
  options.target = "https://sotttt.example.gov.vn/";
  const auto results = testing::RunCheck(FactoryOf("transport.redirect"), RedirectChain(limits::kMaxRedirects + 1), options);
  const CheckResult* r = RedirectResult(results);
  ASSERT_NE(r, nullptr);
  EXPECT_EQ(r->outcome, "error");
  const json::Value* limit = testing::FindDetail(*r, "limit");
  ASSERT_NE(limit, nullptr);
  EXPECT_EQ(limit->serialize(), "\"kMaxRedirects\"");
}

// ---------------------------------------------------------------- kMaxTargetSearch*

// `count` plain-text entries on another host, then the portal's home page.
std::string TextThenPage(std::size_t count, std::size_t body_bytes = 0) {
  const std::string body = json::Value(std::string(body_bytes, 'x')).serialize();
  const std::string one = EntryFor("https://cdn.example.net/x", R"({"mimeType":"text/plain","text":)" + body + "}");
  std::string out;
  for (std::size_t i = 0; i < count; ++i) out += one + ",";
  return out + HtmlEntry("<p>trang chủ</p>");
}

std::string TargetOf(const json::Value& report) { return json::Find(report, "target")->to_str(); }
std::string GradedPage(const json::Value& report) { return json::Find(*json::Find(report, "grade"), "page")->to_str(); }

TEST(Limits, TargetSearchAtTheEntryLimitFindsTheDocument) {
  const json::Value report = Report(Har(TextThenPage(limits::kMaxTargetSearchEntries - 1)));
  EXPECT_EQ(TargetOf(report), "https://portal.example.gov.vn/");
  EXPECT_EQ(GradedPage(report), "https://portal.example.gov.vn/");
  EXPECT_EQ(Count(NoticeCodes(report), "kMaxTargetSearchEntries"), 0u);
}

TEST(Limits, TargetSearchPastTheEntryLimitIsNamed) {
  const json::Value report = Report(Har(TextThenPage(limits::kMaxTargetSearchEntries + 1)));
  EXPECT_EQ(Count(NoticeCodes(report), "kMaxTargetSearchEntries"), 1u);
  EXPECT_EQ(TargetOf(report), "https://cdn.example.net/x");  // chosen from what was held
  EXPECT_EQ(json::Find(report, "pages")->serialize(), R"(["https:\/\/portal.example.gov.vn\/"])");
}

// Four bodies of a quarter of the byte limit (less their URL) fill it exactly; one byte more is past it.
TEST(Limits, TargetSearchAtTheByteLimitFindsTheDocument) {
  const std::size_t body = limits::kMaxTargetSearchBytes / 4 - std::string("https://cdn.example.net/x").size();
  const json::Value report = Report(Har(TextThenPage(4, body)));
  EXPECT_EQ(Count(NoticeCodes(report), "kMaxTargetSearchBytes"), 0u);
  EXPECT_EQ(GradedPage(report), "https://portal.example.gov.vn/");
}

TEST(Limits, TargetSearchPastTheByteLimitIsNamed) {
  const std::size_t body = limits::kMaxTargetSearchBytes / 4 - std::string("https://cdn.example.net/x").size();
  const std::string first = EntryFor("https://cdn.example.net/y", R"({"mimeType":"text/plain","text":"y"})");
  const json::Value report = Report(Har(first + "," + TextThenPage(4, body)));
  EXPECT_EQ(Count(NoticeCodes(report), "kMaxTargetSearchBytes"), 1u);
  EXPECT_EQ(TargetOf(report), "https://cdn.example.net/y");
}

// ---------------------------------------------------------------- kMaxHarPages (through the auditor)

std::string HarWithPages(std::size_t count) {
  std::string pages;
  for (std::size_t i = 0; i < count; ++i) pages += (i ? "," : "") + std::string(R"({"id":"page_)") + std::to_string(i) + R"("})";
  return R"({"log":{"version":"1.2","pages":[)" + pages + R"(],"entries":[)" + HtmlEntry("<p>trang</p>") + "]}}";
}

TEST(Limits, HarPagesAtTheLimitHaveNoNotice) {
  EXPECT_EQ(Count(NoticeCodes(Report(HarWithPages(limits::kMaxHarPages))), "kMaxHarPages"), 0u);
}

TEST(Limits, HarPagesPastTheLimitAreNamedInTheReport) {
  EXPECT_EQ(Count(NoticeCodes(Report(HarWithPages(limits::kMaxHarPages + 1))), "kMaxHarPages"), 1u);
}

// ---------------------------------------------------------------- kMaxNotices

// Each entry with invalid base64 content gives one "invalid-base64" notice.
std::string BadBase64Entries(std::size_t count) {
  return ManyEntries(count, R"({"mimeType":"text/plain","encoding":"base64","text":"@@@"})");
}

// A page first, so that the target is found at once and the report is graded (no other notice).
TEST(Limits, NoticesAtTheLimitAreAllKept) {
  const auto codes = NoticeCodes(Report(Har(HtmlEntry("<p>trang</p>") + "," + BadBase64Entries(limits::kMaxNotices))));
  EXPECT_EQ(Count(codes, "invalid-base64"), limits::kMaxNotices);
  EXPECT_EQ(Count(codes, "kMaxNotices"), 0u);
}

TEST(Limits, NoticesPastTheLimitEndWithOneNamingIt) {
  const auto codes = NoticeCodes(Report(Har(HtmlEntry("<p>trang</p>") + "," + BadBase64Entries(limits::kMaxNotices + 5))));
  ASSERT_EQ(codes.size(), limits::kMaxNotices + 1);
  EXPECT_EQ(Count(codes, "invalid-base64"), limits::kMaxNotices);
  EXPECT_EQ(codes.back(), "kMaxNotices");
}

// The summary notices stay past the limit: a cut stylesheet after kMaxNotices other notices is
// still counted in "bodies-cut", which comes first.
TEST(Limits, CutBodiesNoticeStaysPastTheLimit) {
  const std::string cut = EntryFor("https://portal.example.gov.vn/a.css", R"({"mimeType":"text/css","text":"a{","_bodyCut":true})", 200);
  const auto codes = NoticeCodes(Report(Har(HtmlEntry("<p>trang</p>") + "," + BadBase64Entries(limits::kMaxNotices + 5) + "," + cut)));
  ASSERT_EQ(codes.size(), limits::kMaxNotices + 2);
  EXPECT_EQ(codes.front(), "bodies-cut");
  EXPECT_EQ(codes.back(), "kMaxNotices");
}

}  // namespace
}  // namespace portal_check
