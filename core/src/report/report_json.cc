#include "report/report_json.h"

#include "portal_check/auditor.h"
#include "report/grade.h"

namespace portal_check {
namespace {

json::Value CheckEntry(const ReportedResult& r) {
  json::Object o;
  o["id"] = json::Str(r.result.id);
  o["outcome"] = json::Str(r.result.outcome);
  o["pass"] = json::Bool(r.pass);
  o["severity"] = json::Str(r.severity);
  o["page"] = r.result.page ? json::Str(*r.result.page) : json::Value();
  o["details"] = json::Value(r.result.details);
  if (r.observatory) {
    json::Object obs;
    obs["test"] = json::Str(r.observatory->test);
    obs["result"] = json::Str(r.observatory->result);
    obs["modifier"] = json::Int(r.observatory->modifier);
    o["observatory"] = json::Value(obs);
  }
  return json::Value(o);
}

}  // namespace

std::string RenderReportJson(const AuditOutcome& outcome, const Ruleset& ruleset) {
  json::Object top;
  json::Object engine;
  engine["name"] = json::Str(EngineInfo::Name());
  engine["version"] = json::Str(outcome.engine_version);
  top["engine"] = json::Value(engine);
  json::Object rs;
  rs["version"] = json::Str(outcome.ruleset_version);
  top["ruleset"] = json::Value(rs);
  top["target"] = outcome.target.empty() ? json::Value() : json::Str(outcome.target);

  const Grade g = ComputeGrade(outcome.results, outcome.graded_page, ruleset);
  json::Object grade;
  grade["score"] = g.graded() ? json::Int(g.score) : json::Value();
  grade["grade"] = g.graded() ? json::Str(g.letter) : json::Value();
  grade["page"] = outcome.graded_page.empty() ? json::Value() : json::Str(outcome.graded_page);
  json::Array counted;
  for (const auto& c : g.counted) counted.push_back(json::Str(c));
  grade["counted"] = json::Value(counted);
  top["grade"] = json::Value(grade);

  json::Array checks;
  json::Object failed;
  for (const char* s : {"high", "medium", "low", "info"}) failed[s] = json::Int(0);
  for (const ReportedResult& r : outcome.results) {
    checks.push_back(CheckEntry(r));
    if (!r.pass) {
      auto& n = failed[r.severity];
      n = json::Int((n.is<std::int64_t>() ? n.get<std::int64_t>() : 0) + 1);
    }
  }
  top["checks"] = json::Value(checks);

  json::Array pages;
  for (const auto& p : outcome.pages) pages.push_back(json::Str(p));
  top["pages"] = json::Value(pages);

  json::Object summary;
  summary["entries"] = json::Int(static_cast<std::int64_t>(outcome.entries));
  summary["pages"] = json::Int(static_cast<std::int64_t>(outcome.pages.size()));
  summary["failed"] = json::Value(failed);
  top["summary"] = json::Value(summary);

  json::Array notices;
  for (const Notice& n : outcome.notices) {
    json::Object o;
    o["code"] = json::Str(n.code);
    o["entry"] = n.entry ? json::Int(static_cast<std::int64_t>(*n.entry)) : json::Value();
    o["message"] = json::Str(n.message);
    notices.push_back(json::Value(o));
  }
  top["notices"] = json::Value(notices);
  if (!outcome.profiles.empty()) top["profiles"] = json::Value(outcome.profiles);
  return json::Serialize(json::Value(top), /*pretty=*/true) ;
}

}  // namespace portal_check
