// form.password-over-http: a page served over http that holds an <input type=password> (in a
// form or not: JavaScript logins read loose fields too). ZAP 10041's floor, broadened to any page.
// Outcomes: present (http page with a password field; fails, high), none (https page, or an http
// page without a password field); not-applicable for pages without any form control.
#include <memory>

#include "checks/support/form_common.h"

namespace portal_check {
namespace {

class PasswordOverHttp : public FormCheck {
 public:
  PasswordOverHttp() : FormCheck(WithoutControls::kNotApplicable) {}

 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    DetailList fields;
    std::size_t count = 0;
    ForEachField(forms, [&](const FormField& f, const FormView*) {
      if (!f.IsPassword()) return;
      ++count;
      if (fields.size() < kMaxListedFields) fields.Str(ShownName(f));
    });
    CheckResult r = PageResult(view);
    r.outcome = (count > 0 && view.url->IsHttp()) ? "present" : "none";
    r.details.Str("scheme", view.url->scheme());
    r.details.Set("password_fields", fields);
    r.details.Int("password_count", static_cast<std::int64_t>(count));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormPasswordOverHttpCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormPasswordOverHttpCheck{"form.password-over-http", CheckInput::kWebPages, &MakeCheck<PasswordOverHttp>};

}  // namespace portal_check
