// Hostile and broken evidence: every case gets a clear error or a notice, never a crash or hang.
#include <gtest/gtest.h>

#include <string>

#include "evidence/har_reader.h"
#include "evidence/limits.h"
#include "test_support.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

std::string Entry(const std::string& headers_json, const std::string& body_json_string,
                  const std::string& url = "https://portal.example.gov.vn/") {
  return R"({"request":{"method":"GET","url":")" + url + R"("},"response":{"status":200,"headers":[)" + headers_json +
         R"(],"content":{"mimeType":"text/html","text":)" + body_json_string + "}}}";
}

std::string Har(const std::string& entries) { return R"({"log":{"version":"1.2","entries":[)" + entries + "]}}"; }

json::Value Report(const std::string& har) { return testing::AuditHarReport(har); }

bool HasNotice(const json::Value& report, const std::string& code) {
  const json::Array* notices = json::FindArray(report, "notices");
  if (!notices) return false;
  for (const auto& n : *notices)
    if (const std::string* c = json::FindString(n, "code"); c && *c == code) return true;
  return false;
}

TEST(BadInput, NotJson) {
  auto r = testing::AuditHarText("this is not JSON <html>");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("not a HAR"), std::string::npos);
}

TEST(BadInput, EmptyInput) {
  auto r = testing::AuditHarText("");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("empty"), std::string::npos);
}

TEST(BadInput, TruncatedJsonAtEveryCutPoint) {
  const std::string full = Har(Entry(R"({"name":"Server","value":"nginx"})", "\"<p>xin chào</p>\""));
  for (std::size_t cut = 0; cut < full.size(); ++cut) {
    auto r = testing::AuditHarText(full.substr(0, cut));
    EXPECT_FALSE(r.ok()) << "cut at " << cut;
    if (!r.ok()) {
      EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << "cut at " << cut;
    }
  }
  EXPECT_TRUE(testing::AuditHarText(full).ok());
}

TEST(BadInput, MissingRequiredFieldsAreNamed) {
  struct Case { std::string entry, field; };
  const Case cases[] = {
      {R"({"response":{"status":200}})", "request"},
      {R"({"request":{"method":"GET","url":"https://a.vn/"}})", "response"},
      {R"({"request":{"url":"https://a.vn/"},"response":{"status":200}})", "request.method"},
      {R"({"request":{"method":"GET"},"response":{"status":200}})", "request.url"},
      {R"({"request":{"method":"GET","url":"https://a.vn/"},"response":{"status":"200"}})", "response.status"},
      {R"("not an object")", "not a JSON object"},
  };
  for (const Case& c : cases) {
    auto r = testing::AuditHarText(Har(c.entry));
    ASSERT_FALSE(r.ok()) << c.field;
    EXPECT_NE(r.status().message().find(c.field), std::string::npos) << r.status().message();
    EXPECT_NE(r.status().message().find("entry 0"), std::string::npos) << r.status().message();
  }
  EXPECT_FALSE(testing::AuditHarText(R"({"log":{}})").ok());
  EXPECT_FALSE(testing::AuditHarText(R"({"log":{"entries":{}}})").ok());
  EXPECT_FALSE(testing::AuditHarText(R"({"nolog":1})").ok());
}

TEST(BadInput, DeepNestingIsRejectedWithoutRecursion) {
  // Outside the entries (here log.pages) nesting past the limit rejects the document.
  const std::string deep(100000, '[');
  auto r = testing::AuditHarText(R"({"log":{"pages":)" + deep);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kResourceExhausted);
  EXPECT_NE(r.status().message().find("kMaxJsonDepth"), std::string::npos);
  // Inside an entry (nesting in an unknown member) the entry is skipped without recursion, with a
  // notice, and the audit goes on.
  const std::string nested = std::string(100000, '[') + "1" + std::string(100000, ']');
  auto r2 = testing::AuditHarText(Har(R"({"x":)" + nested + R"(,"request":{"method":"GET","url":"https://a.vn/"},"response":{"status":200}})"));
  ASSERT_TRUE(r2.ok()) << r2.status().ToString();
  EXPECT_NE(r2.value().find("kMaxJsonDepth"), std::string::npos);
  // Unbalanced inside the skipped part: the document never ends, so it is truncated input.
  EXPECT_FALSE(testing::AuditHarText(Har(R"({"x":)" + std::string(100000, '[') + "1}")).ok());
}

TEST(BadInput, DepthLimitIsExactlyAtTheConstant) {
  auto nested = [](std::size_t depth) { return std::string(depth, '[') + std::string(depth, ']'); };
  json::Value v;
  EXPECT_TRUE(json::ParseBounded(nested(limits::kMaxJsonDepth), limits::kMaxJsonDepth, v).ok());
  EXPECT_EQ(json::ParseBounded(nested(limits::kMaxJsonDepth + 1), limits::kMaxJsonDepth, v).code(),
            StatusCode::kResourceExhausted);
}

TEST(BadInput, HundredMegabyteBodyIsCutWithANotice) {
  std::string body = "\"<html><body>" + std::string(100u * 1024 * 1024, 'a') + "</body></html>\"";
  json::Value report = Report(Har(Entry(R"({"name":"Content-Type","value":"text/html"})", body)));
  EXPECT_TRUE(HasNotice(report, "kMaxBodyBytes"));
  EXPECT_GE(json::FindArray(report, "checks")->size(), 1u);
}

TEST(BadInput, BodyAtTheLimitHasNoNotice) {
  std::string body = "\"" + std::string(limits::kMaxBodyBytes, 'a') + "\"";
  json::Value report = Report(Har(Entry("", body)));
  EXPECT_FALSE(HasNotice(report, "kMaxBodyBytes"));
}

TEST(BadInput, TenThousandHeadersAreCappedWithANotice) {
  std::string headers;
  for (int i = 0; i < 10000; ++i) headers += (i ? "," : "") + std::string(R"({"name":"X-H)") + std::to_string(i) + R"(","value":"v"})";
  json::Value report = Report(Har(Entry(headers, "\"<p>x</p>\"")));
  EXPECT_TRUE(HasNotice(report, "kMaxHeadersPerMessage"));
}

TEST(BadInput, HeadersAtTheLimitHaveNoNotice) {
  std::string headers;
  for (std::size_t i = 0; i < limits::kMaxHeadersPerMessage; ++i)
    headers += (i ? "," : "") + std::string(R"({"name":"X-H)") + std::to_string(i) + R"(","value":"v"})";
  EXPECT_FALSE(HasNotice(Report(Har(Entry(headers, "\"<p>x</p>\""))), "kMaxHeadersPerMessage"));
}

TEST(BadInput, MegabyteHeaderValueIsCutWithANotice) {
  const std::string value(1024 * 1024, 'a');
  json::Value report = Report(Har(Entry(R"({"name":"Content-Security-Policy","value":"default-src )" + value + R"("})", "\"<p>x</p>\"")));
  EXPECT_TRUE(HasNotice(report, "kMaxHeaderValueBytes"));
  const std::string at_limit(limits::kMaxHeaderValueBytes, 'a');
  EXPECT_FALSE(HasNotice(Report(Har(Entry(R"({"name":"X-Long","value":")" + at_limit + R"("})", "\"<p>x</p>\""))),
                         "kMaxHeaderValueBytes"));
}

TEST(BadInput, InvalidUtf8AndNulBytesGiveValidUtf8Reports) {
  // Raw invalid UTF-8 bytes inside JSON strings (picojson passes them through) and escaped NULs.
  std::string headers = "{\"name\":\"Server\",\"value\":\"Apache/2.4.1 \xC3\x28\xFF\"}";
  std::string body = "\"<html><head><title>\\u0000\xE0\x80\x80</title></head><body>\\u0000ch\xC3\xA0o</body></html>\"";
  auto text = testing::AuditHarText(Har(Entry(headers, body, "https://portal.example.gov.vn/\xFF\\u0000")));
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  // The report must be valid UTF-8 throughout.
  const std::string& s = text.value();
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    ASSERT_NE(len, 0u) << "invalid lead byte at " << i;
    for (std::size_t k = 1; k < len; ++k) ASSERT_EQ(static_cast<unsigned char>(s[i + k]) >> 6, 2u) << "at " << i;
    i += len;
  }
  EXPECT_EQ(s.find('\0'), std::string::npos);
}

TEST(BadInput, Base64BodiesDecodeAndBadBase64GivesANotice) {
  const std::string good = R"({"request":{"method":"GET","url":"https://a.vn/"},"response":{"status":200,"headers":[],"content":{"mimeType":"text/html","encoding":"base64","text":"PGh0bWw+PC9odG1sPg=="}}})";
  json::Value r1 = Report(Har(good));
  EXPECT_FALSE(HasNotice(r1, "invalid-base64"));
  std::string bad = good;
  bad.replace(bad.find("PGh0"), 4, "!!!!");
  EXPECT_TRUE(HasNotice(Report(Har(bad)), "invalid-base64"));
}

// Fuzzer finding (tests/fuzz-regressions/har_reader/): a certificate validity far outside the
// int64 range was cast from double (undefined behaviour under UBSan). It now counts as absent.
TEST(BadInput, CertificateTimesOutOfRangeAreIgnored) {
  for (const char* value : {"1e80", "-1e80", "9.3e18", "1e308"}) {
    const std::string entry = std::string(R"({"request":{"method":"GET","url":"https://a.vn/"},"response":{"status":200,)") +
                              R"("headers":[],"_securityDetails":{"protocol":"TLS 1.3","validFrom":0,"validTo":)" + value +
                              R"(},"content":{"mimeType":"text/html","text":"<p>x</p>"}}})";
    Notices notices;
    auto ex = ReadHarEntry(entry, 0, notices);
    ASSERT_TRUE(ex.ok()) << value;
    ASSERT_TRUE(ex.value().tls.has_value());
    EXPECT_FALSE(ex.value().tls->valid_to.has_value()) << value;
    EXPECT_EQ(ex.value().tls->valid_from, 0);
  }
  const std::string regression = testing::ReadFileOrEmpty(
      testing::SourceDir() + "/tests/fuzz-regressions/har_reader/minimized-validTo-1e80.json");
  ASSERT_FALSE(regression.empty());
  (void)testing::AuditHarText(Har(regression.substr(1)));  // the first byte is the fuzzer's chunk selector
}

// A number outside double's range is valid JSON that picojson cannot hold (it throws): a clear
// input error naming it, never an exception out of the core (found by the har_reader fuzzer).
TEST(BadInput, NumberOutOfDoubleRangeIsAClearError) {
  auto r = testing::AuditHarText(Har(R"({"request":{"method":"GET","url":"https://a.gov.vn/"},)"
                                     R"("response":{"status":200,"_securityDetails":{"validTo":1e400}}})"));
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find("out of range"), std::string::npos) << r.status().ToString();
  json::Value v;
  EXPECT_FALSE(json::ParseBounded("[1e400]", 8, v).ok());
  EXPECT_FALSE(json::ParseBounded("-1e99999", 8, v).ok());
  EXPECT_TRUE(json::ParseBounded("1e300", 8, v).ok());
}

TEST(BadInput, ExtraDataAfterTheHarIsAnError) {
  EXPECT_FALSE(testing::AuditHarText(Har("") + " {}").ok());
}

TEST(BadInput, ByteOrderMarkIsAccepted) { EXPECT_TRUE(testing::AuditHarText("\xEF\xBB\xBF" + Har("")).ok()); }

TEST(IsoDateTime, ParsesRfc3339Forms) {
  EXPECT_EQ(ParseIsoDateTime("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(ParseIsoDateTime("2026-11-29T07:00:00+07:00"), ParseIsoDateTime("2026-11-29T00:00:00Z"));
  EXPECT_EQ(ParseIsoDateTime("2026-11-29T00:00:00.123Z"), ParseIsoDateTime("2026-11-29T00:00:00Z"));
  EXPECT_FALSE(ParseIsoDateTime("2026-13-01T00:00:00Z"));
  EXPECT_FALSE(ParseIsoDateTime("yesterday"));
  EXPECT_FALSE(ParseIsoDateTime("2026-11-29T00:00:00Zjunk"));
}

}  // namespace
}  // namespace portal_check
