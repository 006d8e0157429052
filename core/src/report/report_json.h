// The report as JSON (the contract in docs/report.md). Deterministic: the same
// AuditOutcome always gives the same bytes (sorted keys, results sorted by id then page, no time).
#ifndef PORTAL_CHECK_REPORT_REPORT_JSON_H_
#define PORTAL_CHECK_REPORT_REPORT_JSON_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "ruleset/ruleset.h"
#include "scoring/reported_result.h"

namespace portal_check {

// Top level: engine {name, version}, ruleset {version}, target, grade {counted, grade, page,
// reason (only without a grade), score, uncounted}, checks [...], pages [...], summary {entries,
// pages, failed {high, medium, low, info}}, notices [{code, entry, message}], and profiles {id:
// section} when the outcome has profile sections. Every member is described in docs/report.md.
std::string RenderReportJson(const AuditOutcome& outcome, const Ruleset& ruleset);
// The same bytes handed to sink(piece) in pieces of at most piece_bytes (see WriteInPieces).
void WriteReportJsonInPieces(const AuditOutcome& outcome, const Ruleset& ruleset, std::size_t piece_bytes,
                             const std::function<void(std::string_view)>& sink);

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_REPORT_JSON_H_
