// The report-writing boundary: every string of an AuditOutcome that can hold evidence passes
// through the SecretRedactor before the report JSON and SARIF are rendered from it.
#ifndef PORTAL_CHECK_REPORT_OUTCOME_REDACTION_H_
#define PORTAL_CHECK_REPORT_OUTCOME_REDACTION_H_

#include "scoring/reported_result.h"
#include "report/secret_redaction.h"

namespace portal_check {

// Redacts in place: target, graded_page, pages and each result's page (RedactUrlField); each
// result's details and the profile sections (RedactJson: every string through RedactText); each
// notice's message (RedactText). Check ids, outcomes, severities, versions and counts stay. SARIF's
// locations, messages and fingerprints are made from these fields, so they are redacted too.
// Redacting is deterministic, so the graded page still equals its result's page.
void RedactOutcome(AuditOutcome& outcome, SecretRedactor& redactor);

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_OUTCOME_REDACTION_H_
