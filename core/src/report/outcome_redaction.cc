#include "report/outcome_redaction.h"

#include <unordered_map>

namespace portal_check {
namespace {

// Results with equal details share one text (util/shared_text.h), and each text is redacted once:
// its answer is reused while the redactor knows exactly the secrets it knew when the answer was
// made, and only when making it taught the redactor nothing (RedactUrl remembers what it
// replaces, and a secret learnt partway through a text can change the answer for that same text).
// Otherwise the text is redacted again, as every result's details were before they were shared.
class DetailsRedaction {
 public:
  explicit DetailsRedaction(SecretRedactor& redactor) : redactor_(redactor) {}

  SharedText operator()(const SharedText& details) {
    if (!redactor_.MayChangeJsonText(details)) return details;  // (it also teaches nothing)
    Answer& answer = answers_[details.identity()];
    if (answer.reusable && answer.secrets == redactor_.secret_count()) return answer.redacted;
    const std::size_t before = redactor_.secret_count();
    std::string text = details.str();
    redactor_.RedactChangeableJsonTextInPlace(text);  // (MayChangeJsonText said true above)
    answer.original = details;  // kept alive, so that its address names it and no other text
    answer.redacted = text == details.str() ? details : SharedText(std::move(text));
    answer.secrets = redactor_.secret_count();
    answer.reusable = answer.secrets == before;
    return answer.redacted;
  }

 private:
  struct Answer {
    SharedText original;
    SharedText redacted;
    std::size_t secrets = 0;
    bool reusable = false;
  };
  SecretRedactor& redactor_;
  std::unordered_map<const std::string*, Answer> answers_;  // by SharedText::identity()
};

}  // namespace

void RedactOutcome(AuditOutcome& outcome, SecretRedactor& redactor) {
  outcome.target = redactor.RedactUrlField(outcome.target);
  outcome.graded_page = redactor.RedactUrlField(outcome.graded_page);
  for (std::string& page : outcome.pages) page = redactor.RedactUrlField(page);
  DetailsRedaction redact_details(redactor);
  for (ReportedResult& r : outcome.results) {
    if (r.result.page) r.result.page = redactor.RedactUrlField(*r.result.page);
    r.result.details = redact_details(r.result.details);
  }
  for (Notice& n : outcome.notices) n.message = redactor.RedactText(n.message);
  for (auto& [id, section] : outcome.profiles) redactor.RedactJson(section);
}

}  // namespace portal_check
