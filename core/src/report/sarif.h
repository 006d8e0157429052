// The report as SARIF 2.1.0, for code-scanning dashboards. Only failing results become SARIF
// results. Every text from the audited site goes into `message.text` (plain text: SARIF viewers do
// not render it as markup); no `markdown` property is ever written.
#ifndef PORTAL_CHECK_REPORT_SARIF_H_
#define PORTAL_CHECK_REPORT_SARIF_H_

#include <cstddef>
#include <functional>
#include <string>
#include <string_view>

#include "ruleset/ruleset.h"
#include "scoring/reported_result.h"

namespace portal_check {

std::string RenderSarif(const AuditOutcome& outcome, const Ruleset& ruleset);
// The same bytes handed to sink(piece) in pieces of at most piece_bytes (see WriteInPieces).
void WriteSarifInPieces(const AuditOutcome& outcome, const Ruleset& ruleset, std::size_t piece_bytes,
                        const std::function<void(std::string_view)>& sink);

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_SARIF_H_
