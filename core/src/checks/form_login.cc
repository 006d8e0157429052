// form.login: whether the page holds a login form, for the profiles (authentication over https,
// MFA as a self-declared item). A login form is a form with exactly one password field; the
// user field is the first text/email/tel data-entry field before it. Forms with two or more
// password fields (registration, password change) are listed with kind "password-change".
// Decision: `found` is pass=false with severity info (a review item: the profile then asks for
// the authentication declarations), so the rule has failing cases; `none` passes.
// Outcomes: found, none (every parsed page gets one of them).
#include <memory>

#include "checks/support/form_common.h"

namespace portal_check {
namespace {

class Login : public FormCheck {
 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    DetailList found;
    for (const FormView& form : forms.forms) {
      std::size_t passwords = 0;
      const FormField* user = nullptr;
      for (const FormField& f : form.fields) {
        if (f.IsPassword()) {
          ++passwords;
        } else if (passwords == 0 && user == nullptr &&
                   (f.type == "text" || f.type == "email" || f.type == "tel" || f.type == "number")) {
          user = &f;
        }
      }
      if (passwords == 0) continue;
      Details o = FormSummary(form);
      o.Str("kind", passwords == 1 ? "login" : "password-change");
      o.Set("user_field", user ? json::Str(ShownName(*user)) : json::Value());
      AppendCapped(found, std::move(o));
    }
    CheckResult r = PageResult(view);
    r.outcome = found.empty() ? "none" : "found";
    r.details.Bool("https", view.url->IsHttps());
    r.details.Set("login_forms", std::move(found));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormLoginCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormLoginCheck{"form.login", CheckInput::kWebPages, &MakeCheck<Login>};

}  // namespace portal_check
