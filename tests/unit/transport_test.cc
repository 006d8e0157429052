// The transport.* checks, run directly on Exchange objects: each test changes one thing on an
// otherwise clean exchange (an https page with a strong HSTS header and a valid TLS 1.3
// certificate) and looks at the outcome.
#include <gtest/gtest.h>

#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/registry.h"

namespace portal_check {
namespace {

using testing::FactoryOf;

using testing::CheckFactory;
using testing::FindDetail;

constexpr char kHome[] = "https://sotttt.example.gov.vn/";
constexpr std::int64_t kNow = 1795000000;  // 2026-11-17
constexpr std::int64_t kDay = 86400;

TlsDetails GoodTls() {
  TlsDetails t;
  t.protocol = "TLS 1.3";
  t.subject_name = "sotttt.example.gov.vn";
  t.issuer = "GlobalSign GCC R3 DV TLS CA 2020";
  t.san_list = {"sotttt.example.gov.vn", "www.sotttt.example.gov.vn"};
  t.valid_from = kNow - 60 * kDay;
  t.valid_to = kNow + 300 * kDay;
  t.trusted = true;
  return t;
}

Exchange Page(std::string url = kHome, std::string body = "<!doctype html><html><body><p>Xin chào</p></body></html>") {
  Exchange e = testing::MakeGet(std::move(url), 200, "text/html", std::move(body));
  e.resource_type = "document";
  e.started = kNow;
  if (e.url.rfind("https:", 0) == 0) {
    e.response_headers.Add("Strict-Transport-Security", "max-age=31536000");
    e.tls = GoodTls();
  }
  return e;
}

Exchange Redirect(std::string url, std::string location, int status = 301) {
  Exchange e = testing::MakeRedirect(std::move(url), std::move(location), status);
  e.resource_type = "document";
  e.started = kNow;
  return e;
}

// Runs a fresh check over the exchanges with the audit's target `target` (no data lists).
std::vector<CheckResult> RunCheck(CheckFactory make, std::vector<Exchange> exchanges, const std::string& target = kHome) {
  testing::RunOptions options;
  options.target = target;
  options.data = nullptr;
  return testing::RunCheck(make, std::move(exchanges), options);
}

// The single result of a run (fails the test when there is not exactly one).
CheckResult One(const std::vector<CheckResult>& results) { return testing::OnlyResult(results); }

const json::Value* Detail(const CheckResult& r, const std::string& key) { return FindDetail(r, key); }

// ---- registry ----

TEST(TransportRegistry, AllSixRegistered) {
  std::vector<std::string> ids;
  for (const CheckDescriptor& d : AllChecks())
    if (d.id.substr(0, 10) == "transport.") ids.emplace_back(d.id);
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"transport.certificate", "transport.hsts", "transport.https",
                                           "transport.mixed-content", "transport.redirect",
                                           "transport.tls-version"}));
}

// ---- transport.https ----

TEST(TransportHttps, HttpsPageOk) {
  CheckResult r = One(RunCheck(FactoryOf("transport.https"), {Page()}));
  EXPECT_EQ(r.id, "transport.https");
  EXPECT_EQ(r.outcome, "ok");
  EXPECT_EQ(r.page, std::optional<std::string>(kHome));
}

TEST(TransportHttps, HttpPageFails) {
  EXPECT_EQ(One(RunCheck(FactoryOf("transport.https"), {Page("http://sotttt.example.gov.vn/")})).outcome, "http-only");
}

TEST(TransportHttps, NonPagesIgnored) {
  Exchange script = Page("http://sotttt.example.gov.vn/app.js");
  script.mime_type = "application/javascript";
  EXPECT_TRUE(RunCheck(FactoryOf("transport.https"), {script}).empty());
  EXPECT_TRUE(RunCheck(FactoryOf("transport.https"), {Redirect("http://sotttt.example.gov.vn/", kHome)}).empty());
}

// ---- transport.redirect ----

TEST(TransportRedirect, ToHttps) {
  CheckResult r = One(RunCheck(FactoryOf("transport.redirect"), {Redirect("http://sotttt.example.gov.vn/", kHome), Page()}));
  EXPECT_EQ(r.outcome, "to-https");
  EXPECT_EQ(r.page, std::optional<std::string>("http://sotttt.example.gov.vn/"));
  const json::Value* chain = Detail(r, "chain");
  ASSERT_NE(chain, nullptr);
  ASSERT_TRUE(chain->is<json::Array>());
  EXPECT_EQ(chain->get<json::Array>().size(), 2u);
  EXPECT_FALSE(r.observatory_result.has_value());
}

TEST(TransportRedirect, RelativeLocationResolved) {
  CheckResult r = One(RunCheck(FactoryOf("transport.redirect"), {Redirect("http://sotttt.example.gov.vn/", "//sotttt.example.gov.vn/"), Page()}));
  // "//host/" keeps the http scheme of the current URL: an http hop, then nothing.
  EXPECT_EQ(r.outcome, "not-to-https");
}

TEST(TransportRedirect, Missing) {
  EXPECT_EQ(One(RunCheck(FactoryOf("transport.redirect"), {Page("http://sotttt.example.gov.vn/"), Page()})).outcome, "missing");
}

TEST(TransportRedirect, NoHttpResponse) {
  Exchange refused = Page("http://sotttt.example.gov.vn/");
  refused.status = 0;
  refused.mime_type.clear();
  EXPECT_EQ(One(RunCheck(FactoryOf("transport.redirect"), {refused, Page()})).outcome, "not-needed-no-http");
}

TEST(TransportRedirect, NotCapturedWithoutHttpRequest) {
  CheckResult r = One(RunCheck(FactoryOf("transport.redirect"), {Page()}));
  EXPECT_EQ(r.outcome, "not-captured");
  EXPECT_EQ(r.page, std::optional<std::string>("http://sotttt.example.gov.vn/"));
}

TEST(TransportRedirect, OffHostFirstHop) {
  CheckResult r = One(RunCheck(FactoryOf("transport.redirect"),
                          {Redirect("http://sotttt.example.gov.vn/", "https://portal.example.gov.vn/sotttt"),
                           Redirect("https://portal.example.gov.vn/sotttt", kHome), Page()}));
  EXPECT_EQ(r.outcome, "off-host-first-hop");
}

TEST(TransportRedirect, HttpFirstHop) {
  CheckResult r = One(RunCheck(FactoryOf("transport.redirect"),
                          {Redirect("http://sotttt.example.gov.vn/", "http://sotttt.example.gov.vn/portal/"),
                           Redirect("http://sotttt.example.gov.vn/portal/", kHome), Page()}));
  EXPECT_EQ(r.outcome, "not-to-https-first-hop");
}

TEST(TransportRedirect, EndsOnHttp) {
  CheckResult r = One(RunCheck(FactoryOf("transport.redirect"),
                          {Redirect("http://sotttt.example.gov.vn/", "http://sotttt.example.gov.vn/portal/"),
                           Page("http://sotttt.example.gov.vn/portal/")}));
  EXPECT_EQ(r.outcome, "not-to-https");
}

TEST(TransportRedirect, HttpsTargetStartsFromHttpSamePath) {
  CheckResult r = One(RunCheck(FactoryOf("transport.redirect"),
                          {Redirect("http://sotttt.example.gov.vn/portal", "https://sotttt.example.gov.vn/portal"),
                           Page("https://sotttt.example.gov.vn/portal")},
                          "https://sotttt.example.gov.vn/portal"));
  EXPECT_EQ(r.outcome, "to-https");
  EXPECT_EQ(r.page, std::optional<std::string>("http://sotttt.example.gov.vn/portal"));
}

TEST(TransportRedirect, LoopStops) {
  CheckResult r = One(RunCheck(FactoryOf("transport.redirect"),
                          {Redirect("http://sotttt.example.gov.vn/", "http://sotttt.example.gov.vn/a"),
                           Redirect("http://sotttt.example.gov.vn/a", "http://sotttt.example.gov.vn/")}));
  EXPECT_EQ(r.outcome, "not-to-https");
  ASSERT_NE(Detail(r, "loop"), nullptr);
}

TEST(TransportRedirect, BlockedHttpSubresourceIsNotTheStartUrl) {
  Exchange blocked = Page("http://sotttt.example.gov.vn/Images/logo.png");
  blocked.status = 0;
  blocked.mime_type.clear();
  blocked.resource_type = "image";
  EXPECT_EQ(One(RunCheck(FactoryOf("transport.redirect"), {Page(), blocked})).outcome, "not-captured");
  Exchange nav = Redirect("http://sotttt.example.gov.vn/index.php", kHome);
  EXPECT_EQ(One(RunCheck(FactoryOf("transport.redirect"), {blocked, nav, Page()})).outcome, "to-https");
}

TEST(TransportRedirect, NoTarget) {
  CheckResult r = One(RunCheck(FactoryOf("transport.redirect"), {Page()}, "not a url"));
  EXPECT_EQ(r.outcome, "not-applicable");
  EXPECT_FALSE(r.page.has_value());
}

// ---- transport.hsts ----

CheckResult HstsWith(const std::vector<std::string>& values) {
  Exchange e = Page();
  e.response_headers = HeaderList();
  for (const std::string& v : values) e.response_headers.Add("Strict-Transport-Security", v);
  return One(RunCheck(FactoryOf("transport.hsts"), {e}));
}

TEST(TransportHsts, Strong) {
  CheckResult r = HstsWith({"max-age=31536000"});
  EXPECT_EQ(r.outcome, "strong");
  EXPECT_FALSE(r.observatory_result.has_value());
}

TEST(TransportHsts, PreloadReady) {
  EXPECT_EQ(HstsWith({"max-age=63072000; includeSubDomains; preload"}).outcome, "preload-ready");
  EXPECT_EQ(HstsWith({"max-age=63072000; preload"}).outcome, "strong");
}

TEST(TransportHsts, ShortButObservatoryPasses) {
  CheckResult r = HstsWith({"max-age=15552000"});
  EXPECT_EQ(r.outcome, "short-max-age");
  EXPECT_EQ(r.observatory_result, std::optional<std::string>("hsts-implemented-max-age-at-least-six-months"));
}

TEST(TransportHsts, ShortBelowSixMonths) {
  CheckResult r = HstsWith({"max-age=86400"});
  EXPECT_EQ(r.outcome, "short-max-age");
  EXPECT_FALSE(r.observatory_result.has_value());
}

TEST(TransportHsts, Missing) {
  CheckResult r = HstsWith({});
  EXPECT_EQ(r.outcome, "missing");
  EXPECT_FALSE(r.observatory_result.has_value());
}

TEST(TransportHsts, Invalid) {
  CheckResult r = HstsWith({"includeSubDomains"});
  EXPECT_EQ(r.outcome, "invalid");
  EXPECT_FALSE(r.observatory_result.has_value());
}

TEST(TransportHsts, MaxAgeZero) {
  EXPECT_EQ(HstsWith({"max-age=0"}).outcome, "max-age-zero");
}

TEST(TransportHsts, FirstOfSeveralUsed) {
  CheckResult r = HstsWith({"max-age=31536000", "max-age=0"});
  EXPECT_EQ(r.outcome, "strong");
  ASSERT_NE(Detail(r, "header_count"), nullptr);
  // The Observatory sees the fields joined with a comma and calls the header invalid.
  EXPECT_EQ(r.observatory_result, std::optional<std::string>("hsts-header-invalid"));
}

TEST(TransportHsts, QuotedMaxAgeDivergence) {
  CheckResult r = HstsWith({"max-age=\"600\""});
  EXPECT_EQ(r.outcome, "short-max-age");
  // parseInt('"600"') is NaN, and NaN < six months is false.
  EXPECT_EQ(r.observatory_result, std::optional<std::string>("hsts-implemented-max-age-at-least-six-months"));
}

TEST(TransportHsts, HttpPageNotApplicable) {
  Exchange e = Page("http://sotttt.example.gov.vn/");
  e.response_headers.Add("Strict-Transport-Security", "max-age=31536000");
  CheckResult r = One(RunCheck(FactoryOf("transport.hsts"), {e}, "http://sotttt.example.gov.vn/"));
  EXPECT_EQ(r.outcome, "not-applicable");
  EXPECT_EQ(r.observatory_result, std::optional<std::string>("hsts-not-implemented-no-https"));
  EXPECT_NE(Detail(r, "note"), nullptr);
}

TEST(TransportHsts, UntrustedCertificate) {
  Exchange e = Page();
  e.tls->trusted = false;
  CheckResult r = One(RunCheck(FactoryOf("transport.hsts"), {e}));
  EXPECT_EQ(r.outcome, "strong");
  EXPECT_EQ(r.observatory_result, std::optional<std::string>("hsts-invalid-cert"));
}

// ---- transport.certificate ----

CheckResult CertWith(const TlsDetails& tls, std::string url = kHome) {
  Exchange e = Page(std::move(url));
  e.tls = tls;
  return One(RunCheck(FactoryOf("transport.certificate"), {e}));
}

TEST(TransportCertificate, Valid) { EXPECT_EQ(CertWith(GoodTls()).outcome, "valid"); }

TEST(TransportCertificate, Expired) {
  TlsDetails t = GoodTls();
  t.valid_to = kNow - kDay;
  EXPECT_EQ(CertWith(t).outcome, "expired");
}

TEST(TransportCertificate, NotYetValid) {
  TlsDetails t = GoodTls();
  t.valid_from = kNow + kDay;
  EXPECT_EQ(CertWith(t).outcome, "expired");
}

TEST(TransportCertificate, ExpiringSoon) {
  TlsDetails t = GoodTls();
  t.valid_to = kNow + 10 * kDay;
  CheckResult r = CertWith(t);
  EXPECT_EQ(r.outcome, "expiring-soon");
  ASSERT_NE(Detail(r, "days_left"), nullptr);
  EXPECT_EQ(Detail(r, "days_left")->get<std::int64_t>(), 10);
}

TEST(TransportCertificate, HostnameMismatch) {
  TlsDetails t = GoodTls();
  t.san_list = {"portal.example.gov.vn"};
  EXPECT_EQ(CertWith(t).outcome, "hostname-mismatch");
}

TEST(TransportCertificate, WildcardMatchesOneLabel) {
  TlsDetails t = GoodTls();
  t.san_list = {"*.example.gov.vn"};
  EXPECT_EQ(CertWith(t).outcome, "valid");
  EXPECT_EQ(CertWith(t, "https://a.b.example.gov.vn/").outcome, "hostname-mismatch");
  EXPECT_EQ(CertWith(t, "https://example.gov.vn/").outcome, "hostname-mismatch");
}

TEST(TransportCertificate, WildcardOverPublicSuffixRejected) {
  TlsDetails t = GoodTls();
  t.san_list = {"*.gov.vn"};
  EXPECT_EQ(CertWith(t, "https://example.gov.vn/").outcome, "hostname-mismatch");
}

TEST(TransportCertificate, SubjectCnUsedWithoutSanList) {
  TlsDetails t = GoodTls();
  t.san_list.clear();
  EXPECT_EQ(CertWith(t).outcome, "valid");
  t.subject_name = "other.example.gov.vn";
  EXPECT_EQ(CertWith(t).outcome, "hostname-mismatch");
}

TEST(TransportCertificate, Untrusted) {
  TlsDetails t = GoodTls();
  t.trusted = false;
  EXPECT_EQ(CertWith(t).outcome, "untrusted");
}

TEST(TransportCertificate, NoStartedTimeSkipsValidity) {
  Exchange e = Page();
  e.started.reset();
  e.tls->valid_to = kNow - 400 * kDay;  // would be expired, but there is no time to judge with
  CheckResult r = One(RunCheck(FactoryOf("transport.certificate"), {e}));
  EXPECT_EQ(r.outcome, "valid");
  EXPECT_NE(Detail(r, "validity"), nullptr);
}

TEST(TransportCertificate, NotCapturedWithoutTls) {
  Exchange e = Page();
  e.tls.reset();
  EXPECT_EQ(One(RunCheck(FactoryOf("transport.certificate"), {e})).outcome, "not-captured");
}

TEST(TransportCertificate, OncePerHost) {
  std::vector<CheckResult> rs = RunCheck(FactoryOf("transport.certificate"), {Page(), Page("https://sotttt.example.gov.vn/lien-he")});
  EXPECT_EQ(rs.size(), 1u);
}

TEST(TransportCertificate, HttpOnlySiteNotApplicable) {
  CheckResult r = One(RunCheck(FactoryOf("transport.certificate"), {Page("http://sotttt.example.gov.vn/")}));
  EXPECT_EQ(r.outcome, "not-applicable");
  EXPECT_FALSE(r.page.has_value());
}

// ---- transport.tls-version ----

std::string TlsVersionOutcome(const std::string& protocol) {
  Exchange e = Page();
  e.tls->protocol = protocol;
  return One(RunCheck(FactoryOf("transport.tls-version"), {e})).outcome;
}

TEST(TransportTlsVersion, Modern) {
  EXPECT_EQ(TlsVersionOutcome("TLS 1.3"), "ok");
  EXPECT_EQ(TlsVersionOutcome("TLS 1.2"), "ok");
  EXPECT_EQ(TlsVersionOutcome("TLSv1.2"), "ok");
  EXPECT_EQ(TlsVersionOutcome("QUIC"), "ok");
}

TEST(TransportTlsVersion, Legacy) {
  EXPECT_EQ(TlsVersionOutcome("TLS 1.0"), "legacy-tls");
  EXPECT_EQ(TlsVersionOutcome("TLS 1.1"), "legacy-tls");
  EXPECT_EQ(TlsVersionOutcome("TLSv1"), "legacy-tls");
  EXPECT_EQ(TlsVersionOutcome("SSL 3.0"), "legacy-tls");
}

TEST(TransportTlsVersion, Unrecognised) { EXPECT_EQ(TlsVersionOutcome("Foo 9"), "error"); }

TEST(TransportTlsVersion, NotCaptured) {
  EXPECT_EQ(TlsVersionOutcome(""), "not-captured");
  Exchange e = Page();
  e.tls.reset();
  EXPECT_EQ(One(RunCheck(FactoryOf("transport.tls-version"), {e})).outcome, "not-captured");
}

// ---- transport.mixed-content ----

CheckResult MixedWith(const std::string& body_inner, std::vector<Exchange> later = {}) {
  std::vector<Exchange> all{Page(kHome, "<!doctype html><html><head></head><body>" + body_inner + "</body></html>")};
  for (Exchange& e : later) all.push_back(std::move(e));
  return One(RunCheck(FactoryOf("transport.mixed-content"), all));
}

TEST(TransportMixedContent, None) {
  EXPECT_EQ(MixedWith("<script src=\"/js/app.js\"></script><img src=\"https://cdn.example.gov.vn/a.png\">").outcome,
            "none");
}

TEST(TransportMixedContent, ActiveScript) {
  CheckResult r = MixedWith("<script src=\"http://cdn.example.vn/jquery.js\"></script>");
  EXPECT_EQ(r.outcome, "active");
  EXPECT_EQ(Detail(r, "active_count")->get<std::int64_t>(), 1);
}

TEST(TransportMixedContent, ActiveStylesheetIframeFormObject) {
  EXPECT_EQ(MixedWith("<link rel=\"Stylesheet preload\" href=\"http://cdn.example.vn/a.css\">").outcome, "active");
  EXPECT_EQ(MixedWith("<iframe src=\"http://bando.example.vn/\"></iframe>").outcome, "active");
  EXPECT_EQ(MixedWith("<form action=\"http://dichvucong.example.gov.vn/tra-cuu\"></form>").outcome, "active");
  EXPECT_EQ(MixedWith("<object data=\"http://cdn.example.vn/a.swf\"></object>").outcome, "active");
  EXPECT_EQ(MixedWith("<link rel=\"icon\" href=\"http://cdn.example.vn/favicon.ico\">").outcome, "none");
}

TEST(TransportMixedContent, PassiveImages) {
  EXPECT_EQ(MixedWith("<img src=\"http://cdn.example.vn/logo.png\">").outcome, "passive-only");
  EXPECT_EQ(MixedWith("<img src=\"/a.png\" srcset=\"/a.png 1x, http://cdn.example.vn/a2.png 2x\">").outcome,
            "passive-only");
  EXPECT_EQ(MixedWith("<video src=\"http://media.example.vn/clip.mp4\"></video>").outcome, "passive-only");
}

TEST(TransportMixedContent, BaseHrefApplies) {
  // <base> lives in <head>; put it first in the body, which the HTML parser moves/keeps alike.
  std::vector<Exchange> all{Page(kHome,
                                 "<!doctype html><html><head><base href=\"http://cdn.example.vn/\"></head>"
                                 "<body><script src=\"js/app.js\"></script></body></html>")};
  EXPECT_EQ(One(RunCheck(FactoryOf("transport.mixed-content"), all)).outcome, "active");
}

TEST(TransportMixedContent, LaterRequestWithReferer) {
  Exchange xhr = testing::MakeGet("http://api.example.gov.vn/thoi-tiet", 200, "application/json");
  xhr.resource_type = "xhr";
  xhr.request_headers.Add("Referer", kHome);
  EXPECT_EQ(MixedWith("", {xhr}).outcome, "active");
  xhr.resource_type = "image";
  EXPECT_EQ(MixedWith("", {xhr}).outcome, "passive-only");
  xhr.resource_type = "xhr";
  xhr.request_headers = HeaderList();
  xhr.request_headers.Add("Referer", "https://other.example.gov.vn/");
  EXPECT_EQ(MixedWith("", {xhr}).outcome, "none");
}

TEST(TransportMixedContent, HttpPageNotApplicable) {
  CheckResult r = One(RunCheck(FactoryOf("transport.mixed-content"),
                          {Page("http://sotttt.example.gov.vn/", "<script src=\"http://a.vn/x.js\"></script>")}));
  EXPECT_EQ(r.outcome, "not-applicable");
}

TEST(TransportMixedContent, ListCapped) {
  std::string body;
  for (int i = 0; i < 60; ++i) body += "<img src=\"http://cdn.example.vn/" + std::to_string(i) + ".png\">";
  CheckResult r = MixedWith(body);
  EXPECT_EQ(r.outcome, "passive-only");
  EXPECT_EQ(Detail(r, "passive")->get<json::Array>().size(), 50u);
  EXPECT_EQ(Detail(r, "passive_count")->get<std::int64_t>(), 60);
  EXPECT_NE(Detail(r, "truncated"), nullptr);
}

}  // namespace
}  // namespace portal_check
