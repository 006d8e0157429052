#include "report/sarif.h"

#include <algorithm>
#include <set>
#include <unordered_map>

#include "portal_check/auditor.h"
#include "report/library_summary.h"
#include "report/pretty_json_writer.h"

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

// VulnerableLibrarySummaryOfText of results' details, each distinct details text read once (the
// same libraries on every page of a site share one text: util/shared_text.h).
class LibrarySummaries {
 public:
  const std::string& Of(const SharedText& details) {
    auto [it, added] = by_text_.try_emplace(details.identity());
    if (added) it->second = VulnerableLibrarySummaryOfText(details);
    return it->second;
  }

 private:
  std::unordered_map<const std::string*, std::string> by_text_;  // by SharedText::identity()
};

// One failing result. Keys in byte order throughout (see PrettyJsonWriter).
void WriteResult(PrettyJsonWriter& w, const ReportedResult& r, const std::vector<std::string>& rule_ids,
                 const AuditOutcome& outcome, const Ruleset& ruleset, LibrarySummaries& library_summaries) {
  const json::Value* rule = ruleset.Rule(r.result.id);
  const json::Value* outcomes = rule ? json::Find(*rule, "outcomes") : nullptr;
  const json::Value* row = outcomes ? json::Find(*outcomes, r.result.outcome) : nullptr;
  std::string text = Text(row ? json::Find(*row, "message") : nullptr, "en");
  if (text.empty()) text = r.result.id + ": " + r.result.outcome;
  const std::string remediation = Text(row ? json::Find(*row, "remediation") : nullptr, "en");
  if (const std::string& libs = library_summaries.Of(r.result.details); !libs.empty()) text += " " + libs;
  if (!remediation.empty()) text += " Fix: " + remediation;
  if (r.result.page) text += " (page: " + *r.result.page + ")";

  w.BeginObject();
  w.Key("level");
  w.String(LevelOf(r.severity));
  w.Key("locations");
  w.BeginArray();
  w.BeginObject();
  w.Key("physicalLocation");
  w.BeginObject();
  w.Key("artifactLocation");
  w.BeginObject();
  w.Key("uri");
  w.String(r.result.page ? *r.result.page : outcome.target);
  w.EndObject();
  w.EndObject();
  w.EndObject();
  w.EndArray();
  w.Key("message");
  w.BeginObject();
  w.Key("text");
  w.String(text);
  w.EndObject();
  // Stable identity across runs, for dashboards that track a finding over time.
  w.Key("partialFingerprints");
  w.BeginObject();
  w.Key("portalCheck/v1");
  w.String(r.result.id + "|" + r.result.outcome + "|" + (r.result.page ? *r.result.page : ""));
  w.EndObject();
  w.Key("properties");
  w.BeginObject();
  w.Key("details");
  w.CompactValue(r.result.details);
  w.Key("outcome");
  w.String(r.result.outcome);
  w.Key("security-severity");
  w.String(SecuritySeverityOf(r.severity));
  w.Key("severity");
  w.String(r.severity);
  w.EndObject();
  w.Key("ruleId");
  w.String(r.result.id);
  w.Key("ruleIndex");
  w.Int(static_cast<std::int64_t>(std::lower_bound(rule_ids.begin(), rule_ids.end(), r.result.id) - rule_ids.begin()));
  w.EndObject();
}

// The engine's notices (limits reached, input skipped) as SARIF tool execution notifications, so
// a SARIF viewer shows what was not audited. Written only when there are notices.
void WriteInvocation(PrettyJsonWriter& w, const Notices& notices) {
  w.BeginArray();
  w.BeginObject();
  w.Key("executionSuccessful");
  w.Bool(true);
  w.Key("toolExecutionNotifications");
  w.BeginArray();
  for (const Notice& n : notices) {
    w.BeginObject();
    w.Key("descriptor");
    w.BeginObject();
    w.Key("id");
    w.String(n.code);
    w.EndObject();
    w.Key("level");
    w.String("warning");
    w.Key("message");
    w.BeginObject();
    w.Key("text");
    w.String(n.message);
    w.EndObject();
    if (n.entry) {
      w.Key("properties");
      w.BeginObject();
      w.Key("entry");
      w.Int(static_cast<std::int64_t>(*n.entry));
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  w.EndArray();
}

void WriteSarif(PrettyJsonWriter& w, const AuditOutcome& outcome, const Ruleset& ruleset,
                const std::vector<std::string>& rule_ids) {
  w.BeginObject();
  w.Key("$schema");
  w.String("https://json.schemastore.org/sarif-2.1.0.json");
  w.Key("runs");
  w.BeginArray();
  w.BeginObject();
  if (!outcome.notices.empty()) {
    w.Key("invocations");
    WriteInvocation(w, outcome.notices);
  }
  w.Key("properties");
  w.BeginObject();
  w.Key("rulesetVersion");
  w.String(outcome.ruleset_version);
  w.EndObject();
  w.Key("results");
  w.BeginArray();
  LibrarySummaries library_summaries;
  for (const ReportedResult& r : outcome.results)
    if (!r.pass) WriteResult(w, r, rule_ids, outcome, ruleset, library_summaries);
  w.EndArray();
  w.Key("tool");
  w.BeginObject();
  w.Key("driver");
  w.BeginObject();
  w.Key("name");
  w.String(EngineInfo::Name());
  w.Key("rules");
  w.BeginArray();
  for (const std::string& id : rule_ids) w.Value(RuleDescriptor(id, ruleset));
  w.EndArray();
  w.Key("version");
  w.String(outcome.engine_version);
  w.EndObject();
  w.EndObject();
  w.EndObject();
  w.EndArray();
  w.Key("version");
  w.String("2.1.0");
  w.EndObject();
}

// The ids of the failing results' rules, in byte order (the SARIF's rules).
std::vector<std::string> FailingRuleIds(const AuditOutcome& outcome) {
  std::set<std::string> failing;
  for (const ReportedResult& r : outcome.results)
    if (!r.pass) failing.insert(r.result.id);
  return std::vector<std::string>(failing.begin(), failing.end());
}

}  // namespace

std::string RenderSarif(const AuditOutcome& outcome, const Ruleset& ruleset) {
  const std::vector<std::string> rule_ids = FailingRuleIds(outcome);
  return RenderExactly([&](PrettyJsonWriter& w) { WriteSarif(w, outcome, ruleset, rule_ids); });
}

void WriteSarifInPieces(const AuditOutcome& outcome, const Ruleset& ruleset, std::size_t piece_bytes,
                        const std::function<void(std::string_view)>& sink) {
  const std::vector<std::string> rule_ids = FailingRuleIds(outcome);
  WriteInPieces([&](PrettyJsonWriter& w) { WriteSarif(w, outcome, ruleset, rule_ids); }, piece_bytes, sink);
}

}  // namespace portal_check
