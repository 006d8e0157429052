// Criteria profiles (rules/profiles/<id>.json, docs/report.md "Profiles"): turn the joined check
// results and the applicant's declarations into one status per criterion.
//
// Status of a criterion (checked in this order; the first rule that holds wins):
//   1. not-met            some result of a listed check *fails* (see Effect below), or a needed
//                         declaration is declared false. Observed evidence is never overridden by
//                         a declaration: a failing check stays not-met whatever is declared.
//   2. not-assessed       some listed check is *inconclusive*: not-captured, error, not run by
//                         this ruleset at all ("not-run"), or without any result ("no-result").
//                         No declaration can stand in for evidence the audit could not see.
//   3. needs-declaration  a needed declaration is absent: the applicant must attest it in the
//                         checklist.
//   4. not-applicable     no listed check has a passing result and the criterion needs no
//                         declaration (e.g. no form collects personal data).
//   5. met                everything else: every listed check that applied passed on captured
//                         evidence, and every needed declaration is declared true.
// Reports word "met" as Decree 331/2026/ND-CP Art. 22(6) does: "đã đáp ứng đầy đủ" (fully met);
// not-met, not-assessed and needs-declaration are all "chưa đáp ứng đầy đủ" (not fully met), with
// the reason.
// Effect of one result on a criterion:
//   not-applicable                     → ignored (no evidence either way)
//   not-captured, error                → inconclusive (the check applied but could not see); a
//                                        listed check with no result at all is inconclusive too
//   outcome listed in check_outcomes   → fails (whatever the rule's pass flag says: lets a profile
//                                        count an info-level outcome such as site.admin-exposure
//                                        "exposed")
//   check has check_outcomes, outcome
//   not listed: passing → passes, failing → ignored (e.g. only page.third-party
//                                        "malicious-host" counts; security.txt "missing" does not
//                                        count against the label's contact criterion when a
//                                        contact page exists)
//   otherwise                          → the rule's pass flag: passes or fails. Severity does not
//                                        matter (an info-severity failing outcome is still a
//                                        failure of that check; a profile that wants it ignored
//                                        says so with check_outcomes).
// A grade criterion (min_grade) is met when the header grade is at least that letter, not-met
// otherwise, not-applicable when no page was graded; its findings are the listed checks' results
// on the graded page (and site-level ones).
#ifndef PORTAL_CHECK_SCORING_PROFILE_H_
#define PORTAL_CHECK_SCORING_PROFILE_H_

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/ruleset.h"
#include "portal_check/status.h"
#include "scoring/reported_result.h"
#include "util/json.h"

namespace portal_check {

// One self-declared item as the applicant answered it.
struct Declaration {
  bool value = false;
  std::string note;  // free text (valid UTF-8, at most kMaxDeclarationNoteBytes)
};
using Declarations = std::map<std::string, Declaration>;  // by declaration id

inline constexpr std::size_t kMaxDeclarationsBytes = 1 << 20;
inline constexpr std::size_t kMaxDeclarationNoteBytes = 2000;
inline constexpr std::size_t kMaxFindingsPerCriterion = 50;
// Every criterion status, in the order of the rules above.
inline constexpr const char* kCriterionStatuses[] = {"not-met", "not-assessed", "needs-declaration", "not-applicable", "met"};

// Parses a declarations file (rules/schema/declarations.schema.json): {"version": 1,
// "organization"?: {…}, "declarations": {id: {"value": bool, "note"?: string}}, "$schema"?}.
// Every id must be in the ruleset's declarations catalogue. Empty text → no declarations.
// Errors: kInvalidArgument, message starting "declarations: " and naming the first problem
// (not JSON, over kMaxDeclarationsBytes, wrong version, unknown member or id, value not boolean).
StatusOr<Declarations> ParseDeclarations(std::string_view text, const Ruleset& ruleset);

// Checks the shape evaluation relies on: criteria is a non-empty array; each criterion has a
// unique string id, string arrays checks and declarations (every declaration in the catalogue),
// check_outcomes (if any) an object of string arrays, min_grade (if any) a letter of the grade
// bands; sources and covers as scoring/profile_sources.h describes. Errors: kInvalidArgument
// "profile '<id>': …".
Status ValidateProfile(std::string_view id, const json::Value& profile, const Ruleset& ruleset);

enum class Effect { kFails, kInconclusive, kPasses };
const char* EffectName(Effect e);  // "fails" | "inconclusive" | "passes"

// A result behind a criterion's status.
struct Finding {
  std::string check;
  std::string outcome;              // the result's outcome, "not-run" (check not in the ruleset) or
                                    // "no-result" (the check reported nothing)
  std::optional<std::string> page;  // nullopt = site-level
  Effect effect = Effect::kPasses;
};

struct DeclarationState {
  std::string id;
  std::optional<bool> value;  // nullopt = not declared
  std::string note;
};

struct CriterionResult {
  std::string id;
  std::string status;               // met | not-met | not-assessed | needs-declaration |
                                    // not-applicable
  std::vector<std::string> checks;  // as listed in the profile
  std::vector<Finding> findings;    // fails first, then inconclusive, then passes; each group in
                                    // report order (check id, then page)
  std::size_t findings_omitted = 0; // findings beyond kMaxFindingsPerCriterion (the least telling)
  std::vector<DeclarationState> declarations;
  std::optional<std::string> min_grade;  // grade criteria only
  json::Value sources;              // the citations as the report shows them (CitationsJson)
};

// What a profile is evaluated against.
struct ProfileInputs {
  const std::vector<ReportedResult>& results;  // joined, sorted by id then page
  const Declarations& declarations;
  const Ruleset& ruleset;                      // which checks ran; grade bands
  std::string graded_page;                     // "" when no page was graded
  int grade_score = 0;
};

// Evaluates every criterion of `profile`, in the profile's order.
// REQUIRES: ValidateProfile(…, profile, inputs.ruleset) succeeded.
std::vector<CriterionResult> EvaluateProfile(const json::Value& profile, const ProfileInputs& inputs);

// The report's section for one profile: {"criteria": [{id, status, checks, findings: [{check,
// outcome, page, effect}], declarations: [{id, value (bool or null), note?}], findings_omitted?,
// min_grade?, sources: [{clause: {en, vi}, document, law, status, url}]}], "summary": {met,
// not-met, not-assessed, needs-declaration, not-applicable}}.
json::Value ProfileSectionJson(const std::vector<CriterionResult>& criteria);

}  // namespace portal_check

#endif  // PORTAL_CHECK_SCORING_PROFILE_H_
