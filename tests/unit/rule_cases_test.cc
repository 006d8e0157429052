// The generic rule-case runner: every case of every rules/<id>.cases.json file is audited by the
// real engine (HAR reader, page model, checks, embedded ruleset) and its expectation checked.
#include <gtest/gtest.h>

#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "ruleset/ruleset.h"
#include "test_support.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

struct RuleCase {
  std::string rule_id;
  std::string name;
  std::size_t index = 0;
  json::Value body;  // the case object
};

// How gtest prints a case (in test names and failures): its file and index, not its bytes.
void PrintTo(const RuleCase& c, std::ostream* os) { *os << "rules/" << c.rule_id << ".cases.json#" << c.index; }

std::vector<RuleCase> LoadAllCases() {
  std::vector<RuleCase> out;
  const std::string dir = testing::SourceDir() + "/rules";
  for (const std::string& file : testing::ListFiles(dir, ".cases.json")) {
    const std::string id = file.substr(0, file.size() - std::string(".cases.json").size());
    json::Value doc;
    std::string text = testing::ReadFileOrEmpty(dir + "/" + file);
    if (!json::ParseBounded(text, 64, doc).ok()) {
      out.push_back(RuleCase{id, "unparsable cases file", 0, json::Value()});
      continue;
    }
    const json::Array* cases = json::FindArray(doc, "cases");
    if (!cases) continue;
    for (std::size_t i = 0; i < cases->size(); ++i) {
      const std::string* name = json::FindString((*cases)[i], "name");
      out.push_back(RuleCase{id, name ? *name : "unnamed", i, (*cases)[i]});
    }
  }
  return out;
}

// True when every member of `expected` is in `actual` with an equal value (recursively for
// objects; arrays and scalars compare whole).
bool IsSubset(const json::Value& expected, const json::Value& actual) {
  if (expected.is<json::Object>()) {
    if (!actual.is<json::Object>()) return false;
    for (const auto& [k, v] : expected.get<json::Object>()) {
      const json::Value* a = json::Find(actual, k);
      if (!a || !IsSubset(v, *a)) return false;
    }
    return true;
  }
  return expected == actual;
}

class RuleCases : public ::testing::TestWithParam<RuleCase> {};

TEST_P(RuleCases, MatchesExpectation) {
  const RuleCase& c = GetParam();
  SCOPED_TRACE("rules/" + c.rule_id + ".cases.json case #" + std::to_string(c.index) + " \"" + c.name + "\"");
  ASSERT_TRUE(c.body.is<json::Object>()) << "the cases file does not parse";
  const json::Value* entries = json::Find(c.body, "entries");
  const json::Value* expect = json::Find(c.body, "expect");
  ASSERT_TRUE(entries && entries->is<json::Array>()) << "case has no entries array";
  ASSERT_TRUE(expect && json::FindString(*expect, "outcome")) << "case has no expect.outcome";
  const std::string* target = json::FindString(c.body, "target");
  auto report_text = testing::AuditHarText(testing::HarFromEntries(*entries), target ? *target : "");
  ASSERT_TRUE(report_text.ok()) << report_text.status().ToString();
  json::Value report;
  ASSERT_TRUE(json::ParseBounded(report_text.value(), 64, report).ok());

  const std::string* page = json::FindString(*expect, "page");
  const json::Value* found = nullptr;
  std::string seen;
  for (const json::Value& r : *json::FindArray(report, "checks")) {
    if (*json::FindString(r, "id") != c.rule_id) continue;
    const json::Value* rp = json::Find(r, "page");
    seen += " [" + (rp && rp->is<std::string>() ? rp->get<std::string>() : std::string("site")) + ": " +
            *json::FindString(r, "outcome") + "]";
    if (page && !(rp && rp->is<std::string>() && rp->get<std::string>() == *page)) continue;
    if (!found) found = &r;
  }
  ASSERT_NE(found, nullptr) << "no result for " << c.rule_id << (page ? " on " + *page : "") << "; results:" << seen;
  EXPECT_EQ(*json::FindString(*found, "outcome"), *json::FindString(*expect, "outcome")) << "results:" << seen
      << "\ndetails: " << json::Serialize(*json::Find(*found, "details"));
  if (const json::Value* pass = json::Find(c.body, "pass"))
    EXPECT_EQ(json::GetBool(*found, "pass", !pass->get<bool>()), pass->get<bool>()) << "the rule file disagrees with the case's pass";
  if (const json::Value* details = json::Find(*expect, "details"))
    EXPECT_TRUE(IsSubset(*details, *json::Find(*found, "details")))
        << "expected details " << json::Serialize(*details) << "\nactual " << json::Serialize(*json::Find(*found, "details"));
  if (const std::string* obs = json::FindString(*expect, "observatory")) {
    const json::Value* o = json::Find(*found, "observatory");
    ASSERT_TRUE(o) << "the result carries no observatory part";
    EXPECT_EQ(*json::FindString(*o, "result"), *obs);
  }
}

std::string CaseName(const ::testing::TestParamInfo<RuleCase>& info) {
  std::string n = info.param.rule_id + "_" + std::to_string(info.param.index);
  for (char& ch : n)
    if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
  return n;
}

INSTANTIATE_TEST_SUITE_P(Rules, RuleCases, ::testing::ValuesIn(LoadAllCases()), CaseName);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(RuleCases);

// Every rule of the ruleset has a cases file with at least 3 passing and 3 failing cases. A rule
// that has no failing outcome at all (an informational hint such as site.waf) needs instead at
// least 3 cases for each of its outcomes, so that both verdicts are still exercised.
TEST(RuleCasesCoverage, EveryRuleHasThreePassingAndThreeFailingCases) {
  auto ruleset = Ruleset::Embedded();
  ASSERT_TRUE(ruleset);
  const std::vector<RuleCase> all = LoadAllCases();
  for (const std::string& id : ruleset->rule_ids()) {
    bool has_failing_outcome = false;
    std::map<std::string, int> per_outcome;
    for (const auto& [code, row] : *json::FindObject(*ruleset->Rule(id), "outcomes")) {
      has_failing_outcome = has_failing_outcome || !json::GetBool(row, "pass", true);
      per_outcome[code] = 0;
    }
    int passing = 0, failing = 0;
    for (const RuleCase& c : all) {
      if (c.rule_id != id) continue;
      const json::Value* pass = json::Find(c.body, "pass");
      if (pass && pass->is<bool>()) (pass->get<bool>() ? passing : failing)++;
      if (const json::Value* expect = json::Find(c.body, "expect"))
        if (const std::string* outcome = json::FindString(*expect, "outcome"))
          if (per_outcome.count(*outcome)) per_outcome[*outcome]++;
    }
    EXPECT_GE(passing, 3) << id << " has " << passing << " passing cases";
    if (has_failing_outcome) {
      EXPECT_GE(failing, 3) << id << " has " << failing << " failing cases";
    } else {
      for (const auto& [code, n] : per_outcome) EXPECT_GE(n, 3) << id << " (no failing outcome) has " << n << " cases of " << code;
    }
  }
}

}  // namespace
}  // namespace portal_check
