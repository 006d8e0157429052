// Ties the places a check lives together (the Observatory's scoring-table lesson): the registry,
// rules/ruleset.json, each rule file's outcome table (the only list of a check's outcome codes)
// and the Observatory modifier table.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "checks/registry.h"
#include "portal_check/auditor.h"
#include "ruleset/ruleset.h"
#include "test_support.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

bool HasBothLanguages(const json::Value& obj, std::string_view key) {
  const json::Value* v = json::Find(obj, key);
  if (!v) return false;
  const std::string* vi = json::FindString(*v, "vi");
  const std::string* en = json::FindString(*v, "en");
  return vi && en && !vi->empty() && !en->empty();
}

TEST(RuleConsistency, EmbeddedRulesetParses) { ASSERT_NE(Ruleset::Embedded(), nullptr); }

TEST(RuleConsistency, EveryRegisteredCheckIsListedAndEveryListedRuleIsRegistered) {
  auto rs = Ruleset::Embedded();
  ASSERT_TRUE(rs);
  std::set<std::string> registered;
  for (const CheckDescriptor& d : AllChecks()) {
    registered.insert(std::string(d.id));
    EXPECT_TRUE(rs->Lists(d.id)) << d.id << " is registered but not in rules/ruleset.json (or its rule file is missing)";
  }
  const std::string listed_text = testing::ReadFileOrEmpty(testing::SourceDir() + "/rules/ruleset.json");
  json::Value listed;
  ASSERT_TRUE(json::ParseBounded(listed_text, 64, listed).ok());
  for (const json::Value& id : *json::FindArray(listed, "rules")) {
    EXPECT_TRUE(registered.count(id.get<std::string>())) << id.get<std::string>() << " is listed but no check implements it";
    EXPECT_TRUE(rs->Lists(id.get<std::string>())) << id.get<std::string>() << " is listed but its rule file is missing";
  }
}

TEST(RuleConsistency, EveryRuleFileIsListed) {
  auto rs = Ruleset::Embedded();
  ASSERT_TRUE(rs);
  for (const std::string& file : testing::ListFiles(testing::SourceDir() + "/rules", ".json")) {
    if (file == "ruleset.json" || file.find(".cases.json") != std::string::npos) continue;
    const std::string id = file.substr(0, file.size() - 5);
    EXPECT_TRUE(rs->Lists(id)) << "rules/" << file << " is not listed in rules/ruleset.json";
    EXPECT_FALSE(testing::ReadFileOrEmpty(testing::SourceDir() + "/rules/" + id + ".cases.json").empty())
        << "rules/" << id << ".json has no same-stem cases file";
  }
}

// The rule file is the only list of a check's outcome codes, and the engine keeps a check within
// it: with the embedded ruleset less the row "nosniff" of header.content-type-options, the page that
// sends nosniff gets "error" with the internal message, not an outcome nobody declared.
TEST(RuleConsistency, AnOutcomeItsRuleDoesNotDeclareBecomesAnError) {
  json::Value doc;
  ASSERT_TRUE(json::ParseBounded(Ruleset::EmbeddedDocument(), 64, doc).ok());
  json::Value* rules = json::FindMutable(doc, "rules");
  ASSERT_NE(rules, nullptr);
  json::Value* rule = json::FindMutable(*rules, "header.content-type-options");
  ASSERT_NE(rule, nullptr);
  json::Value* outcomes = json::FindMutable(*rule, "outcomes");
  ASSERT_NE(outcomes, nullptr);
  ASSERT_EQ(outcomes->get<json::Object>().erase("nosniff"), 1u);

  AuditOptions options;
  options.ruleset_document = json::Serialize(doc);
  auto auditor = Auditor::Create(options);
  ASSERT_TRUE(auditor.ok()) << auditor.status().message();
  const std::string har = R"({"log": {"version": "1.2", "entries": [{"request": {"method": "GET",
      "url": "https://portal.example.gov.vn/"}, "response": {"status": 200, "headers": [
      {"name": "Content-Type", "value": "text/html; charset=utf-8"},
      {"name": "X-Content-Type-Options", "value": "nosniff"}],
      "content": {"mimeType": "text/html", "text": "<!doctype html><title>Cổng</title>"}}}]}})";
  ASSERT_TRUE(auditor.value()->Feed(har).ok());
  ASSERT_TRUE(auditor.value()->Finish().ok());
  json::Value report;
  ASSERT_TRUE(json::ParseBounded(auditor.value()->ReportJson(), 64, report).ok());
  bool seen = false;
  for (const json::Value& r : *json::FindArray(report, "checks")) {
    if (*json::FindString(r, "id") != "header.content-type-options") continue;
    seen = true;
    EXPECT_EQ(*json::FindString(r, "outcome"), "error");
    const json::Value* details = json::Find(r, "details");
    ASSERT_NE(details, nullptr);
    EXPECT_EQ(*json::FindString(*details, "message"), "internal: the check emitted an unknown outcome 'nosniff'");
  }
  EXPECT_TRUE(seen);
}

TEST(RuleConsistency, RulesCarryBilingualTextAndValidObservatoryMapping) {
  auto rs = Ruleset::Embedded();
  ASSERT_TRUE(rs);
  for (const std::string& id : rs->rule_ids()) {
    SCOPED_TRACE(id);
    const json::Value& rule = *rs->Rule(id);
    EXPECT_TRUE(HasBothLanguages(rule, "title"));
    EXPECT_TRUE(HasBothLanguages(rule, "description"));
    const bool graded = rs->IsGraded(id);
    if (graded) {
      EXPECT_FALSE(rs->ObservatoryTest(id).empty()) << "graded rule without observatory_test";
    }
    for (const auto& [code, row] : *json::FindObject(rule, "outcomes")) {
      SCOPED_TRACE(code);
      EXPECT_TRUE(HasBothLanguages(row, "message"));
      const bool pass = json::GetBool(row, "pass", true);
      if (!pass) EXPECT_TRUE(HasBothLanguages(row, "remediation")) << "failing outcome without remediation";
      if (pass) EXPECT_EQ(*json::FindString(row, "severity"), "info") << "passing outcomes use severity info";
      if (const std::string* obs = json::FindString(row, "observatory")) {
        EXPECT_TRUE(graded) << "observatory mapping on an ungraded rule";
        EXPECT_TRUE(rs->ObservatoryModifier(*obs).has_value()) << "unknown Observatory code " << *obs;
      }
    }
  }
}

}  // namespace
}  // namespace portal_check
