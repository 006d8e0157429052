// Turns an emitted CheckResult into what the audit keeps until the report: joined with its rule,
// details rendered to compact text. Done once per result as it is emitted.
#ifndef PORTAL_CHECK_SCORING_RESULT_JOIN_H_
#define PORTAL_CHECK_SCORING_RESULT_JOIN_H_

#include "checks/check.h"
#include "ruleset/ruleset.h"
#include "scoring/reported_result.h"

namespace portal_check {

// Joins `r` with its rule in `ruleset`: pass, severity and, for graded checks, the Observatory
// part (r.observatory_result when set, else the rule's). An outcome without a row in the ruleset
// becomes "error", with details.message saying which outcome had none. The details (their strings
// already valid UTF-8: checks/details.h) are kept as compact JSON text: the pool's copy of that
// text when `details_pool` is given (results with equal details share it).
// REQUIRES: ruleset lists r.id (so its "error" row exists); r.page, if any, is already safe.
ReportedResult JoinResult(CheckResult r, const Ruleset& ruleset, TextPool* details_pool = nullptr);
// The same for a caller that has already looked up r.id's rule and r.outcome's row: `entry` is
// ruleset.Entry(r.id) (nullptr when none) and `row` entry's row for r.outcome (or the engine-wide
// row), never nullptr.
ReportedResult JoinResult(CheckResult r, const Ruleset::RuleEntry* entry, const OutcomeRule& row,
                          const Ruleset& ruleset, TextPool* details_pool);

}  // namespace portal_check

#endif  // PORTAL_CHECK_SCORING_RESULT_JOIN_H_
