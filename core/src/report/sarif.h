// The report as SARIF 2.1.0, for code-scanning dashboards. Only failing results become SARIF
// results. Every text from the audited site goes into `message.text` (plain text: SARIF viewers do
// not render it as markup); no `markdown` property is ever written.
#ifndef PORTAL_CHECK_REPORT_SARIF_H_
#define PORTAL_CHECK_REPORT_SARIF_H_

#include <string>

#include "ruleset/ruleset.h"
#include "scoring/reported_result.h"

namespace portal_check {

std::string RenderSarif(const AuditOutcome& outcome, const Ruleset& ruleset);

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_SARIF_H_
