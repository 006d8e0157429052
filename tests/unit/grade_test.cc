// The Observatory-compatible grade: start at 100, penalties first, bonuses only at 90 or above,
// floor at 0, bands on the score rounded down to a multiple of 5.
#include <gtest/gtest.h>

#include "ruleset/ruleset.h"
#include "portal_check/auditor.h"
#include "scoring/grade.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

ReportedResult Graded(const std::string& id, const std::string& result, int modifier, std::optional<std::string> page) {
  ReportedResult r;
  r.result.id = id;
  r.result.outcome = result;
  r.result.page = std::move(page);
  r.observatory = ObservatoryPart{id, result, modifier};
  return r;
}

const Ruleset& Rules() { return *Ruleset::Embedded(); }

TEST(Grade, BonusesCountOnlyWhenPenalisedScoreIsAtLeastNinety) {
  const std::string page = "https://a.gov.vn/";
  std::vector<ReportedResult> rs = {Graded("header.csp", "csp-implemented-with-no-unsafe", 5, page),
                                    Graded("header.referrer-policy", "referrer-policy-private", 5, page),
                                    Graded("header.content-type-options", "x-content-type-options-not-implemented", -5, page)};
  Grade g = ComputeGrade(rs, page, Rules());
  EXPECT_EQ(g.score, 105);  // 100 - 5 = 95 >= 90, so +10
  EXPECT_EQ(g.letter, "A+");
  rs.push_back(Graded("transport.hsts", "hsts-not-implemented", -20, page));
  g = ComputeGrade(rs, page, Rules());
  EXPECT_EQ(g.score, 75);  // 100 - 25 = 75 < 90: no bonus
  EXPECT_EQ(g.letter, "B");
}

TEST(Grade, FloorsAtZeroAndBandsEveryBoundary) {
  const std::string page = "https://a.gov.vn/";
  std::vector<ReportedResult> rs = {Graded("header.csp", "csp-not-implemented", -25, page),
                                    Graded("cookie.flags", "cookies-session-without-secure-flag", -40, page),
                                    Graded("page.sri", "sri-not-implemented-and-external-scripts-not-loaded-securely", -50, page)};
  Grade g = ComputeGrade(rs, page, Rules());
  EXPECT_EQ(g.score, 0);
  EXPECT_EQ(g.letter, "F");
  const std::pair<int, const char*> bands[] = {{100, "A+"}, {99, "A"}, {90, "A"}, {89, "A-"}, {85, "A-"}, {84, "B+"},
                                                {80, "B+"}, {79, "B"}, {70, "B"}, {69, "B-"}, {65, "B-"}, {64, "C+"},
                                                {60, "C+"}, {59, "C"}, {50, "C"}, {49, "C-"}, {45, "C-"}, {44, "D+"},
                                                {40, "D+"}, {39, "D"}, {30, "D"}, {29, "D-"}, {25, "D-"}, {24, "F"}, {0, "F"}};
  for (const auto& [score, letter] : bands) EXPECT_EQ(GradeLetter(score, Rules()), letter) << score;
}

TEST(Grade, UsesTheGradedPageThenSiteResultsAndOneResultPerCheck) {
  const std::string page = "https://a.gov.vn/";
  std::vector<ReportedResult> rs = {
      Graded("header.csp", "csp-not-implemented", -25, std::string("https://a.gov.vn/other")),
      Graded("header.csp", "csp-implemented-with-no-unsafe", 5, page),
      Graded("transport.redirect", "redirection-missing", -20, std::nullopt),
  };
  Grade g = ComputeGrade(rs, page, Rules());
  EXPECT_EQ(g.score, 80);  // the graded page's CSP (+5, not counted below 90) and the site redirect (-20)
  ASSERT_EQ(g.counted.size(), 2u);
}

TEST(Grade, ResultsWithoutObservatoryPartDoNotCount) {
  ReportedResult r;
  r.result.id = "header.permissions-policy";
  r.result.outcome = "missing";
  Grade g = ComputeGrade({r}, "https://a.gov.vn/", Rules());
  EXPECT_TRUE(g.counted.empty());
  EXPECT_FALSE(g.graded());
  EXPECT_EQ(g.unavailable, "nothing-graded");
  EXPECT_EQ(g.letter, "");
}

TEST(Grade, EvidenceWithoutPagesHasNoGrade) {
  auto a = Auditor::Create({});
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(a.value()->Feed(R"({"log":{"version":"1.2","entries":[]}})").ok());
  ASSERT_TRUE(a.value()->Finish().ok());
  json::Value report;
  ASSERT_TRUE(json::ParseBounded(a.value()->ReportJson(), 64, report).ok());
  EXPECT_TRUE(json::Find(*json::Find(report, "grade"), "score")->is<picojson::null>());
  EXPECT_TRUE(json::Find(*json::Find(report, "grade"), "grade")->is<picojson::null>());
}

}  // namespace
}  // namespace portal_check
