#include "report/outcome_redaction.h"

namespace portal_check {

void RedactOutcome(AuditOutcome& outcome, SecretRedactor& redactor) {
  outcome.target = redactor.RedactUrlField(outcome.target);
  outcome.graded_page = redactor.RedactUrlField(outcome.graded_page);
  for (std::string& page : outcome.pages) page = redactor.RedactUrlField(page);
  for (ReportedResult& r : outcome.results) {
    if (r.result.page) r.result.page = redactor.RedactUrlField(*r.result.page);
    redactor.RedactJsonTextInPlace(r.result.details);
  }
  for (Notice& n : outcome.notices) n.message = redactor.RedactText(n.message);
  for (auto& [id, section] : outcome.profiles) redactor.RedactJson(section);
}

}  // namespace portal_check
