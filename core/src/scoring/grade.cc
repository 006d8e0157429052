#include "scoring/grade.h"

#include <algorithm>
#include <string_view>

namespace portal_check {

std::string GradeLetter(int score, const Ruleset& ruleset) {
  const int banded = score - score % 5;
  const json::Value* obs = json::Find(ruleset.data(), "observatory");
  const json::Array* bands = obs ? json::FindArray(*obs, "grades") : nullptr;
  if (bands) {
    for (const json::Value& band : *bands) {
      if (!band.is<json::Array>() || band.get<json::Array>().size() != 2) continue;
      const json::Value& min = band.get<json::Array>()[0];
      const json::Value& letter = band.get<json::Array>()[1];
      if (min.is<std::int64_t>() && letter.is<std::string>() && banded >= min.get<std::int64_t>())
        return letter.get<std::string>();
    }
  }
  return "F";
}

Grade ComputeGrade(const std::vector<ReportedResult>& results, const std::string& graded_page, const Ruleset& ruleset) {
  // Pick one result per graded check: on the graded page first, else a site-level one, else the
  // first result of that check (a site check reported on its start URL). `chosen` holds one
  // result per id, so it is searched one by one (no more entries than the ruleset has graded checks).
  std::vector<const ReportedResult*> graded;
  for (const ReportedResult& r : results)
    if (r.observatory) graded.push_back(&r);
  std::vector<const ReportedResult*> chosen;
  const auto is_chosen = [&chosen](std::string_view id) {
    for (const ReportedResult* c : chosen)
      if (c->result.id == id) return true;
    return false;
  };
  for (int pass = 0; pass < 3; ++pass) {
    for (const ReportedResult* r : graded) {
      if (is_chosen(r->result.id)) continue;
      const bool on_page = r->result.page && *r->result.page == graded_page;
      const bool site = !r->result.page;
      if ((pass == 0 && on_page) || (pass == 1 && site) || pass == 2) chosen.push_back(r);
    }
  }
  int penalties = 0, bonuses = 0;
  Grade g;
  for (const ReportedResult* r : chosen) {
    const int m = r->observatory->modifier;
    (m < 0 ? penalties : bonuses) += m;
  }
  // Counted in the byte order of their ids.
  std::sort(chosen.begin(), chosen.end(),
            [](const ReportedResult* a, const ReportedResult* b) { return a->result.id < b->result.id; });
  for (const ReportedResult* r : chosen)
    g.counted.push_back(r->observatory->test + ":" + r->observatory->result + ":" + std::to_string(r->observatory->modifier));
  std::int64_t minimum = 90;
  if (const json::Value* obs = json::Find(ruleset.data(), "observatory"))
    minimum = json::GetInt(*obs, "minimum_score_for_extra_credit", 90);
  for (const std::string& id : ruleset.graded_rule_ids())
    if (!is_chosen(id)) g.uncounted.push_back(id);
  if (g.counted.empty()) {
    g.unavailable = "nothing-graded";
    return g;
  }
  int score = 100 + penalties;
  if (score >= minimum) score += bonuses;
  if (score < 0) score = 0;
  g.score = score;
  g.letter = GradeLetter(score, ruleset);
  return g;
}

Grade GradeOf(const AuditOutcome& outcome, const Ruleset& ruleset) {
  if (outcome.grade_unavailable.empty()) return ComputeGrade(outcome.results, outcome.graded_page, ruleset);
  Grade g;
  g.unavailable = outcome.grade_unavailable;
  g.uncounted = ruleset.graded_rule_ids();
  return g;
}

std::string UngradedReason(const std::string& code, const char* lang, const Ruleset& ruleset) {
  const json::Value* obs = json::Find(ruleset.data(), "observatory");
  const json::Value* texts = obs ? json::Find(*obs, "ungraded") : nullptr;
  const json::Value* text = texts ? json::Find(*texts, code) : nullptr;
  const std::string* t = text ? json::FindString(*text, lang) : nullptr;
  return t ? *t : code;
}

}  // namespace portal_check
