// header.clickjacking and header.csp driven directly: an Exchange, a PageModel, an AuditContext
// and a collecting sink; one header changed at a time on an otherwise clean page.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "check_harness.h"
#include "checks/registry.h"
#include "util/json.h"

namespace portal_check {
namespace {

using testing::FactoryOf;

const char kUrl[] = "https://cong.example.gov.vn/";

// Short bypass host lists, one host each.
const json::Value& BypassData() {
  static const json::Value kData = [] {
    json::Object bypass;
    bypass["jsonp"] = json::Value(json::Array{json::Str("ajax.googleapis.com")});
    bypass["angular"] = json::Value(json::Array{json::Str("cdnjs.cloudflare.com")});
    json::Object data;
    data["csp-bypass-hosts"] = json::Value(bypass);
    return json::Value(data);
  }();
  return kData;
}

// The single result of the check on one page with `headers` and `head` inside its <head>.
CheckResult RunCheck(testing::CheckFactory make, const std::vector<std::pair<std::string, std::string>>& headers,
                     const std::string& head = "") {
  Exchange ex = testing::MakeHtmlPage(kUrl, "<!DOCTYPE html><html lang=\"vi\"><head>" + head +
                                                "<title>Cổng thông tin</title></head><body>x</body></html>");
  testing::AddResponseHeaders(ex, headers);
  testing::RunOptions options;
  options.data = &BypassData();
  return testing::RunOne(make, {ex}, options);
}

std::string Obs(const CheckResult& r) { return r.observatory_result.value_or(""); }

TEST(HeaderClickjacking, Missing) {
  CheckResult r = RunCheck(FactoryOf("header.clickjacking"), {});
  EXPECT_EQ(r.id, "header.clickjacking");
  EXPECT_EQ(r.outcome, "missing");
  EXPECT_FALSE(r.observatory_result.has_value());
}

TEST(HeaderClickjacking, XfoValues) {
  EXPECT_EQ(RunCheck(FactoryOf("header.clickjacking"), {{"X-Frame-Options", "DENY"}}).outcome, "xfo-deny-or-sameorigin");
  EXPECT_EQ(RunCheck(FactoryOf("header.clickjacking"), {{"X-Frame-Options", " sameorigin "}}).outcome, "xfo-deny-or-sameorigin");
  EXPECT_EQ(RunCheck(FactoryOf("header.clickjacking"), {{"X-Frame-Options", "ALLOW-FROM https://a.gov.vn"}}).outcome, "xfo-allow-from");
  EXPECT_EQ(RunCheck(FactoryOf("header.clickjacking"), {{"X-Frame-Options", "ALLOWALL"}}).outcome, "invalid");
}

TEST(HeaderClickjacking, RepeatedXfoDivergesFromObservatory) {
  CheckResult r = RunCheck(FactoryOf("header.clickjacking"), {{"X-Frame-Options", "SAMEORIGIN"}, {"X-Frame-Options", "SAMEORIGIN"}});
  EXPECT_EQ(r.outcome, "xfo-deny-or-sameorigin");
  EXPECT_EQ(Obs(r), "x-frame-options-header-invalid");
  EXPECT_TRUE(r.details.Has("observatory_divergence"));
}

TEST(HeaderClickjacking, FrameAncestors) {
  CheckResult r = RunCheck(FactoryOf("header.clickjacking"), {{"Content-Security-Policy", "frame-ancestors 'self'"}});
  EXPECT_EQ(r.outcome, "frame-ancestors");
  EXPECT_FALSE(r.observatory_result.has_value());
  CheckResult p = RunCheck(FactoryOf("header.clickjacking"),
                           {{"X-Frame-Options", "DENY"}, {"Content-Security-Policy", "frame-ancestors *"}});
  EXPECT_EQ(p.outcome, "frame-ancestors-permissive");
  EXPECT_EQ(Obs(p), "x-frame-options-implemented-via-csp");
}

TEST(HeaderClickjacking, MetaFrameAncestorsIgnored) {
  CheckResult r = RunCheck(FactoryOf("header.clickjacking"), {},
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; frame-ancestors 'none'\">");
  EXPECT_EQ(r.outcome, "missing");
  EXPECT_EQ(Obs(r), "x-frame-options-implemented-via-csp");
}

TEST(HeaderCsp, DetailsCarryPoliciesAndFindings) {
  CheckResult r = RunCheck(FactoryOf("header.csp"),
                           {{"Content-Security-Policy", "default-src 'self'; script-src 'self' ajax.googleapis.com; object-src 'none'"}});
  EXPECT_EQ(r.outcome, "no-unsafe");
  const json::Value details = r.details.ToValue();
  ASSERT_NE(json::FindArray(details, "findings"), nullptr);
  bool jsonp = false;
  for (const json::Value& f : *json::FindArray(details, "findings")) {
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
  ASSERT_NE(json::FindArray(details, "policies"), nullptr);
  EXPECT_EQ(json::FindArray(details, "policies")->size(), 1u);
}

TEST(HeaderCsp, MetaPolicyAndHostileBytes) {
  CheckResult r = RunCheck(FactoryOf("header.csp"), {{"Content-Security-Policy-Report-Only", std::string("default-src 'self'; \xff\xfe-src x")}});
  EXPECT_EQ(r.outcome, "report-only") << r.details.Text();
  std::string serialized = r.details.Text();
  EXPECT_EQ(serialized.find('\xff'), std::string::npos);
  CheckResult m = RunCheck(FactoryOf("header.csp"), {},
                           "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'\">");
  EXPECT_EQ(m.outcome, "default-none");
}

TEST(HeaderCsp, NonPagesGiveNothing) {
  const Exchange script = testing::MakeGet(kUrl, 200, "application/javascript");
  EXPECT_TRUE(testing::RunCheck(FactoryOf("header.csp"), {script}).empty());
  EXPECT_TRUE(testing::RunCheck(FactoryOf("header.clickjacking"), {script}).empty());
}

}  // namespace
}  // namespace portal_check
