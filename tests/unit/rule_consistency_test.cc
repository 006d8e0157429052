// Ties the places a check lives together (the Observatory's scoring-table lesson): the registry,
// the rule files of rules/ (every <id>.json but ruleset.json and the *.cases.json files: the list
// the build embeds, scripts/cmake/embed_ruleset.cmake), each rule file's outcome table (the only
// list of a check's outcome codes) and the Observatory modifier table.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

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

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// The ids of the rule files among `json_files` (the *.json file names of a rules directory).
std::vector<std::string> RuleIds(const std::vector<std::string>& json_files) {
  std::vector<std::string> ids;
  for (const std::string& file : json_files)
    if (file != "ruleset.json" && !EndsWith(file, ".cases.json")) ids.push_back(file.substr(0, file.size() - 5));
  std::sort(ids.begin(), ids.end());
  return ids;
}

// What ties the rule files among `json_files` (the *.json file names of a rules directory) to the
// check registry: one message per problem, naming the file to fix. Every rule file has a registered
// check and a cases file; every registered check has a rule file.
std::vector<std::string> RegistryProblems(const std::vector<std::string>& json_files) {
  std::set<std::string> registered;
  for (const CheckDescriptor& d : AllChecks()) registered.insert(std::string(d.id));
  const std::vector<std::string> ids = RuleIds(json_files);
  std::vector<std::string> problems;
  for (const std::string& id : ids) {
    if (!registered.count(id))
      problems.push_back("rules/" + id + ".json has no registered check: add its descriptor to core/src/checks/registry.cc, or remove the file");
    if (std::find(json_files.begin(), json_files.end(), id + ".cases.json") == json_files.end())
      problems.push_back("rules/" + id + ".json has no cases file rules/" + id + ".cases.json");
  }
  for (const std::string& id : registered)
    if (!std::binary_search(ids.begin(), ids.end(), id))
      problems.push_back(id + " is registered (core/src/checks/registry.cc) but has no rule file rules/" + id + ".json");
  return problems;
}

std::vector<std::string> RulesDirJsonFiles() { return testing::ListFiles(testing::SourceDir() + "/rules", ".json"); }

TEST(RuleConsistency, EveryRuleFileHasARegisteredCheckAndEveryCheckARuleFile) {
  EXPECT_GE(RuleIds(RulesDirJsonFiles()).size(), 50u);
  const std::vector<std::string> problems = RegistryProblems(RulesDirJsonFiles());
  EXPECT_TRUE(problems.empty()) << ::testing::PrintToString(problems);
}

// The consistency above can fail: in a listing with a rule file and a cases file for every
// registered check, a rule file dropped in without a check, one without cases, and a registered
// check whose rule file is gone are each named.
TEST(RuleConsistency, AStrayRuleFileAndAMissingOneAreNamed) {
  std::vector<std::string> files = {"ruleset.json"};
  for (const CheckDescriptor& d : AllChecks()) {
    files.push_back(std::string(d.id) + ".json");
    files.push_back(std::string(d.id) + ".cases.json");
  }
  ASSERT_EQ(RegistryProblems(files), std::vector<std::string>{});
  files.erase(std::find(files.begin(), files.end(), "header.cors.json"));
  files.push_back("header.unregistered.json");
  files.push_back("header.unregistered.cases.json");
  files.push_back("Header.Cors.json");
  EXPECT_EQ(RegistryProblems(files), (std::vector<std::string>{
      "rules/Header.Cors.json has no registered check: add its descriptor to core/src/checks/registry.cc, or remove the file",
      "rules/Header.Cors.json has no cases file rules/Header.Cors.cases.json",
      "rules/header.unregistered.json has no registered check: add its descriptor to core/src/checks/registry.cc, or remove the file",
      "header.cors is registered (core/src/checks/registry.cc) but has no rule file rules/header.cors.json",
  }));
}

// The build embeds every rule file (a stale build, from before a rule file was added or removed,
// fails here).
TEST(RuleConsistency, TheEmbeddedRulesetHoldsExactlyTheRuleFiles) {
  auto rs = Ruleset::Embedded();
  ASSERT_TRUE(rs);
  EXPECT_EQ(rs->rule_ids(), RuleIds(RulesDirJsonFiles())) << "the embedded ruleset differs from the rule files of rules/: rebuild";
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
