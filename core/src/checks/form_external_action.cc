// form.external-action: forms that submit to another registrable domain (Url::SameSite with the
// page URL, Public Suffix List). Common and harmless for search boxes and payment gateways
// (external, info), a phishing indicator when the form holds a password (external-credentials):
// a defaced portal whose login posts to an attacker's host.
// Outcomes: same-site, external, external-credentials; not-applicable without forms with an
// http(s) target.
#include <memory>

#include "checks/support/form_common.h"

namespace portal_check {
namespace {

class ExternalAction : public FormCheck {
 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    CheckResult r = PageResult(view);
    DetailList external;
    std::size_t targets = 0;
    bool credentials = false;
    for (const FormView& form : forms.forms) {
      for (const Url* target : form.Targets()) {
        if (!target->IsHttpOrHttps()) continue;
        ++targets;
        if (target->SameSite(*view.url)) continue;
        credentials = credentials || form.HasPassword();
        Details o = TargetSummary(form, *target);
        o.Str("target_site", target->Site());
        o.Bool("password", form.HasPassword());
        AppendCapped(external, std::move(o));
      }
    }
    if (targets == 0) {
      out.Emit(NotApplicable(view, "no form submitting over http(s)"));
      return;
    }
    r.outcome = external.empty() ? "same-site" : credentials ? "external-credentials" : "external";
    r.details.Str("page_site", view.url->Site());
    r.details.Set("external", std::move(external));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormExternalActionCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormExternalActionCheck{"form.external-action", CheckInput::kWebPages, &MakeCheck<ExternalAction>};

}  // namespace portal_check
