// The same fact as different HAR producers write it, and the verdicts that must hold on it: a
// grade only on an audited main document; documents as browsers render them; the target among
// WebSockets, trackers and redirects; Set-Cookie in its three forms; missing or cut bodies;
// stripped cookies; unreadable entries; every check with a result; pages nested past libxml2's
// default depth. Each case is the minimal form of a real producer's output (issue notes name them).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ruleset/ruleset.h"
#include "test_support.h"
#include "util/json.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

using testing::AuditHarReport;

const char kPortal[] = "https://portal.example.gov.vn/";

// One entry: method GET, the status, response headers as "Name: value" strings, and `content`
// (a JSON object text).
std::string Entry(const std::string& url, int status, const std::vector<std::string>& headers, const std::string& content,
                  const std::string& extra = "") {
  std::string h;
  for (const std::string& field : headers) {
    const std::size_t colon = field.find(':');
    if (!h.empty()) h += ",";
    h += R"({"name":)" + json::Value(field.substr(0, colon)).serialize() + R"(,"value":)" +
         json::Value(field.substr(colon + 2)).serialize() + "}";
  }
  return R"({"request":{"method":"GET","url":")" + url + R"(","headers":[]},"response":{"status":)" +
         std::to_string(status) + R"(,"headers":[)" + h + R"(],"content":)" + content + "}" + extra + "}";
}

std::string Html(const std::string& body) {
  return R"({"mimeType":"text/html","text":)" + json::Value(body).serialize() + "}";
}

std::string Har(const std::vector<std::string>& entries, const std::string& log_extra = "") {
  std::string all;
  for (const std::string& e : entries) all += (all.empty() ? "" : ",") + e;
  return R"({"log":{"version":"1.2",)" + log_extra + R"("entries":[)" + all + "]}}";
}

const json::Value& Grade(const json::Value& report) { return *json::Find(report, "grade"); }
bool Graded(const json::Value& report) { return Grade(report).get("grade").is<std::string>(); }
std::string GradeReason(const json::Value& report) {
  const json::Value* reason = json::Find(Grade(report), "reason");
  return reason ? json::FindString(*reason, "code") ? *json::FindString(*reason, "code") : "" : "";
}
std::string Str(const json::Value& v, const char* key) {
  const std::string* s = json::FindString(v, key);
  return s ? *s : "";
}

// The outcomes of check `id` (one per result), "page|outcome".
std::vector<std::string> Outcomes(const json::Value& report, const std::string& id) {
  std::vector<std::string> out;
  for (const json::Value& c : *json::FindArray(report, "checks"))
    if (Str(c, "id") == id) out.push_back((c.get("page").is<std::string>() ? Str(c, "page") : "site") + "|" + Str(c, "outcome"));
  return out;
}

bool HasNotice(const json::Value& report, const std::string& code) {
  for (const json::Value& n : *json::FindArray(report, "notices"))
    if (Str(n, "code") == code) return true;
  return false;
}

std::vector<std::string> SecureHeaders() {
  return {"Content-Type: text/html; charset=utf-8", "Content-Security-Policy: default-src 'none'; frame-ancestors 'none'",
          "Strict-Transport-Security: max-age=63072000", "X-Content-Type-Options: nosniff",
          "Referrer-Policy: no-referrer", "X-Frame-Options: DENY"};
}

// ------------------------------------------------------------------ grade and documents

TEST(EvidenceForms, PageWithoutContentTypeIsSniffedGradedAndMissing) {
  const json::Value r = AuditHarReport(Har({Entry(kPortal, 200, {"Server: nginx"}, R"({"mimeType":"","text":"<!DOCTYPE html><html><body><p>Cổng</p></body></html>"})")}));
  ASSERT_TRUE(Graded(r));
  EXPECT_NE(Str(Grade(r), "grade"), "A+");
  EXPECT_LT(json::GetInt(Grade(r), "score", 100), 50);
  EXPECT_EQ(Outcomes(r, "header.content-type"), std::vector<std::string>{std::string(kPortal) + "|missing"});
}

TEST(EvidenceForms, BodyThatDoesNotSniffAsHtmlIsNoPage) {
  const json::Value r = AuditHarReport(Har({Entry(kPortal, 200, {}, R"({"mimeType":"","text":"\ufeff<html><body>x</body></html>"})")}));
  EXPECT_FALSE(Graded(r));
  EXPECT_EQ(GradeReason(r), "no-document");
  EXPECT_TRUE(HasNotice(r, "no-grade"));
}

TEST(EvidenceForms, NoDocumentMeansNoGradeNotAPlus) {
  const json::Value r = AuditHarReport(Har({Entry("https://api.example.gov.vn/v1/status", 200,
                                                  {"Content-Type: application/json"}, R"({"mimeType":"application/json","text":"{}"})")}));
  EXPECT_FALSE(Graded(r));
  EXPECT_TRUE(Grade(r).get("score").is<picojson::null>());
  EXPECT_EQ(GradeReason(r), "no-document");
  EXPECT_FALSE(Str(*json::Find(Grade(r), "reason"), "vi").empty());
}

TEST(EvidenceForms, ForbiddenAndUnauthorizedHomePagesAreDocuments) {
  for (int status : {401, 403}) {
    const json::Value r = AuditHarReport(Har({Entry(kPortal, status, {"Content-Type: text/html"}, Html("<p>Từ chối</p>"))}));
    ASSERT_TRUE(Graded(r)) << status;
    EXPECT_EQ(Str(Grade(r), "page"), kPortal);
    EXPECT_EQ(Outcomes(r, "header.csp"), std::vector<std::string>{std::string(kPortal) + "|missing"}) << status;
  }
}

TEST(EvidenceForms, RevalidatedDocumentWithItsCachedBodyIsAudited) {
  const json::Value with_body = AuditHarReport(Har({Entry(kPortal, 304, {"Content-Type: text/html"}, Html("<p>Cổng</p>"))}));
  ASSERT_TRUE(Graded(with_body));
  EXPECT_EQ(Str(Grade(with_body), "page"), kPortal);
  const json::Value without = AuditHarReport(Har({Entry(kPortal, 304, {}, R"({"size":0,"mimeType":"text/html"})")}));
  EXPECT_FALSE(Graded(without));
  EXPECT_EQ(GradeReason(without), "no-document");
}

TEST(EvidenceForms, MainDocumentWithoutResponseHeadersIsNotGraded) {
  const json::Value r = AuditHarReport(Har({Entry(kPortal, 200, {}, Html("<p>x</p>"))}));
  EXPECT_FALSE(Graded(r));
  EXPECT_EQ(GradeReason(r), "no-response-headers");
}

TEST(EvidenceForms, HtmlFetchedByXhrIsNoPage) {
  const json::Value r = AuditHarReport(Har({Entry(kPortal, 200, {"Content-Type: text/html"}, Html("<p>x</p>"), R"(,"_resourceType":"xhr")")}));
  EXPECT_EQ(json::FindArray(r, "pages")->size(), 0u);
  EXPECT_FALSE(Graded(r));
}

// ------------------------------------------------------------------ the target

TEST(EvidenceForms, WebSocketTrackerAndRedirectsBeforeTheDocument) {
  const json::Value r = AuditHarReport(Har({
      Entry("wss://push.example.net/socket", 101, {"Upgrade: websocket"}, "{}", R"(,"_resourceType":"websocket")"),
      Entry("https://tracker.example.net/t.js", 200, {"Content-Type: application/javascript"}, R"({"mimeType":"application/javascript","text":"1"})"),
      Entry("http://portal.example.gov.vn/", 301, {"Location: https://portal.example.gov.vn/"}, R"({"size":0})"),
      Entry(kPortal, 200, SecureHeaders(), Html("<p>Cổng</p>")),
  }));
  EXPECT_EQ(Str(r, "target"), "http://portal.example.gov.vn/");
  EXPECT_EQ(Str(Grade(r), "page"), kPortal);
  EXPECT_EQ(Outcomes(r, "transport.redirect"), std::vector<std::string>{"http://portal.example.gov.vn/|to-https"});
}

// log.pages came first: the target is the first page's document, even when an entry of the
// second page (an ad frame the producer filed under it) comes earlier in the entries.
TEST(EvidenceForms, FirstPageOfLogPagesAndItsPagerefPickTheTarget) {
  const std::string pages = R"("pages":[{"id":"page_1","title":"Cổng"},{"id":"page_2","title":"Khác"}],)";
  const json::Value r = AuditHarReport(Har({
      Entry("https://ads.example.net/frame.html", 200, {"Content-Type: text/html"}, Html("<p>ad</p>"), R"(,"pageref":"page_2")"),
      Entry(kPortal, 200, SecureHeaders(), Html("<p>Cổng</p>"), R"(,"pageref":"page_1")"),
  }, pages));
  EXPECT_EQ(Str(r, "target"), kPortal);
  EXPECT_EQ(Str(Grade(r), "page"), kPortal);
  // The same entries with log.pages after them: the first top-level navigation in entry order.
  std::string late = Har({Entry("https://ads.example.net/frame.html", 200, {"Content-Type: text/html"}, Html("<p>ad</p>"), R"(,"pageref":"page_2")"),
                          Entry(kPortal, 200, SecureHeaders(), Html("<p>Cổng</p>"), R"(,"pageref":"page_1")")});
  late.insert(late.size() - 2, std::string(",") + std::string(pages).substr(0, pages.size() - 1));
  EXPECT_EQ(Str(AuditHarReport(late), "target"), "https://ads.example.net/frame.html");
}

// A frame request (Sec-Fetch-Dest: iframe) is not the top-level document.
TEST(EvidenceForms, FrameRequestsAreNotTheTarget) {
  const std::string frame = R"({"request":{"method":"GET","url":"https://ads.example.net/f.html","headers":[{"name":"Sec-Fetch-Dest","value":"iframe"}]},)"
                            R"("response":{"status":200,"headers":[{"name":"Content-Type","value":"text/html"}],"content":{"mimeType":"text/html","text":"<p>ad</p>"}}})";
  const json::Value r = AuditHarReport(Har({frame, Entry(kPortal, 200, SecureHeaders(), Html("<p>Cổng</p>"))}));
  EXPECT_EQ(Str(r, "target"), kPortal);
}

TEST(EvidenceForms, ExplicitTargetStillOverrides) {
  const std::string har = Har({Entry("https://ads.example.net/frame.html", 200, {"Content-Type: text/html"}, Html("<p>ad</p>")),
                               Entry(kPortal, 200, SecureHeaders(), Html("<p>Cổng</p>"))});
  const auto text = testing::AuditHarText(har, kPortal);
  ASSERT_TRUE(text.ok());
  json::Value r;
  ASSERT_TRUE(json::ParseBounded(text.value(), 64, r).ok());
  EXPECT_EQ(Str(r, "target"), kPortal);
  EXPECT_EQ(Str(Grade(r), "page"), kPortal);
  // Without it, the first top-level HTML navigation is the target.
  EXPECT_EQ(Str(AuditHarReport(har), "target"), "https://ads.example.net/frame.html");
}

// ------------------------------------------------------------------ cookies in three forms

std::string CookiePage(const std::vector<std::string>& headers, const std::string& extra = "") {
  return Har({Entry("http://portal.example.gov.vn/", 200, headers, Html("<p>x</p>"), extra)});
}

TEST(EvidenceForms, SetCookieJoinedByNewlinesIsEveryCookie) {
  const json::Value r = AuditHarReport(CookiePage({"Content-Type: text/html", "Set-Cookie: lang=vi; Path=/\nPHPSESSID=abc; Path=/"}));
  // Both cookies are judged, and the session cookie without HttpOnly or Secure over http fails.
  EXPECT_EQ(Outcomes(r, "cookie.flags"), std::vector<std::string>{"http://portal.example.gov.vn/|cookies-session-without-secure-flag"});
  std::vector<std::string> names;
  for (const json::Value& c : *json::FindArray(r, "checks"))
    if (Str(c, "id") == "cookie.flags")
      for (const json::Value& cookie : *json::FindArray(*json::Find(c, "details"), "cookies")) names.push_back(Str(cookie, "name"));
  EXPECT_EQ(names, (std::vector<std::string>{"lang", "PHPSESSID"}));
}

TEST(EvidenceForms, CookiesOnlyInTheHarArrayAreSeen) {
  std::string har = CookiePage({"Content-Type: text/html"});
  const std::string needle = R"("status":200,)";
  har.replace(har.find(needle), needle.size(),
              needle + R"("cookies":[{"name":"PHPSESSID","value":"abc","path":"/","httpOnly":false,"secure":false}],)");
  const json::Value r = AuditHarReport(har);
  EXPECT_EQ(Outcomes(r, "cookie.flags"), std::vector<std::string>{"http://portal.example.gov.vn/|cookies-session-without-secure-flag"});
  EXPECT_NE(json::Serialize(*json::Find(r, "checks")).find(R"("name":"PHPSESSID")"), std::string::npos);
}

TEST(EvidenceForms, ChromeExportWithoutSensitiveDataSaysNotCaptured) {
  const std::string creator = R"("creator":{"name":"WebInspector","version":"537.36"},)";
  const json::Value r = AuditHarReport(Har({Entry(kPortal, 200, SecureHeaders(), Html("<p>x</p>"))}, creator));
  EXPECT_TRUE(HasNotice(r, "cookies-not-exported"));
  for (const char* id : {"cookie.flags", "cookie.prefix", "cookie.scope"}) {
    ASSERT_FALSE(Outcomes(r, id).empty()) << id;
    for (const std::string& o : Outcomes(r, id)) EXPECT_NE(o.find("not-captured"), std::string::npos) << id << " " << o;
  }
  // The same HAR from another producer: no cookies simply means none were set.
  const json::Value other = AuditHarReport(Har({Entry(kPortal, 200, SecureHeaders(), Html("<p>x</p>"))}, R"("creator":{"name":"Firefox","version":"111"},)"));
  EXPECT_FALSE(HasNotice(other, "cookies-not-exported"));
  EXPECT_EQ(Outcomes(other, "cookie.flags"), std::vector<std::string>{std::string(kPortal) + "|cookies-not-found"});
}

// ------------------------------------------------------------------ bodies

TEST(EvidenceForms, MissingBodiesGiveANoticeAndNotCaptured) {
  const std::vector<std::string> contents = {
      R"({"size":5120,"mimeType":"text/html"})",                                          // no content.text
      R"({"size":5120,"mimeType":"text/html","_file":"abc.html"})",                       // Playwright attachment
  };
  for (const std::string& content : contents) {
    const json::Value r = AuditHarReport(Har({Entry(kPortal, 200, SecureHeaders(), content)}));
    EXPECT_TRUE(HasNotice(r, "body-not-captured")) << content;
    EXPECT_FALSE(Graded(r));
    EXPECT_EQ(GradeReason(r), "body-not-captured");
    for (const char* id : {"page.sri", "page.vulnerable-library", "form.password-over-http", "page.privacy-policy"})
      EXPECT_EQ(Outcomes(r, id), std::vector<std::string>{std::string(kPortal) + "|not-captured"}) << id << " " << content;
  }
}

TEST(EvidenceForms, CutBodyKeepsFailuresAndWithholdsPasses) {
  const std::string html = "<form method=get><input type=password name=p></form>";
  const std::string content = R"({"size":99999,"mimeType":"text/html","text":)" + json::Value(html).serialize() + "}";
  const json::Value r = AuditHarReport(Har({Entry("http://portal.example.gov.vn/", 200, {"Content-Type: text/html"}, content)}));
  EXPECT_TRUE(HasNotice(r, "body-not-captured"));
  EXPECT_EQ(Outcomes(r, "form.password-over-http"), std::vector<std::string>{"http://portal.example.gov.vn/|present"});
  EXPECT_EQ(Outcomes(r, "page.spam-injection"), std::vector<std::string>{"http://portal.example.gov.vn/|not-captured"});
}

TEST(EvidenceForms, ScriptsWithoutBodiesWithholdTheLibraryPass) {
  const json::Value r = AuditHarReport(Har({
      Entry(kPortal, 200, SecureHeaders(), Html("<script src=/app.js></script>")),
      Entry("https://portal.example.gov.vn/app.js", 200, {"Content-Type: application/javascript"}, R"({"size":90000,"mimeType":"application/javascript"})"),
  }));
  EXPECT_EQ(Outcomes(r, "page.vulnerable-library"), std::vector<std::string>{std::string(kPortal) + "|not-captured"});
  EXPECT_TRUE(HasNotice(r, "body-not-captured"));
}

// A robots.txt and a 404 probe recorded without their bodies: the site checks that read them do
// not pass.
TEST(EvidenceForms, SiteResourcesWithoutBodiesWithholdTheSiteChecksPasses) {
  const std::string probe = R"(,"_portalCheck":{"purpose":"error-page"})";
  const json::Value r = AuditHarReport(Har({
      Entry(kPortal, 200, SecureHeaders(), Html("<p>x</p>")),
      Entry("https://portal.example.gov.vn/robots.txt", 200, {"Content-Type: text/plain"}, R"({"size":300,"mimeType":"text/plain"})"),
      Entry("https://portal.example.gov.vn/pc-404-probe", 404, {"Content-Type: text/html"}, R"({"size":900,"mimeType":"text/html"})", probe),
  }));
  for (const char* id : {"site.robots", "site.error-page"}) {
    ASSERT_FALSE(Outcomes(r, id).empty()) << id;
    for (const std::string& o : Outcomes(r, id)) EXPECT_NE(o.find("not-captured"), std::string::npos) << id << " " << o;
  }
  // With their bodies, the same checks judge them.
  const json::Value whole = AuditHarReport(Har({
      Entry(kPortal, 200, SecureHeaders(), Html("<p>x</p>")),
      Entry("https://portal.example.gov.vn/robots.txt", 200, {"Content-Type: text/plain"}, R"({"mimeType":"text/plain","text":"User-agent: *"})"),
  }));
  ASSERT_FALSE(Outcomes(whole, "site.robots").empty());
  for (const std::string& o : Outcomes(whole, "site.robots")) EXPECT_EQ(o.find("not-captured"), std::string::npos) << o;
}

// The message of the first notice with `code`, "" when there is none.
std::string NoticeMessage(const json::Value& report, const std::string& code) {
  for (const json::Value& n : *json::FindArray(report, "notices"))
    if (Str(n, "code") == code) return Str(n, "message");
  return "";
}

// Bodies the capture cut (_portalCheck.bodyCut) of every kind, a stylesheet and robots.txt too,
// are counted in one "bodies-cut" notice that names the first ones, so the reader knows what was
// not seen; a HAR with no cut body has none.
TEST(EvidenceForms, CutBodiesOfEveryKindAreCountedInOneNotice) {
  const std::string cut = R"(,"_portalCheck":{"purpose":"stylesheet","bodyCut":true})";
  std::vector<std::string> entries = {Entry(kPortal, 200, SecureHeaders(), Html("<p>x</p>"))};
  for (int i = 0; i < 7; ++i)
    entries.push_back(Entry("https://portal.example.gov.vn/s" + std::to_string(i) + ".css", 200, {"Content-Type: text/css"},
                            R"({"mimeType":"text/css","text":"body{"})", cut));
  entries.push_back(Entry("https://portal.example.gov.vn/robots.txt", 200, {"Content-Type: text/plain"},
                          R"({"mimeType":"text/plain","text":"User-agent: *"})", R"(,"_portalCheck":{"purpose":"robots","bodyCut":true})"));
  const json::Value r = AuditHarReport(Har(entries));
  const std::string message = NoticeMessage(r, "bodies-cut");
  EXPECT_EQ(message.rfind("8 response bodies were cut", 0), 0u) << message;
  EXPECT_NE(message.find("https://portal.example.gov.vn/s0.css"), std::string::npos) << message;
  EXPECT_NE(message.find("https://portal.example.gov.vn/s4.css, ..."), std::string::npos) << message;
  EXPECT_EQ(message.find("s5.css"), std::string::npos) << message;  // kListedCutBodies = 5
  // Withheld passes stay: the robots check read a cut robots.txt.
  for (const std::string& o : Outcomes(r, "site.robots")) EXPECT_NE(o.find("not-captured"), std::string::npos) << o;

  const json::Value one = AuditHarReport(Har({entries[0], entries[1]}));
  EXPECT_EQ(NoticeMessage(one, "bodies-cut").rfind("1 response body was cut", 0), 0u);
  EXPECT_FALSE(HasNotice(AuditHarReport(Har({entries[0]})), "bodies-cut"));
}

// A capture that stopped at its budget says so in log._portalCheck.stopped; the report repeats
// it as a notice (its text made safe), and a HAR without it has none.
TEST(EvidenceForms, CaptureStoppedEarlyIsANotice) {
  const std::string meta = R"("_portalCheck":{"target":"https://portal.example.gov.vn/","stopped":"the request budget (maxRequests = 2) was reached"},)";
  const json::Value r = AuditHarReport(Har({Entry(kPortal, 200, SecureHeaders(), Html("<p>x</p>"))}, meta));
  const std::string message = NoticeMessage(r, "capture-stopped");
  EXPECT_NE(message.find("(the request budget (maxRequests = 2) was reached)"), std::string::npos) << message;
  const std::string not_text = R"("_portalCheck":{"target":"https://portal.example.gov.vn/","stopped":7},)";
  EXPECT_FALSE(HasNotice(AuditHarReport(Har({Entry(kPortal, 200, SecureHeaders(), Html("<p>x</p>"))}, not_text)), "capture-stopped"));
}

// ------------------------------------------------------------------ every check has a result

TEST(EvidenceForms, EveryListedCheckHasAResultEvenForAnApiOnlyHar) {
  const json::Value r = AuditHarReport(Har({Entry("https://api.example.gov.vn/v1", 200, {"Content-Type: application/json"},
                                                  R"({"mimeType":"application/json","text":"{}"})")}));
  const std::vector<std::string>& ids = Ruleset::Embedded()->rule_ids();
  ASSERT_GT(ids.size(), 40u);
  for (const std::string& id : ids) EXPECT_FALSE(Outcomes(r, id).empty()) << id;
  EXPECT_EQ(Outcomes(r, "header.cors").size(), 1u);
  EXPECT_EQ(Outcomes(r, "page.sri"), std::vector<std::string>{"site|not-captured"});
  EXPECT_EQ(Outcomes(r, "form.login"), std::vector<std::string>{"site|not-captured"});
}

// ------------------------------------------------------------------ deep pages

// A page nested `depth` elements deep with a password field over http at the bottom.
std::string DeepPage(std::size_t depth) {
  std::string html = "<html><body>";
  for (std::size_t i = 0; i < depth; ++i) html += "<div>";
  html += "<form method=post><input type=password name=p></form>";
  for (std::size_t i = 0; i < depth; ++i) html += "</div>";
  return Har({Entry("http://portal.example.gov.vn/", 200, {"Content-Type: text/html"}, Html(html + "</body></html>"))});
}

TEST(EvidenceForms, PagesDeeperThanLibxml2sDefaultAreParsedInFull) {
  for (std::size_t depth : {255u, 256u, 300u, 10000u}) {
    const json::Value r = AuditHarReport(DeepPage(depth));
    EXPECT_EQ(Outcomes(r, "form.password-over-http"), std::vector<std::string>{"http://portal.example.gov.vn/|present"}) << depth;
  }
}

// ------------------------------------------------------------------ unreadable entries

TEST(EvidenceForms, AnUnreadableEntryCostsOnlyItself) {
  const json::Value r = AuditHarReport(Har({R"({"request":{"method":"GET"},"response":{"status":200}})",
                                            Entry(kPortal, 200, SecureHeaders(), Html("<p>x</p>"))}));
  EXPECT_TRUE(HasNotice(r, "entry-unreadable"));
  EXPECT_TRUE(Graded(r));
  EXPECT_EQ(Str(Grade(r), "page"), kPortal);
}

}  // namespace
}  // namespace portal_check
