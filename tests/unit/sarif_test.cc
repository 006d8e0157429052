// SARIF 2.1.0 output: the shape code-scanning tools read, failing results only, site strings only
// as plain text (no `markdown` anywhere), stable fingerprints.
#include <gtest/gtest.h>

#include <string>

#include "portal_check/auditor.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

std::string Sarif(const std::string& har) {
  auto a = Auditor::Create({});
  EXPECT_TRUE(a.ok());
  EXPECT_TRUE(a.value()->Feed(har).ok());
  EXPECT_TRUE(a.value()->Finish().ok());
  return a.value()->Sarif();
}

bool HasKeyAnywhere(const json::Value& v, const std::string& key) {
  if (v.is<json::Object>()) {
    for (const auto& [k, m] : v.get<json::Object>())
      if (k == key || HasKeyAnywhere(m, key)) return true;
  } else if (v.is<json::Array>()) {
    for (const auto& m : v.get<json::Array>())
      if (HasKeyAnywhere(m, key)) return true;
  }
  return false;
}

const char kHostileHar[] = R"({"log":{"version":"1.2","entries":[{"request":{"method":"GET","url":"http://portal.example.gov.vn/<script>alert(1)</script>"},
 "response":{"status":200,"headers":[{"name":"Server","value":"Apache/2.4.1 <img src=x onerror=alert(2)>"},{"name":"Content-Type","value":"text/html"}],
 "content":{"mimeType":"text/html","text":"<html><body>[click](javascript:alert(3))</body></html>"}}}]}})";

TEST(Sarif, ShapeAndOnlyFailingResults) {
  json::Value v;
  ASSERT_TRUE(json::ParseBounded(Sarif(kHostileHar), 64, v).ok());
  EXPECT_EQ(*json::FindString(v, "version"), "2.1.0");
  const json::Array& runs = *json::FindArray(v, "runs");
  ASSERT_EQ(runs.size(), 1u);
  const json::Value& driver = *json::Find(*json::Find(runs[0], "tool"), "driver");
  EXPECT_EQ(*json::FindString(driver, "name"), "portal-check");
  const json::Array& rules = *json::FindArray(driver, "rules");
  const json::Array& results = *json::FindArray(runs[0], "results");
  ASSERT_FALSE(results.empty());
  for (const json::Value& r : results) {
    const std::string level = *json::FindString(r, "level");
    EXPECT_TRUE(level == "error" || level == "warning" || level == "note");
    const std::int64_t index = json::GetInt(r, "ruleIndex", -1);
    ASSERT_GE(index, 0);
    ASSERT_LT(static_cast<std::size_t>(index), rules.size());
    EXPECT_EQ(*json::FindString(rules[index], "id"), *json::FindString(r, "ruleId"));
    EXPECT_TRUE(json::FindString(*json::Find(r, "message"), "text"));
    EXPECT_TRUE(json::FindObject(r, "partialFingerprints"));
  }
}

TEST(Sarif, SiteStringsAreNeverMarkdown) {
  json::Value v;
  ASSERT_TRUE(json::ParseBounded(Sarif(kHostileHar), 64, v).ok());
  EXPECT_FALSE(HasKeyAnywhere(v, "markdown"));
}

TEST(Sarif, DeterministicBytes) { EXPECT_EQ(Sarif(kHostileHar), Sarif(kHostileHar)); }

// The engine's notices (here: a body that is not valid base64) become tool execution
// notifications naming the notice code and the entry; with no notice there is no "invocations".
TEST(Sarif, NoticesAreToolExecutionNotifications) {
  json::Value clean;
  ASSERT_TRUE(json::ParseBounded(Sarif(kHostileHar), 64, clean).ok());
  EXPECT_FALSE(HasKeyAnywhere(clean, "invocations"));
  const std::string har = R"({"log":{"version":"1.2","entries":[{"request":{"method":"GET","url":"https://portal.example.gov.vn/a"},
   "response":{"status":200,"headers":[],"content":{"mimeType":"text/plain","encoding":"base64","text":"@@@"}}}]}})";
  json::Value v;
  ASSERT_TRUE(json::ParseBounded(Sarif(har), 64, v).ok());
  const json::Value& run = json::FindArray(v, "runs")->at(0);
  const json::Array* invocations = json::FindArray(run, "invocations");
  ASSERT_NE(invocations, nullptr);
  ASSERT_EQ(invocations->size(), 1u);
  const json::Array* notes = json::FindArray(invocations->at(0), "toolExecutionNotifications");
  ASSERT_NE(notes, nullptr);
  // No HTML document: first the notice that there is no grade, then the one about the body.
  ASSERT_EQ(notes->size(), 2u);
  EXPECT_EQ(notes->at(0).get("descriptor").get("id").to_str(), "no-grade");
  EXPECT_EQ(notes->at(1).get("descriptor").get("id").to_str(), "invalid-base64");
  EXPECT_EQ(notes->at(1).get("level").to_str(), "warning");
  EXPECT_EQ(notes->at(1).get("properties").get("entry").to_str(), "0");
}

TEST(Sarif, VulnerableLibraryMessageNamesVersionDetectionAdvisoriesAndDataDate) {
  const std::string har = R"({"log":{"version":"1.2","entries":[{"request":{"method":"GET","url":"https://portal.example.gov.vn/"},
 "response":{"status":200,"headers":[{"name":"Content-Type","value":"text/html"}],
 "content":{"mimeType":"text/html","text":"<html><head><script src=\"https://code.jquery.com/jquery-3.4.1.min.js\"></script></head><body></body></html>"}}}]}})";
  json::Value v;
  ASSERT_TRUE(json::ParseBounded(Sarif(har), 64, v).ok());
  std::string text;
  for (const json::Value& run : *json::FindArray(v, "runs"))
    for (const json::Value& r : *json::FindArray(run, "results"))
      if (*json::FindString(r, "ruleId") == "page.vulnerable-library") text = *json::FindString(*json::Find(r, "message"), "text");
  EXPECT_NE(text.find("jQuery 3.4.1 (URL, https://code.jquery.com/jquery-3.4.1.min.js): "), std::string::npos) << text;
  EXPECT_NE(text.find("CVE-2020-11022 fixed in 3.5.0"), std::string::npos) << text;
  EXPECT_NE(text.find("Advisory data of "), std::string::npos) << text;
}

// WriteOutput: the same bytes as Sarif() / ReportJson(), whether or not they were rendered
// before, and any number of times; before Finish, a precondition error.
TEST(Sarif, WriteOutputGivesTheOutputsBytes) {
  auto a = Auditor::Create({});
  ASSERT_TRUE(a.ok());
  Auditor& auditor = *a.value();
  ASSERT_TRUE(auditor.Feed(kHostileHar).ok());
  const auto written = [&](OutputFormat format) {
    std::string out;
    EXPECT_TRUE(auditor.WriteOutput(format, [&](std::string_view piece) { out.append(piece); }).ok());
    return out;
  };
  std::string ignored;
  EXPECT_EQ(auditor.WriteOutput(OutputFormat::kSarif, [&](std::string_view piece) { ignored.append(piece); }).code(),
            StatusCode::kFailedPrecondition);
  EXPECT_EQ(ignored, "");
  ASSERT_TRUE(auditor.Finish().ok());
  const std::string sarif_first = written(OutputFormat::kSarif);
  const std::string report_first = written(OutputFormat::kReportJson);
  EXPECT_EQ(sarif_first, auditor.Sarif());
  EXPECT_EQ(report_first, auditor.ReportJson());
  EXPECT_EQ(written(OutputFormat::kSarif), sarif_first);
  EXPECT_EQ(written(OutputFormat::kReportJson), report_first);
  EXPECT_EQ(sarif_first.substr(0, 1), "{");
}

}  // namespace
}  // namespace portal_check
