// form.credentials-in-get: a form holding a password, a citizen-id (CCCD/CMND, passport), an OTP
// or a payment-card field that submits with GET puts the secret in the URL (browser history,
// proxy and server logs, Referer). The method defaults to GET when absent or invalid; a submit
// button's formmethod=get counts too. Fields are classified by SensitiveFieldMatcher (data list
// "sensitive-fields").
// Outcomes: ok (every such form posts), get-credentials; not-applicable without such a form.
#include <memory>

#include "checks/audit_context.h"
#include "checks/support/form_common.h"

namespace portal_check {
namespace {

class CredentialsInGet : public FormCheck {
 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    const SensitiveFieldMatcher& sensitive = ctx.Compiled(&BuildSensitiveFieldMatcher);
    CheckResult r = PageResult(view);
    DetailList in_get, posted;
    for (const FormView& form : forms.forms) {
      DetailList fields;
      for (const FormField& f : form.fields) {
        const std::string_view kind = f.IsPassword() ? std::string_view("password") : sensitive.Kind(f);
        if (kind.empty() || fields.size() >= kMaxListedFields) continue;
        fields.Add(FieldKindSummary(f, kind));
      }
      if (fields.empty()) continue;
      Details summary = FormSummary(form);
      summary.Set("fields", std::move(fields));
      AppendCapped(form.SubmitsWith("get") ? in_get : posted, std::move(summary));
    }
    if (in_get.empty() && posted.empty()) {
      out.Emit(NotApplicable(view, "no form with a password, citizen-id, OTP or card field"));
      return;
    }
    r.outcome = in_get.empty() ? "ok" : "get-credentials";
    r.details.Set("get_forms", std::move(in_get));
    r.details.Int("post_forms", static_cast<std::int64_t>(posted.size()));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormCredentialsInGetCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormCredentialsInGetCheck{"form.credentials-in-get", CheckInput::kWebPages, &MakeCheck<CredentialsInGet>};

}  // namespace portal_check
