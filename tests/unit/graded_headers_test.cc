// Auditor::GradedHeadersJson: the graded page's response headers in order, secrets as markers,
// "[]" when no page was graded; never part of the report.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "portal_check/auditor.h"
#include "report/secret_redaction.h"
#include "util/json.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

std::unique_ptr<Auditor> Audited(const std::string& har) {
  auto a = Auditor::Create({});
  EXPECT_TRUE(a.ok());
  EXPECT_TRUE(a.value()->Feed(har).ok());
  EXPECT_TRUE(a.value()->Finish().ok());
  return std::move(a.value());
}

constexpr char kHtmlPage[] = R"({"log":{"version":"1.2","entries":[
  {"request":{"method":"GET","url":"https://portal.gov.vn/","headers":[]},
   "response":{"status":200,"headers":[
     {"name":"Content-Type","value":"text/html; charset=utf-8"},
     {"name":"Set-Cookie","value":"sid=SEEDGRADEDCOOKIE01; Path=/; HttpOnly"},
     {"name":"X-Frame-Options","value":"DENY"},
     {"name":"X-Bad","value":"\u00e9t\u00e9"}],
    "content":{"mimeType":"text/html","text":"<!doctype html><title>x</title>"}}},
  {"request":{"method":"GET","url":"https://portal.gov.vn/b","headers":[]},
   "response":{"status":200,"headers":[{"name":"Content-Type","value":"text/html"},{"name":"X-Second","value":"1"}],
    "content":{"mimeType":"text/html","text":"<p>b</p>"}}}]}})";

TEST(GradedHeaders, TheGradedPagesHeadersInOrderWithSecretsAsMarkers) {
  const auto a = Audited(kHtmlPage);
  const std::string headers = a->GradedHeadersJson();
  json::Value v;
  ASSERT_TRUE(json::ParseBounded(headers, 8, v).ok()) << headers;
  const json::Array& list = v.get<json::Array>();
  ASSERT_EQ(list.size(), 4u) << headers;  // the first page's, not the second's
  EXPECT_EQ(list[0].get<json::Array>()[0].get<std::string>(), "Content-Type");
  EXPECT_EQ(list[1].get<json::Array>()[0].get<std::string>(), "Set-Cookie");
  EXPECT_EQ(list[1].get<json::Array>()[1].get<std::string>(),
            "sid=" + RedactionMarker("SEEDGRADEDCOOKIE01") + "; Path=/; HttpOnly");
  EXPECT_EQ(list[3].get<json::Array>()[1].get<std::string>(), "\xc3\xa9t\xc3\xa9");
  EXPECT_EQ(headers.find("SEEDGRADEDCOOKIE01"), std::string::npos);
  EXPECT_EQ(a->ReportJson().find("X-Bad"), std::string::npos) << "not part of the report";
}

// The text is written piece by piece; it must be json::Serialize's compact form of its value,
// whatever bytes the headers hold (quotes, backslashes, slashes, control bytes, UTF-8).
TEST(GradedHeaders, TextIsTheCompactSerializationOfItsValue) {
  const auto a = Audited(R"({"log":{"version":"1.2","entries":[
    {"request":{"method":"GET","url":"https://portal.gov.vn/","headers":[]},
     "response":{"status":200,"headers":[
       {"name":"Content-Type","value":"text/html"},
       {"name":"X-Q\"uote","value":"a\"b\\c/d\u0001e\u007f"},
       {"name":"Link","value":"</x>; rel=preload, <https://cdn.example/a?b=1>"},
       {"name":"X-Vi","value":"C\u1ed5ng th\u00f4ng tin"}],
      "content":{"mimeType":"text/html","text":"<p>x</p>"}}}]}})");
  const std::string headers = a->GradedHeadersJson();
  json::Value v;
  ASSERT_TRUE(json::ParseBounded(headers, 8, v).ok()) << headers;
  ASSERT_EQ(v.get<json::Array>().size(), 4u) << headers;
  EXPECT_EQ(json::Serialize(v), headers);
}

TEST(GradedHeaders, EmptyWhenNoPageWasGraded) {
  const auto a = Audited(R"({"log":{"version":"1.2","entries":[
    {"request":{"method":"GET","url":"https://portal.gov.vn/app.js","headers":[]},
     "response":{"status":200,"headers":[{"name":"Content-Type","value":"text/javascript"}],
      "content":{"mimeType":"text/javascript","text":"1"}}}]}})");
  EXPECT_EQ(a->GradedHeadersJson(), "[]");
}

TEST(GradedHeaders, EmptyTextBeforeFinish) {
  auto a = Auditor::Create({});
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a.value()->GradedHeadersJson(), "");
}

}  // namespace
}  // namespace portal_check
