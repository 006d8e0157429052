#include "scoring/profile.h"

#include <set>
#include <utility>

#include "scoring/profile_sources.h"
#include "util/json_scan.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxDeclarationsDepth = 16;

bool IsStringArray(const json::Value* v) {
  if (!v || !v->is<json::Array>()) return false;
  for (const json::Value& e : v->get<json::Array>())
    if (!e.is<std::string>()) return false;
  return true;
}

std::vector<std::string> Strings(const json::Value& v, std::string_view key) {
  std::vector<std::string> out;
  if (const json::Array* a = json::FindArray(v, key))
    for (const json::Value& e : *a)
      if (e.is<std::string>()) out.push_back(e.get<std::string>());
  return out;
}

bool Contains(const std::vector<std::string>& list, std::string_view s) {
  for (const std::string& e : list)
    if (e == s) return true;
  return false;
}

// The lowest score of grade `letter` (data/observatory.json "grades": [[min, letter], …]).
std::optional<int> MinScoreOf(std::string_view letter, const Ruleset& ruleset) {
  const json::Value* obs = json::Find(ruleset.data(), "observatory");
  const json::Array* bands = obs ? json::FindArray(*obs, "grades") : nullptr;
  if (!bands) return std::nullopt;
  for (const json::Value& band : *bands) {
    if (!band.is<json::Array>() || band.get<json::Array>().size() != 2) continue;
    const json::Value& min = band.get<json::Array>()[0];
    const json::Value& name = band.get<json::Array>()[1];
    if (min.is<std::int64_t>() && name.is<std::string>() && name.get<std::string>() == letter)
      return static_cast<int>(min.get<std::int64_t>());
  }
  return std::nullopt;
}

Status ParseOneDeclaration(const std::string& id, const json::Value& v, const Ruleset& ruleset, Declaration& out) {
  const std::string where = "declarations: '" + text::SafeUtf8(id, 100) + "'";
  if (!ruleset.Declaration(id)) return Status::Invalid(where + " is not a known declaration (see rules/profiles/declarations.json)");
  if (!v.is<json::Object>()) return Status::Invalid(where + " must be an object {\"value\": true|false, \"note\": \"…\"}");
  for (const auto& [key, member] : v.get<json::Object>()) {
    if (key == "value") {
      if (!member.is<bool>()) return Status::Invalid(where + ": \"value\" must be true or false");
      out.value = member.get<bool>();
    } else if (key == "note") {
      if (!member.is<std::string>()) return Status::Invalid(where + ": \"note\" must be a string");
      out.note = text::SafeUtf8(member.get<std::string>(), kMaxDeclarationNoteBytes);
    } else {
      return Status::Invalid(where + ": unknown member \"" + text::SafeUtf8(key, 100) + "\"");
    }
  }
  if (!json::Find(v, "value")) return Status::Invalid(where + ": \"value\" is missing");
  return Status::Ok();
}

// The effect of one result on `criterion`; nullopt = ignored. See profile.h.
std::optional<Effect> EffectOf(const ReportedResult& r, const json::Value& criterion) {
  const std::string& outcome = r.result.outcome;
  if (outcome == "not-applicable") return std::nullopt;
  if (outcome == "not-captured" || outcome == "error") return Effect::kInconclusive;
  const json::Value* only = json::Find(criterion, "check_outcomes");
  const json::Value* listed = only ? json::Find(*only, r.result.id) : nullptr;
  if (listed) {
    if (listed->is<json::Array>())
      for (const json::Value& o : listed->get<json::Array>())
        if (o.is<std::string>() && o.get<std::string>() == outcome) return Effect::kFails;
    if (r.pass) return Effect::kPasses;
    return std::nullopt;
  }
  return r.pass ? Effect::kPasses : Effect::kFails;
}

void AddFindings(CriterionResult& c, std::vector<Finding> found) {
  std::vector<Finding> ordered;
  for (Effect e : {Effect::kFails, Effect::kInconclusive, Effect::kPasses})
    for (Finding& f : found)
      if (f.effect == e) ordered.push_back(std::move(f));
  if (ordered.size() > kMaxFindingsPerCriterion) {
    c.findings_omitted = ordered.size() - kMaxFindingsPerCriterion;
    ordered.resize(kMaxFindingsPerCriterion);
  }
  c.findings = std::move(ordered);
}

CriterionResult Evaluate(const json::Value& criterion, const ProfileInputs& in) {
  CriterionResult c;
  if (const std::string* id = json::FindString(criterion, "id")) c.id = *id;
  c.checks = Strings(criterion, "checks");
  const std::string* min_grade = json::FindString(criterion, "min_grade");
  if (min_grade) c.min_grade = *min_grade;

  c.sources = CitationsJson(criterion, in.ruleset);

  std::vector<Finding> found;
  bool fails = false, inconclusive = false, passes = false;
  for (const std::string& check : c.checks) {
    if (!in.ruleset.Lists(check)) {
      // The criterion applies but this ruleset cannot observe it.
      found.push_back(Finding{check, "not-run", std::nullopt, Effect::kInconclusive});
      inconclusive = true;
      continue;
    }
    bool reported = false;
    for (const ReportedResult& r : in.results) {
      if (r.result.id != check) continue;
      reported = true;
      if (min_grade && r.result.page && *r.result.page != in.graded_page) continue;
      const std::optional<Effect> e = EffectOf(r, criterion);
      if (!e) continue;
      found.push_back(Finding{check, r.result.outcome, r.result.page, *e});
      fails = fails || *e == Effect::kFails;
      inconclusive = inconclusive || *e == Effect::kInconclusive;
      passes = passes || *e == Effect::kPasses;
    }
    if (!reported && !min_grade) {
      // The engine gives every check it runs a result; none here means no evidence was judged.
      found.push_back(Finding{check, "no-result", std::nullopt, Effect::kInconclusive});
      inconclusive = true;
    }
  }
  AddFindings(c, std::move(found));

  bool declared_false = false, undeclared = false;
  for (const std::string& id : Strings(criterion, "declarations")) {
    DeclarationState d{id, std::nullopt, ""};
    auto it = in.declarations.find(id);
    if (it != in.declarations.end()) {
      d.value = it->second.value;
      d.note = it->second.note;
    }
    declared_false = declared_false || (d.value && !*d.value);
    undeclared = undeclared || !d.value;
    c.declarations.push_back(std::move(d));
  }

  if (min_grade) {
    const std::optional<int> min = MinScoreOf(*min_grade, in.ruleset);
    const int banded = in.grade_score - in.grade_score % 5;
    if (in.graded_page.empty() || !min) c.status = "not-applicable";
    else c.status = banded >= *min ? "met" : "not-met";
    return c;
  }
  if (fails || declared_false) c.status = "not-met";
  else if (inconclusive) c.status = "not-assessed";
  else if (undeclared) c.status = "needs-declaration";
  else if (!passes && c.declarations.empty()) c.status = "not-applicable";
  else c.status = "met";
  return c;
}

}  // namespace

StatusOr<Declarations> ParseDeclarations(std::string_view text, const Ruleset& ruleset) {
  Declarations out;
  if (text.empty()) return out;
  if (text.size() > kMaxDeclarationsBytes)
    return Status::Invalid("declarations: larger than " + std::to_string(kMaxDeclarationsBytes) + " bytes");
  json::Value doc;
  if (Status s = json::ParseBounded(text, kMaxDeclarationsDepth, doc); !s.ok())
    return Status::Invalid("declarations: not valid JSON (" + s.message() + ")");
  if (!doc.is<json::Object>()) return Status::Invalid("declarations: expected a JSON object");
  for (const auto& [key, member] : doc.get<json::Object>()) {
    if (key == "version") {
      if (!member.is<std::int64_t>() || member.get<std::int64_t>() != 1)
        return Status::Invalid("declarations: \"version\" must be 1");
    } else if (key == "organization") {
      if (!member.is<json::Object>()) return Status::Invalid("declarations: \"organization\" must be an object");
    } else if (key == "$schema") {
      if (!member.is<std::string>()) return Status::Invalid("declarations: \"$schema\" must be a string");
    } else if (key != "declarations") {
      return Status::Invalid("declarations: unknown member \"" + text::SafeUtf8(key, 100) + "\"");
    }
  }
  if (!json::Find(doc, "version")) return Status::Invalid("declarations: \"version\" is missing (must be 1)");
  const json::Object* items = json::FindObject(doc, "declarations");
  if (!items) return Status::Invalid("declarations: \"declarations\" must be an object {id: {\"value\": true|false}}");
  for (const auto& [id, v] : *items) {
    Declaration d;
    if (Status s = ParseOneDeclaration(id, v, ruleset, d); !s.ok()) return s;
    out[id] = std::move(d);
  }
  return out;
}

Status ValidateProfile(std::string_view id, const json::Value& profile, const Ruleset& ruleset) {
  const std::string where = "profile '" + std::string(id) + "'";
  const json::Array* criteria = json::FindArray(profile, "criteria");
  if (!criteria || criteria->empty()) return Status::Invalid(where + ": no criteria");
  std::set<std::string> ids;
  for (std::size_t i = 0; i < criteria->size(); ++i) {
    const json::Value& c = (*criteria)[i];
    const std::string at = where + " criterion " + std::to_string(i);
    const std::string* cid = json::FindString(c, "id");
    if (!cid || cid->empty()) return Status::Invalid(at + ": no id");
    if (!ids.insert(*cid).second) return Status::Invalid(where + ": criterion id '" + *cid + "' is used twice");
    if (!IsStringArray(json::Find(c, "checks"))) return Status::Invalid(at + ": \"checks\" must be an array of check ids");
    if (!IsStringArray(json::Find(c, "declarations"))) return Status::Invalid(at + ": \"declarations\" must be an array of ids");
    for (const std::string& d : Strings(c, "declarations"))
      if (!ruleset.Declaration(d)) return Status::Invalid(at + ": declaration '" + d + "' is not in the catalogue");
    if (const json::Value* only = json::Find(c, "check_outcomes")) {
      if (!only->is<json::Object>()) return Status::Invalid(at + ": \"check_outcomes\" must be an object");
      for (const auto& [check, list] : only->get<json::Object>())
        if (!IsStringArray(&list) || !Contains(Strings(c, "checks"), check))
          return Status::Invalid(at + ": check_outcomes['" + check + "'] must be a string array of a listed check");
    }
    if (const json::Value* g = json::Find(c, "min_grade")) {
      if (!g->is<std::string>() || !MinScoreOf(g->get<std::string>(), ruleset))
        return Status::Invalid(at + ": \"min_grade\" is not a grade letter");
    }
  }
  return ValidateProfileSources(where, profile, ruleset);
}

const char* EffectName(Effect e) {
  switch (e) {
    case Effect::kFails: return "fails";
    case Effect::kInconclusive: return "inconclusive";
    case Effect::kPasses: return "passes";
  }
  return "passes";
}

std::vector<CriterionResult> EvaluateProfile(const json::Value& profile, const ProfileInputs& inputs) {
  std::vector<CriterionResult> out;
  if (const json::Array* criteria = json::FindArray(profile, "criteria"))
    for (const json::Value& c : *criteria) out.push_back(Evaluate(c, inputs));
  return out;
}

json::Value ProfileSectionJson(const std::vector<CriterionResult>& criteria) {
  json::Array list;
  json::Object summary;
  for (const char* s : kCriterionStatuses) summary[s] = json::Int(0);
  for (const CriterionResult& c : criteria) {
    json::Object o;
    o["id"] = json::Str(c.id);
    o["status"] = json::Str(c.status);
    json::Array checks;
    for (const std::string& id : c.checks) checks.push_back(json::Str(id));
    o["checks"] = json::Value(checks);
    json::Array findings;
    for (const Finding& f : c.findings) {
      findings.push_back(json::Value(json::Object{
          {"check", json::Str(f.check)}, {"outcome", json::Str(f.outcome)},
          {"page", f.page ? json::Str(*f.page) : json::Value()}, {"effect", json::Str(EffectName(f.effect))}}));
    }
    o["findings"] = json::Value(findings);
    if (c.findings_omitted > 0) o["findings_omitted"] = json::Int(static_cast<std::int64_t>(c.findings_omitted));
    json::Array decls;
    for (const DeclarationState& d : c.declarations) {
      json::Object dj{{"id", json::Str(d.id)}, {"value", d.value ? json::Bool(*d.value) : json::Value()}};
      if (!d.note.empty()) dj["note"] = json::Str(d.note);
      decls.push_back(json::Value(dj));
    }
    o["declarations"] = json::Value(decls);
    if (c.min_grade) o["min_grade"] = json::Str(*c.min_grade);
    o["sources"] = c.sources.is<json::Array>() ? c.sources : json::Value(json::Array{});
    list.push_back(json::Value(o));
    json::Value& n = summary[c.status];
    n = json::Int((n.is<std::int64_t>() ? n.get<std::int64_t>() : 0) + 1);
  }
  return json::Value(json::Object{{"criteria", json::Value(list)}, {"summary", json::Value(summary)}});
}

}  // namespace portal_check
