// header.clickjacking and header.csp driven directly: an Exchange, a PageModel, an AuditContext
// and a collecting sink; one header changed at a time on an otherwise clean page.
#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "checks/check.h"
#include "engine/audit_context.h"
#include "normalize/page_model.h"
#include "normalize/url.h"
#include "util/json.h"

namespace portal_check {

std::unique_ptr<Check> MakeHeaderCspCheck();
std::unique_ptr<Check> MakeHeaderClickjackingCheck();

namespace {

class Collect : public ResultSink {
 public:
  void Emit(CheckResult r) override { results.push_back(std::move(r)); }
  std::vector<CheckResult> results;
};

const char kUrl[] = "https://cong.example.gov.vn/";

CheckResult RunCheck(std::unique_ptr<Check> (*make)(), std::vector<std::pair<std::string, std::string>> headers,
                     const std::string& head = "") {
  Exchange ex;
  ex.method = "GET";
  ex.url = kUrl;
  ex.status = 200;
  ex.mime_type = "text/html";
  ex.body = "<!DOCTYPE html><html lang=\"vi\"><head>" + head + "<title>Cổng thông tin</title></head><body>x</body></html>";
  for (auto& [n, v] : headers) ex.response_headers.Add(n, v);
  std::optional<Url> url = Url::Parse(kUrl);
  PageModel page = PageModel::Build(ex.body, "utf-8", true);
  json::Object data;
  json::Object bypass;
  bypass["jsonp"] = json::Value(json::Array{json::Str("ajax.googleapis.com")});
  bypass["angular"] = json::Value(json::Array{json::Str("cdnjs.cloudflare.com")});
  data["csp-bypass-hosts"] = json::Value(bypass);
  json::Value data_value(data);
  AuditContext ctx(url, &data_value);
  ExchangeView view{ex, url, &page, true};
  Collect sink;
  std::unique_ptr<Check> check = make();
  check->OnExchange(view, ctx, sink);
  check->OnFinish(ctx, sink);
  EXPECT_EQ(sink.results.size(), 1u);
  return sink.results.empty() ? CheckResult{} : sink.results[0];
}

std::string Obs(const CheckResult& r) { return r.observatory_result.value_or(""); }

TEST(HeaderClickjacking, Missing) {
  CheckResult r = RunCheck(MakeHeaderClickjackingCheck, {});
  EXPECT_EQ(r.id, "header.clickjacking");
  EXPECT_EQ(r.outcome, "missing");
  EXPECT_FALSE(r.observatory_result.has_value());
}

TEST(HeaderClickjacking, XfoValues) {
  EXPECT_EQ(RunCheck(MakeHeaderClickjackingCheck, {{"X-Frame-Options", "DENY"}}).outcome, "xfo-deny-or-sameorigin");
  EXPECT_EQ(RunCheck(MakeHeaderClickjackingCheck, {{"X-Frame-Options", " sameorigin "}}).outcome, "xfo-deny-or-sameorigin");
  EXPECT_EQ(RunCheck(MakeHeaderClickjackingCheck, {{"X-Frame-Options", "ALLOW-FROM https://a.gov.vn"}}).outcome, "xfo-allow-from");
  EXPECT_EQ(RunCheck(MakeHeaderClickjackingCheck, {{"X-Frame-Options", "ALLOWALL"}}).outcome, "invalid");
}

TEST(HeaderClickjacking, RepeatedXfoDivergesFromObservatory) {
  CheckResult r = RunCheck(MakeHeaderClickjackingCheck, {{"X-Frame-Options", "SAMEORIGIN"}, {"X-Frame-Options", "SAMEORIGIN"}});
  EXPECT_EQ(r.outcome, "xfo-deny-or-sameorigin");
  EXPECT_EQ(Obs(r), "x-frame-options-header-invalid");
  EXPECT_NE(r.details.find("observatory_divergence"), r.details.end());
}

TEST(HeaderClickjacking, FrameAncestors) {
  CheckResult r = RunCheck(MakeHeaderClickjackingCheck, {{"Content-Security-Policy", "frame-ancestors 'self'"}});
  EXPECT_EQ(r.outcome, "frame-ancestors");
  EXPECT_FALSE(r.observatory_result.has_value());
  CheckResult p = RunCheck(MakeHeaderClickjackingCheck,
                           {{"X-Frame-Options", "DENY"}, {"Content-Security-Policy", "frame-ancestors *"}});
  EXPECT_EQ(p.outcome, "frame-ancestors-permissive");
  EXPECT_EQ(Obs(p), "x-frame-options-implemented-via-csp");
}

TEST(HeaderClickjacking, MetaFrameAncestorsIgnored) {
  CheckResult r = RunCheck(MakeHeaderClickjackingCheck, {},
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; frame-ancestors 'none'\">");
  EXPECT_EQ(r.outcome, "missing");
  EXPECT_EQ(Obs(r), "x-frame-options-implemented-via-csp");
}

TEST(HeaderCsp, DetailsCarryPoliciesAndFindings) {
  CheckResult r = RunCheck(MakeHeaderCspCheck,
                           {{"Content-Security-Policy", "default-src 'self'; script-src 'self' ajax.googleapis.com; object-src 'none'"}});
  EXPECT_EQ(r.outcome, "no-unsafe");
  ASSERT_TRUE(r.details["findings"].is<json::Array>());
  bool jsonp = false;
  for (const json::Value& f : r.details["findings"].get<json::Array>()) {
    const std::string* issue = json::FindString(f, "issue");
    const std::string* policy = json::FindString(f, "policy");
    ASSERT_TRUE(issue && policy);
    if (*issue == "jsonp-bypass-host") {
      jsonp = true;
      EXPECT_EQ(*policy, "header#0");
      EXPECT_EQ(*json::FindString(f, "severity"), "high");
    }
  }
  EXPECT_TRUE(jsonp);
  ASSERT_TRUE(r.details["policies"].is<json::Array>());
  EXPECT_EQ(r.details["policies"].get<json::Array>().size(), 1u);
}

TEST(HeaderCsp, MetaPolicyAndHostileBytes) {
  CheckResult r = RunCheck(MakeHeaderCspCheck, {{"Content-Security-Policy-Report-Only", std::string("default-src 'self'; \xff\xfe-src x")}});
  EXPECT_EQ(r.outcome, "report-only") << json::Serialize(json::Value(r.details));
  std::string serialized = json::Serialize(json::Value(r.details));
  EXPECT_EQ(serialized.find('\xff'), std::string::npos);
  CheckResult m = RunCheck(MakeHeaderCspCheck, {},
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'\">");
  EXPECT_EQ(m.outcome, "default-none");
}

TEST(HeaderCsp, NonPagesGiveNothing) {
  Exchange ex;
  ex.method = "GET";
  ex.url = kUrl;
  ex.status = 200;
  ex.mime_type = "application/javascript";
  std::optional<Url> url = Url::Parse(kUrl);
  AuditContext ctx(url, nullptr);
  ExchangeView view{ex, url, nullptr, false};
  Collect sink;
  MakeHeaderCspCheck()->OnExchange(view, ctx, sink);
  MakeHeaderClickjackingCheck()->OnExchange(view, ctx, sink);
  EXPECT_TRUE(sink.results.empty());
}

}  // namespace
}  // namespace portal_check
