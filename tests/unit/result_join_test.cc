// Joining an emitted result with its rule (scoring/result_join.h): what the audit keeps of each
// result until the report is written — rule fields, and details as safe compact JSON text.
#include "scoring/result_join.h"

#include <gtest/gtest.h>

#include <string>

#include "util/json_scan.h"

namespace portal_check {
namespace {

const Ruleset& Rules() { return *Ruleset::Embedded(); }

CheckResult Referrer(const std::string& outcome) {
  CheckResult r;
  r.id = "header.referrer-policy";
  r.outcome = outcome;
  r.page = "https://portal.example.gov.vn/";
  r.details.Str("policy", "no-referrer");
  r.details.Set("values", json::Value(json::Array{json::Str("a"), json::Str("b")}));
  return r;
}

TEST(ResultJoin, KeepsRuleFieldsAndCompactDetails) {
  const ReportedResult rr = JoinResult(Referrer("unsafe"), Rules());
  EXPECT_EQ(rr.result.id, "header.referrer-policy");
  EXPECT_EQ(rr.result.outcome, "unsafe");
  EXPECT_EQ(rr.result.page, std::optional<std::string>("https://portal.example.gov.vn/"));
  EXPECT_FALSE(rr.pass);
  EXPECT_EQ(rr.severity, "low");
  ASSERT_TRUE(rr.observatory);
  EXPECT_EQ(rr.observatory->test, "referrer-policy");
  EXPECT_EQ(rr.observatory->result, "referrer-policy-unsafe");
  EXPECT_EQ(rr.observatory->modifier, -5);
  EXPECT_EQ(rr.result.details.str(), R"({"policy":"no-referrer","values":["a","b"]})");
}

TEST(ResultJoin, ObservatoryResultOfTheCheckWinsOverTheRules) {
  CheckResult r = Referrer("private");
  r.observatory_result = "referrer-policy-unsafe";
  const ReportedResult rr = JoinResult(std::move(r), Rules());
  EXPECT_TRUE(rr.pass);
  ASSERT_TRUE(rr.observatory);
  EXPECT_EQ(rr.observatory->result, "referrer-policy-unsafe");
  EXPECT_EQ(rr.observatory->modifier, -5);
}

TEST(ResultJoin, OutcomeWithoutARowBecomesErrorWithAMessage) {
  const ReportedResult rr = JoinResult(Referrer("no-such-outcome"), Rules());
  EXPECT_EQ(rr.result.outcome, "error");
  EXPECT_FALSE(rr.pass);
  json::Value details;
  ASSERT_TRUE(json::ParseBounded(rr.result.details.str(), 8, details).ok()) << rr.result.details.str();
  ASSERT_NE(json::FindString(details, "message"), nullptr);
  EXPECT_EQ(*json::FindString(details, "message"), "the ruleset has no row for outcome 'no-such-outcome'");
  EXPECT_EQ(*json::FindString(details, "policy"), "no-referrer");
}

TEST(ResultJoin, DetailsStringsAreMadeValidUtf8) {
  CheckResult r = Referrer("unsafe");
  r.details.Str("policy", std::string("bad \xff\xfe byte"));
  r.details.Set("nested", json::Value(json::Array{json::Value(json::Object{{"k", json::Str(std::string("\xc3"))}})}));
  const ReportedResult rr = JoinResult(std::move(r), Rules());
  json::Value details;
  ASSERT_TRUE(json::ParseBounded(rr.result.details.str(), 8, details).ok()) << rr.result.details.str();
  EXPECT_EQ(rr.result.details.str().find('\xff'), std::string::npos);
  EXPECT_EQ(rr.result.details.str().find('\xc3'), std::string::npos);
}

TEST(ResultJoin, DefaultDetailsAreAnEmptyObject) { EXPECT_EQ(ReportedResult{}.result.details.str(), "{}"); }

}  // namespace
}  // namespace portal_check
