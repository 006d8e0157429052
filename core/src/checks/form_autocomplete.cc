// form.autocomplete: sensitive fields (payment card, citizen id CCCD/CMND/passport, one-time
// code; SensitiveFieldMatcher, data list "sensitive-fields") carry an autocomplete token that
// fits them, so browsers neither store nor offer them on a shared computer: "off" for any, cc-*
// for card fields, one-time-code for OTP fields. A field without its own attribute inherits its
// form's autocomplete=off.
// Outcomes: ok, sensitive-autofill (info); not-applicable without sensitive fields.
#include <memory>

#include "checks/audit_context.h"
#include "checks/support/form_common.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

// The last token of an autocomplete value ("section-a shipping cc-number" → "cc-number").
std::string LastToken(std::string_view value) {
  const std::vector<std::string_view> tokens = text::SplitWhitespace(value);
  return tokens.empty() ? std::string() : text::Lower(tokens.back());
}

// The token a field without its own autocomplete attribute inherits from `form` ("" for none).
std::string FormDefault(const FormView& form, const PageModel& page) {
  const std::string* ac = page.elements()[static_cast<std::size_t>(form.element)].Attr("autocomplete");
  return ac ? LastToken(*ac) : std::string();
}

bool Fits(std::string_view kind, const std::string& token) {
  if (token == "off") return true;
  if (kind == "card") return token.rfind("cc-", 0) == 0;
  if (kind == "otp") return token == "one-time-code";
  return false;
}

class Autocomplete : public FormCheck {
 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    const SensitiveFieldMatcher& sensitive = ctx.Compiled(&BuildSensitiveFieldMatcher);
    DetailList autofill;
    std::size_t total = 0, bad = 0;
    ForEachField(forms, [&](const FormField& f, const FormView* form) {
      const std::string_view kind = sensitive.Kind(f);
      if (kind.empty()) return;
      ++total;
      const std::string token = !f.autocomplete.empty() ? LastToken(f.autocomplete)
                                : form                 ? FormDefault(*form, *view.page)
                                                       : std::string();
      if (Fits(kind, token)) return;
      ++bad;
      Details o = FieldKindSummary(f, kind);
      o.Set("autocomplete", f.autocomplete.empty() ? json::Value() : json::Str(text::SafeUtf8(f.autocomplete, 128)));
      AppendCapped(autofill, std::move(o), kMaxListedFields);
    });
    if (total == 0) {
      out.Emit(NotApplicable(view, "no card, citizen-id or OTP field on the page"));
      return;
    }
    CheckResult r = PageResult(view);
    r.outcome = bad == 0 ? "ok" : "sensitive-autofill";
    r.details.Int("sensitive_fields", static_cast<std::int64_t>(total));
    r.details.Set("autofill", std::move(autofill));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormAutocompleteCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormAutocompleteCheck{"form.autocomplete", CheckInput::kWebPages, &MakeCheck<Autocomplete>};

}  // namespace portal_check
