#include "report/report_json.h"

#include <map>

#include "portal_check/auditor.h"
#include "scoring/grade.h"
#include "report/pretty_json_writer.h"

namespace portal_check {
namespace {

// Keys in byte order throughout (see PrettyJsonWriter).
void WriteCheck(PrettyJsonWriter& w, const ReportedResult& r) {
  w.BeginObject();
  w.Key("details");
  w.CompactValue(r.result.details);
  w.Key("id");
  w.String(r.result.id);
  if (r.observatory) {
    w.Key("observatory");
    w.BeginObject();
    w.Key("modifier");
    w.Int(r.observatory->modifier);
    w.Key("result");
    w.String(r.observatory->result);
    w.Key("test");
    w.String(r.observatory->test);
    w.EndObject();
  }
  w.Key("outcome");
  w.String(r.result.outcome);
  w.Key("page");
  if (r.result.page) w.String(*r.result.page);
  else w.Null();
  w.Key("pass");
  w.Bool(r.pass);
  w.Key("severity");
  w.String(r.severity);
  w.EndObject();
}

void WriteStringOrNull(PrettyJsonWriter& w, const std::string& s) {
  if (s.empty()) w.Null();
  else w.String(s);
}

// {code, en, vi}: why there is no grade.
void WriteGradeReason(PrettyJsonWriter& w, const std::string& code, const Ruleset& ruleset) {
  w.BeginObject();
  w.Key("code");
  w.String(code);
  for (const char* lang : {"en", "vi"}) {
    w.Key(lang);
    w.String(UngradedReason(code, lang, ruleset));
  }
  w.EndObject();
}

void WriteReport(PrettyJsonWriter& w, const AuditOutcome& outcome, const Grade& g,
                 const std::map<std::string, std::int64_t>& failed, const Ruleset& ruleset) {
  w.BeginObject();
  w.Key("checks");
  w.BeginArray();
  for (const ReportedResult& r : outcome.results) WriteCheck(w, r);
  w.EndArray();

  w.Key("engine");
  w.BeginObject();
  w.Key("name");
  w.String(EngineInfo::Name());
  w.Key("version");
  w.String(outcome.engine_version);
  w.EndObject();

  w.Key("grade");
  w.BeginObject();
  w.Key("counted");
  w.BeginArray();
  for (const std::string& c : g.counted) w.String(c);
  w.EndArray();
  w.Key("grade");
  if (g.graded()) w.String(g.letter);
  else w.Null();
  w.Key("page");
  WriteStringOrNull(w, outcome.graded_page);
  if (!g.graded()) {
    w.Key("reason");
    WriteGradeReason(w, g.unavailable, ruleset);
  }
  w.Key("score");
  if (g.graded()) w.Int(g.score);
  else w.Null();
  w.Key("uncounted");
  w.BeginArray();
  for (const std::string& id : g.uncounted) w.String(id);
  w.EndArray();
  w.EndObject();

  w.Key("notices");
  w.BeginArray();
  for (const Notice& n : outcome.notices) {
    w.BeginObject();
    w.Key("code");
    w.String(n.code);
    w.Key("entry");
    if (n.entry) w.Int(static_cast<std::int64_t>(*n.entry));
    else w.Null();
    w.Key("message");
    w.String(n.message);
    w.EndObject();
  }
  w.EndArray();

  w.Key("pages");
  w.BeginArray();
  for (const std::string& p : outcome.pages) w.String(p);
  w.EndArray();

  if (!outcome.profiles.empty()) {
    w.Key("profiles");
    w.BeginObject();
    for (const auto& [id, section] : outcome.profiles) {
      w.Key(id);
      w.Value(section);
    }
    w.EndObject();
  }

  w.Key("ruleset");
  w.BeginObject();
  w.Key("version");
  w.String(outcome.ruleset_version);
  w.EndObject();

  w.Key("summary");
  w.BeginObject();
  w.Key("entries");
  w.Int(static_cast<std::int64_t>(outcome.entries));
  w.Key("failed");
  w.BeginObject();
  for (const auto& [severity, n] : failed) {
    w.Key(severity);
    w.Int(n);
  }
  w.EndObject();
  w.Key("pages");
  w.Int(static_cast<std::int64_t>(outcome.pages.size()));
  w.EndObject();

  w.Key("target");
  WriteStringOrNull(w, outcome.target);
  w.EndObject();
}

// Failed results per severity (the report's summary.failed).
std::map<std::string, std::int64_t> FailedBySeverity(const AuditOutcome& outcome) {
  std::map<std::string, std::int64_t> failed{{"high", 0}, {"medium", 0}, {"low", 0}, {"info", 0}};
  for (const ReportedResult& r : outcome.results)
    if (!r.pass) ++failed[r.severity];
  return failed;
}

}  // namespace

std::string RenderReportJson(const AuditOutcome& outcome, const Ruleset& ruleset) {
  const Grade g = GradeOf(outcome, ruleset);
  const auto failed = FailedBySeverity(outcome);
  return RenderExactly([&](PrettyJsonWriter& w) { WriteReport(w, outcome, g, failed, ruleset); });
}

void WriteReportJsonInPieces(const AuditOutcome& outcome, const Ruleset& ruleset, std::size_t piece_bytes,
                             const std::function<void(std::string_view)>& sink) {
  const Grade g = GradeOf(outcome, ruleset);
  const auto failed = FailedBySeverity(outcome);
  WriteInPieces([&](PrettyJsonWriter& w) { WriteReport(w, outcome, g, failed, ruleset); }, piece_bytes, sink);
}

}  // namespace portal_check
