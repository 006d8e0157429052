// form.insecure-action: where forms submit. From an https page, a form action or a submit
// button's formaction resolving to http:// sends the data in clear (downgrade; ZAP 10042). On an
// http page, a form posting to https protects nothing: the page that holds it can be altered in
// transit (http-page-https-form; ZAP 10041's companion). Actions resolve against <base href>;
// non-http(s) actions (javascript:, mailto:) are ignored.
// Outcomes: ok, downgrade, http-page-https-form; not-applicable without forms.
#include <memory>

#include "checks/support/form_common.h"

namespace portal_check {
namespace {

class InsecureAction : public FormCheck {
 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    CheckResult r = PageResult(view);
    if (forms.forms.empty()) {
      out.Emit(NotApplicable(view, "no form on the page"));
      return;
    }
    const bool https_page = view.url->IsHttps();
    DetailList flagged;
    std::size_t count = 0;
    for (const FormView& form : forms.forms) {
      for (const Url* target : form.Targets()) {
        const bool bad = https_page ? target->IsHttp() : target->IsHttps();
        if (!bad) continue;
        ++count;
        Details o = TargetSummary(form, *target);
        o.Str("source", target == (form.action ? &*form.action : nullptr) ? "action" : "formaction");
        AppendCapped(flagged, std::move(o));
      }
    }
    r.outcome = count == 0 ? "ok" : https_page ? "downgrade" : "http-page-https-form";
    r.details.Str("page_scheme", view.url->scheme());
    r.details.Int("forms", static_cast<std::int64_t>(forms.forms.size()));
    r.details.Set(https_page ? "http_targets" : "https_targets", flagged);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormInsecureActionCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormInsecureActionCheck{"form.insecure-action", CheckInput::kWebPages, &MakeCheck<InsecureAction>};

}  // namespace portal_check
