#include "report/sarif.h"

#include <algorithm>
#include <set>

#include "portal_check/auditor.h"

namespace portal_check {
namespace {

// SARIF levels from our severities.
const char* LevelOf(const std::string& severity) {
  if (severity == "high") return "error";
  if (severity == "medium") return "warning";
  return "note";
}

// GitHub code scanning reads properties["security-severity"] (a CVSS-like score as a string).
const char* SecuritySeverityOf(const std::string& severity) {
  if (severity == "high") return "8.0";
  if (severity == "medium") return "5.5";
  if (severity == "low") return "3.0";
  return "1.0";
}

std::string Text(const json::Value* localized, const char* lang) {
  if (!localized) return "";
  const std::string* s = json::FindString(*localized, lang);
  return s ? *s : "";
}

json::Value Message(std::string text) {
  json::Object m;
  m["text"] = json::Str(text);
  return json::Value(m);
}

json::Value RuleDescriptor(const std::string& id, const Ruleset& ruleset) {
  json::Object d;
  d["id"] = json::Str(id);
  const json::Value* rule = ruleset.Rule(id);
  const json::Value* title = rule ? json::Find(*rule, "title") : nullptr;
  const json::Value* description = rule ? json::Find(*rule, "description") : nullptr;
  d["name"] = json::Str(id);
  d["shortDescription"] = Message(Text(title, "en").empty() ? id : Text(title, "en"));
  d["fullDescription"] = Message(Text(description, "en").empty() ? id : Text(description, "en"));
  json::Object props;
  json::Array tags{json::Str("security")};
  if (rule)
    if (const std::string* family = json::FindString(*rule, "family")) tags.push_back(json::Str(*family));
  props["tags"] = json::Value(tags);
  d["properties"] = json::Value(props);
  return json::Value(d);
}

}  // namespace

std::string RenderSarif(const AuditOutcome& outcome, const Ruleset& ruleset) {
  std::set<std::string> rule_ids;
  for (const ReportedResult& r : outcome.results)
    if (!r.pass) rule_ids.insert(r.result.id);
  json::Array rules;
  std::vector<std::string> ordered(rule_ids.begin(), rule_ids.end());
  for (const std::string& id : ordered) rules.push_back(RuleDescriptor(id, ruleset));

  json::Array results;
  for (const ReportedResult& r : outcome.results) {
    if (r.pass) continue;
    const json::Value* rule = ruleset.Rule(r.result.id);
    const json::Value* outcomes = rule ? json::Find(*rule, "outcomes") : nullptr;
    const json::Value* row = outcomes ? json::Find(*outcomes, r.result.outcome) : nullptr;
    std::string text = Text(row ? json::Find(*row, "message") : nullptr, "en");
    if (text.empty()) text = r.result.id + ": " + r.result.outcome;
    const std::string remediation = Text(row ? json::Find(*row, "remediation") : nullptr, "en");
    if (!remediation.empty()) text += " Fix: " + remediation;
    if (r.result.page) text += " (page: " + *r.result.page + ")";

    json::Object res;
    res["ruleId"] = json::Str(r.result.id);
    res["ruleIndex"] = json::Int(static_cast<std::int64_t>(
        std::lower_bound(ordered.begin(), ordered.end(), r.result.id) - ordered.begin()));
    res["level"] = json::Str(LevelOf(r.severity));
    res["message"] = Message(text);
    json::Object loc, phys, artifact;
    artifact["uri"] = json::Str(r.result.page ? *r.result.page : outcome.target);
    phys["artifactLocation"] = json::Value(artifact);
    loc["physicalLocation"] = json::Value(phys);
    res["locations"] = json::Value(json::Array{json::Value(loc)});
    json::Object props;
    props["outcome"] = json::Str(r.result.outcome);
    props["severity"] = json::Str(r.severity);
    props["security-severity"] = json::Str(SecuritySeverityOf(r.severity));
    props["details"] = json::Value(r.result.details);
    res["properties"] = json::Value(props);
    // Stable identity across runs, for dashboards that track a finding over time.
    json::Object fp;
    fp["portalCheck/v1"] = json::Str(r.result.id + "|" + r.result.outcome + "|" + (r.result.page ? *r.result.page : ""));
    res["partialFingerprints"] = json::Value(fp);
    results.push_back(json::Value(res));
  }

  json::Object driver;
  driver["name"] = json::Str(EngineInfo::Name());
  driver["version"] = json::Str(outcome.engine_version);
  driver["rules"] = json::Value(rules);
  json::Object tool;
  tool["driver"] = json::Value(driver);
  json::Object run;
  run["tool"] = json::Value(tool);
  run["results"] = json::Value(results);
  json::Object props;
  props["rulesetVersion"] = json::Str(outcome.ruleset_version);
  run["properties"] = json::Value(props);
  json::Object top;
  top["$schema"] = json::Str("https://json.schemastore.org/sarif-2.1.0.json");
  top["version"] = json::Str("2.1.0");
  top["runs"] = json::Value(json::Array{json::Value(run)});
  return json::Serialize(json::Value(top), /*pretty=*/true);
}

}  // namespace portal_check
