// The Observatory-compatible header grade (docs/report.md "Header grade").
#ifndef PORTAL_CHECK_SCORING_GRADE_H_
#define PORTAL_CHECK_SCORING_GRADE_H_

#include <string>
#include <vector>

#include "ruleset/ruleset.h"
#include "scoring/reported_result.h"

namespace portal_check {

struct Grade {
  int score = 0;                 // 0 and up (bonuses can pass 100)
  std::string letter;            // "A+" … "F"
  std::vector<std::string> counted;  // "test:result:modifier" of each counted result, in id order
  // The graded checks that had no counted result (not-captured, error, ...): the grade says
  // nothing about them. In ruleset order.
  std::vector<std::string> uncounted;
  // Why there is no grade ("" when there is one): AuditOutcome::grade_unavailable, or
  // "nothing-graded" when no graded result was counted.
  std::string unavailable;
  bool graded() const { return unavailable.empty(); }
};

// Computes the grade as the Observatory does: start at 100, add every penalty, add the bonuses
// only when the penalised score is at least data/observatory.json's minimum_score_for_extra_credit
// (90), floor at 0, then band the score rounded down to a multiple of 5. Counted: for each graded
// check, its result on `graded_page`, else its site-level result; results without an Observatory
// part do not count.
Grade ComputeGrade(const std::vector<ReportedResult>& results, const std::string& graded_page, const Ruleset& ruleset);

// The report's grade: ComputeGrade on the outcome's graded page, or no grade (score 0, letter "")
// with the reason when outcome.grade_unavailable is set.
Grade GradeOf(const AuditOutcome& outcome, const Ruleset& ruleset);

// The text ("en" or "vi") of rules/data/observatory.json "ungraded" for a Grade::unavailable
// code; the code itself when the ruleset has no text for it.
std::string UngradedReason(const std::string& code, const char* lang, const Ruleset& ruleset);

// The letter for a score, from data/observatory.json's bands.
std::string GradeLetter(int score, const Ruleset& ruleset);

}  // namespace portal_check

#endif  // PORTAL_CHECK_SCORING_GRADE_H_
