// The engine honours what a check declares: its descriptor's CheckInput (the exchanges its
// OnExchange is called with) and its rule file's "absent" result (what the report says when the
// check saw nothing). Checks rely on both instead of testing for their evidence themselves.
#include <gtest/gtest.h>

#include <iostream>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "checks/check.h"
#include "checks/registry.h"
#include "evidence/exchange.h"
#include "normalize/page_model.h"
#include "normalize/url.h"
#include "portal_check/auditor.h"
#include "ruleset/ruleset.h"
#include "test_support.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

// --- CheckInput ------------------------------------------------------------------------------

struct ViewOf {
  explicit ViewOf(Exchange e) : ex(std::move(e)), url(Url::Parse(ex.url)) {
    if (ex.IsHtmlDocument()) page = PageModel::Build(ex.body, "", ex.body_is_text);
  }
  ExchangeView view() const {
    const PageModel* document = page ? &*page : nullptr;
    return ExchangeView{ex, url, ex.IsPage() ? document : nullptr, false, document};
  }
  Exchange ex;
  std::optional<Url> url;
  std::optional<PageModel> page;
};

Exchange Get(std::string url, std::string mime_type, std::string method = "GET") {
  Exchange e;
  e.body = mime_type == "text/html" ? "<!doctype html><title>t</title><p>x" : "x";
  e.method = std::move(method);
  e.url = std::move(url);
  e.status = 200;
  e.mime_type = std::move(mime_type);
  return e;
}

// Each kind against an exchange of every sort: the table is the contract of check.h.
TEST(CheckInput, EachKindReadsExactlyTheExchangesItNames) {
  using I = CheckInput;
  const std::vector<I> kinds{I::kEveryExchange, I::kExchangesWithUrl, I::kWebExchanges, I::kPages,
                             I::kPagesWithUrl,  I::kWebPages,         I::kHttpsPages};
  struct Row {
    const char* what;
    Exchange ex;
    std::set<I> reads;
  };
  const std::vector<Row> rows{
      {"https page", Get("https://a.example/", "text/html"), {I::kEveryExchange, I::kExchangesWithUrl, I::kWebExchanges, I::kPages, I::kPagesWithUrl, I::kWebPages, I::kHttpsPages}},
      {"http page", Get("http://a.example/", "text/html"), {I::kEveryExchange, I::kExchangesWithUrl, I::kWebExchanges, I::kPages, I::kPagesWithUrl, I::kWebPages}},
      {"ftp page", Get("ftp://a.example/index.html", "text/html"), {I::kEveryExchange, I::kExchangesWithUrl, I::kPages, I::kPagesWithUrl}},
      {"page with an unparsable URL", Get("not a url", "text/html"), {I::kEveryExchange, I::kPages}},
      {"https script", Get("https://a.example/app.js", "text/javascript"), {I::kEveryExchange, I::kExchangesWithUrl, I::kWebExchanges}},
      {"HTML answer to a POST", Get("https://a.example/login", "text/html", "POST"), {I::kEveryExchange, I::kExchangesWithUrl, I::kWebExchanges}},
      {"ws handshake", Get("wss://a.example/socket", ""), {I::kEveryExchange, I::kExchangesWithUrl}},
      {"unparsable non-page", Get("::", "text/plain"), {I::kEveryExchange}},
  };
  for (const Row& row : rows) {
    const ViewOf v(row.ex);
    ASSERT_EQ(v.ex.IsPage(), row.reads.count(I::kPages) == 1) << row.what << ": the fixture is not what it says";
    for (I kind : kinds)
      EXPECT_EQ(Reads(kind, v.view()), row.reads.count(kind) == 1) << row.what << ", kind " << static_cast<int>(kind);
  }
}

// The page-level results of a check declared to read pages are about pages of that kind only:
// with the real engine and HARs recorded by browsers and proxies (every exchange sort: scripts,
// redirects, XHR, probes, http and https pages), a page result of a kPages check is about one of
// the report's pages, a kWebPages one about an http(s) page, a kHttpsPages one about an https
// page. Were the engine to hand such a check other exchanges, it would judge them (a result about
// them) or read a page that is not there.
std::vector<std::string> RealHars() {
  std::vector<std::string> out;
  const std::string recorded = testing::SourceDir() + "/tests/fixtures/recorded";
  for (const std::string& f : testing::ListFiles(recorded, ".har")) out.push_back(recorded + "/" + f);
  const std::string shared = testing::SourceDir() + "/../shared/data/real-har";
  const std::vector<std::string> real = testing::ListFiles(shared, ".har");
  if (real.empty()) std::cout << "[ note ] " << shared << " is absent: only tests/fixtures/recorded is audited\n";
  for (const std::string& f : real) out.push_back(shared + "/" + f);
  return out;
}

bool StartsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

TEST(CheckInput, PageChecksReportOnlyOnTheExchangesTheyDeclare) {
  std::size_t audited = 0, page_results = 0;
  for (const std::string& file : RealHars()) {
    SCOPED_TRACE(file);
    StatusOr<std::string> text = testing::AuditHarText(testing::ReadFileOrEmpty(file));
    if (!text.ok()) continue;  // a HAR the engine rejects as a whole (bad input) has no report
    ++audited;
    json::Value report;
    ASSERT_TRUE(json::ParseBounded(text.value(), 64, report).ok());
    std::set<std::string> pages;
    for (const json::Value& p : *json::FindArray(report, "pages")) pages.insert(p.get<std::string>());
    for (const json::Value& r : *json::FindArray(report, "checks")) {
      const std::string* page = json::FindString(r, "page");
      if (page == nullptr) continue;  // site-level
      const std::string& id = *json::FindString(r, "id");
      const CheckDescriptor* d = nullptr;
      for (const CheckDescriptor& c : AllChecks())
        if (c.id == id) d = &c;
      ASSERT_NE(d, nullptr) << id;
      if (d->input != CheckInput::kPages && d->input != CheckInput::kPagesWithUrl && d->input != CheckInput::kWebPages &&
          d->input != CheckInput::kHttpsPages)
        continue;
      ++page_results;
      EXPECT_TRUE(pages.count(*page)) << id << " reported on " << *page << ", which is not a page";
      if (d->input == CheckInput::kWebPages)
        EXPECT_TRUE(StartsWith(*page, "http://") || StartsWith(*page, "https://")) << id << " on " << *page;
      if (d->input == CheckInput::kHttpsPages) EXPECT_TRUE(StartsWith(*page, "https://")) << id << " on " << *page;
    }
  }
  EXPECT_GE(audited, 4u);
  EXPECT_GT(page_results, 100u);
}

// The same on a HAR holding every exchange sort the kinds tell apart, side by side: an http page,
// an https page, an ftp: page, an HTML answer to a POST, a script. Each page holds a form with a
// password field, so every form.* check (kWebPages) has something to say about each page it is
// handed.
std::string Entry(const std::string& method, const std::string& url, const std::string& mime, const std::string& body) {
  json::Object request{{"method", json::Str(method)}, {"url", json::Str(url)}, {"headers", json::Value(json::Array())}};
  json::Array headers{json::Value(json::Object{{"name", json::Str("Content-Type")}, {"value", json::Str(mime)}})};
  json::Object content{{"mimeType", json::Str(mime)}, {"text", json::Str(body)}};
  json::Object response{{"status", json::Int(200)}, {"headers", json::Value(headers)}, {"content", json::Value(content)}};
  return json::Serialize(json::Value(json::Object{{"request", json::Value(request)}, {"response", json::Value(response)}}));
}

TEST(CheckInput, EachCheckSeesOnlyItsKindOfExchange) {
  const std::string form =
      "<!doctype html><title>Đăng nhập</title><form method=get action=/login><input name=user>"
      "<input type=password name=pass></form>";
  const std::string har = R"({"log": {"version": "1.2", "entries": [)" +
                          Entry("GET", "https://portal.example.gov.vn/", "text/html", form) + "," +
                          Entry("GET", "http://portal.example.gov.vn/http-page", "text/html", form) + "," +
                          Entry("GET", "ftp://portal.example.gov.vn/ftp-page.html", "text/html", form) + "," +
                          Entry("POST", "https://portal.example.gov.vn/post-answer", "text/html", form) + "," +
                          Entry("GET", "https://portal.example.gov.vn/app.js", "text/javascript", "var a = 1;") + "]}}";
  StatusOr<std::string> text = testing::AuditHarText(har, "https://portal.example.gov.vn/");
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  json::Value report;
  ASSERT_TRUE(json::ParseBounded(text.value(), 64, report).ok());
  std::set<std::string> form_pages, transport_pages;
  for (const json::Value& r : *json::FindArray(report, "checks")) {
    const std::string& id = *json::FindString(r, "id");
    const std::string* page = json::FindString(r, "page");
    if (StartsWith(id, "form.") && page) form_pages.insert(*page);
    if (id == "transport.https" && page) transport_pages.insert(*page);
    if (id == "header.csp" || id == "page.comments") {
      ASSERT_NE(page, nullptr) << id;
      EXPECT_NE(*page, "https://portal.example.gov.vn/post-answer") << id << " (kPages) judged a POST answer";
      EXPECT_NE(*page, "https://portal.example.gov.vn/app.js") << id << " (kPages) judged a script";
    }
  }
  // kWebPages: the http and https pages; not the ftp: page, the POST answer or the script.
  EXPECT_EQ(form_pages, (std::set<std::string>{"https://portal.example.gov.vn/", "http://portal.example.gov.vn/http-page"}));
  EXPECT_EQ(transport_pages, form_pages);
}

// --- "absent" ----------------------------------------------------------------------------------

constexpr char kHomeOnly[] = R"({"log": {"version": "1.2", "entries": [{"request": {"method": "GET",
    "url": "https://portal.example.gov.vn/"}, "response": {"status": 200, "headers": [
    {"name": "Content-Type", "value": "text/html; charset=utf-8"}],
    "content": {"mimeType": "text/html", "text": "<!doctype html><title>Cổng</title>"}}}]}})";

constexpr char kHomeAndRobots[] = R"({"log": {"version": "1.2", "entries": [{"request": {"method": "GET",
    "url": "https://portal.example.gov.vn/"}, "response": {"status": 200, "headers": [
    {"name": "Content-Type", "value": "text/html; charset=utf-8"}],
    "content": {"mimeType": "text/html", "text": "<!doctype html><title>Cổng</title>"}}},
    {"request": {"method": "GET", "url": "https://portal.example.gov.vn/robots.txt"},
     "response": {"status": 200, "headers": [{"name": "Content-Type", "value": "text/plain"}],
     "content": {"mimeType": "text/plain", "text": "User-agent: *\nDisallow: /quan-tri/\n"}}}]}})";

// The embedded ruleset document with `edit` applied to rule `id`.
template <typename Edit>
std::string EditedRuleset(const std::string& id, Edit edit) {
  json::Value doc;
  EXPECT_TRUE(json::ParseBounded(Ruleset::EmbeddedDocument(), 64, doc).ok());
  json::Value* rule = json::FindMutable(*json::FindMutable(doc, "rules"), id);
  EXPECT_NE(rule, nullptr) << id;
  if (rule) edit(rule->get<json::Object>());
  return json::Serialize(doc);
}

json::Value AbsentMember(const std::string& outcome, const std::string& reason) {
  return json::Value(json::Object{{"outcome", json::Str(outcome)}, {"reason", json::Str(reason)}});
}

// The results of check `id` when `har` is audited with `ruleset_document` ("" = the embedded one).
std::vector<json::Value> ResultsOf(const std::string& id, const std::string& har, const std::string& ruleset_document = "") {
  AuditOptions options;
  options.ruleset_document = ruleset_document;
  auto auditor = Auditor::Create(options);
  EXPECT_TRUE(auditor.ok()) << auditor.status().message();
  if (!auditor.ok()) return {};
  EXPECT_TRUE(auditor.value()->Feed(har).ok());
  EXPECT_TRUE(auditor.value()->Finish().ok());
  json::Value report;
  EXPECT_TRUE(json::ParseBounded(auditor.value()->ReportJson(), 64, report).ok());
  std::vector<json::Value> out;
  for (const json::Value& r : *json::FindArray(report, "checks"))
    if (*json::FindString(r, "id") == id) out.push_back(r);
  return out;
}

std::string Reason(const json::Value& result) {
  const json::Value* details = json::Find(result, "details");
  const std::string* reason = details ? json::FindString(*details, "reason") : nullptr;
  return reason ? *reason : "";
}

// The results of check `id` for `har` when its rule file declares "absent": {outcome, reason}.
std::vector<json::Value> ResultsWithAbsent(const std::string& id, const std::string& har, const std::string& outcome,
                                           const std::string& reason) {
  return ResultsOf(id, har, EditedRuleset(id, [&](json::Object& rule) { rule["absent"] = AbsentMember(outcome, reason); }));
}

// Expects exactly one result, site-level, with `outcome` and details.reason `reason`.
void ExpectOneReasonResult(const std::vector<json::Value>& results, const std::string& outcome, const std::string& reason) {
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(*json::FindString(results[0], "outcome"), outcome);
  EXPECT_EQ(Reason(results[0]), reason);
  EXPECT_EQ(json::FindString(results[0], "page"), nullptr) << "not site-level";
}

TEST(AbsentResult, TheRuleFilesResultWhenTheCheckEmittedNothing) {
  const std::optional<AbsentEvidence> absent = Ruleset::Embedded()->Absent("site.robots");
  ASSERT_TRUE(absent.has_value()) << "rules/site.robots.json declares no absent result";
  ExpectOneReasonResult(ResultsOf("site.robots", kHomeOnly), absent->outcome, absent->reason);
}

// The reason comes from the rule file, not from the check's code.
TEST(AbsentResult, ItsOutcomeAndReasonAreTheRuleFilesOwn) {
  const std::string reason = "this portal publishes no robots.txt on purpose";
  ExpectOneReasonResult(ResultsWithAbsent("site.robots", kHomeOnly, "not-applicable", reason), "not-applicable", reason);
}

TEST(AbsentResult, NotAddedWhenTheCheckEmittedSomething) {
  const std::vector<json::Value> results =
      ResultsWithAbsent("site.robots", kHomeAndRobots, "not-captured", "no robots.txt was requested");
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(*json::FindString(results[0], "outcome"), "disclosed");
  EXPECT_EQ(*json::FindString(results[0], "page"), "https://portal.example.gov.vn/robots.txt");
}

// Any check may declare one: header.csp reads pages; a HAR with none gets the declared result
// instead of the engine's generic one.
TEST(AbsentResult, AppliesToAnyCheckThatDeclaresIt) {
  constexpr char kScriptOnly[] = R"({"log": {"version": "1.2", "entries": [{"request": {"method": "GET",
      "url": "https://portal.example.gov.vn/app.js"}, "response": {"status": 200, "headers": [],
      "content": {"mimeType": "text/javascript", "text": "var a = 1;"}}}]}})";
  const std::vector<json::Value> generic = ResultsOf("header.csp", kScriptOnly);
  ASSERT_EQ(generic.size(), 1u);
  EXPECT_EQ(Reason(generic[0]).rfind("no HTML document was audited", 0), 0u) << Reason(generic[0]);
  const std::string reason = "no page of the portal was captured";
  ExpectOneReasonResult(ResultsWithAbsent("header.csp", kScriptOnly, "not-captured", reason), "not-captured", reason);
}

// A ruleset whose rule lacks the member (an older ruleset document, or one that dropped it) gets
// the embedded rule's: a bundle made before the member existed replays as it was made, and
// leaving it out does not turn robots.txt that was never requested into a pass.
TEST(AbsentResult, WithoutItTheEmbeddedRulesResult) {
  const std::optional<AbsentEvidence> embedded = Ruleset::Embedded()->Absent("site.robots");
  ASSERT_TRUE(embedded.has_value());
  const std::string ruleset = EditedRuleset("site.robots", [](json::Object& rule) { rule.erase("absent"); });
  ExpectOneReasonResult(ResultsOf("site.robots", kHomeOnly, ruleset), "not-captured",
                        "the evidence holds no request for /robots.txt");
  EXPECT_EQ(embedded->outcome, "not-captured");
}

TEST(AbsentResult, AMalformedMemberIsRejected) {
  const std::vector<json::Value> bad{
      AbsentMember("none", "a check outcome, not an engine-wide one"),
      AbsentMember("not-captured", ""),
      json::Value(json::Object{{"outcome", json::Str("not-captured")}}),
      json::Str("not-captured"),
  };
  for (const json::Value& member : bad) {
    AuditOptions options;
    options.ruleset_document = EditedRuleset("site.waf", [&](json::Object& rule) { rule["absent"] = member; });
    auto auditor = Auditor::Create(options);
    ASSERT_FALSE(auditor.ok()) << json::Serialize(member);
    EXPECT_EQ(auditor.status().message(),
              "ruleset: rule 'site.waf' absent needs an outcome (not-captured or not-applicable) and a reason");
  }
}

}  // namespace
}  // namespace portal_check
