// The Observatory-compatible header grade (CHECKS.md "Header grade").
#ifndef PORTAL_CHECK_REPORT_GRADE_H_
#define PORTAL_CHECK_REPORT_GRADE_H_

#include <string>
#include <vector>

#include "engine/ruleset.h"
#include "report/reported_result.h"

namespace portal_check {

struct Grade {
  int score = 0;                 // 0 and up (bonuses can pass 100)
  std::string letter;            // "A+" … "F"
  std::vector<std::string> counted;  // "test:result:modifier" of each counted result, in id order
  // False when no graded result was counted (no page in the evidence): then there is no grade,
  // rather than the 100 an empty sum would give.
  bool graded() const { return !counted.empty(); }
};

// Computes the grade as the Observatory does: start at 100, add every penalty, add the bonuses
// only when the penalised score is at least data/observatory.json's minimum_score_for_extra_credit
// (90), floor at 0, then band the score rounded down to a multiple of 5. Counted: for each graded
// check, its result on `graded_page`, else its site-level result; results without an Observatory
// part do not count.
Grade ComputeGrade(const std::vector<ReportedResult>& results, const std::string& graded_page, const Ruleset& ruleset);

// The letter for a score, from data/observatory.json's bands.
std::string GradeLetter(int score, const Ruleset& ruleset);

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_GRADE_H_
