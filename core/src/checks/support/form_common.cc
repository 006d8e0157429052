#include "checks/support/form_common.h"

#include <utility>

#include "checks/support/page_derived.h"
#include "evidence/limits.h"
#include "util/text.h"

namespace portal_check {

const PageForms& FormsOf(const ExchangeView& view) { return SharedPageForms(view); }

bool HasNoFormControls(const PageForms& forms) { return forms.forms.empty() && forms.loose.empty(); }

std::string SafeUrl(const Url& url) { return text::SafeUtf8(url.href(), limits::kMaxUrlBytes); }

Details FormSummary(const FormView& form) {
  Details o;
  o.Int("form", form.form);
  if (form.action) {
    o.Str("action", SafeUrl(*form.action));
  } else {
    o.Str("action", form.action_attr.value_or(""), limits::kMaxUrlBytes);
  }
  o.Str("method", form.method);
  return o;
}

Details TargetSummary(const FormView& form, const Url& target) {
  Details o = FormSummary(form);
  o.Str("target", SafeUrl(target));
  return o;
}

std::string ShownName(const FormField& field) { return text::SafeUtf8(field.Shown(), 128); }

Details FieldKindSummary(const FormField& field, std::string_view kind) {
  Details o;
  o.Str("name", ShownName(field));
  o.Str("kind", kind);
  return o;
}

CheckResult NotApplicable(const ExchangeView& view, std::string reason) {
  return ReasonResult("not-applicable", std::move(reason), view.exchange.url);
}

void FormCheck::OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) {
  const PageForms& forms = FormsOf(view);
  if (without_controls_ == WithoutControls::kNotApplicable && HasNoFormControls(forms)) {
    out.Emit(NotApplicable(view, "no form or form field on the page"));
    return;
  }
  Judge(view, forms, ctx, out);
}

void AppendCapped(DetailList& list, const Details& item, std::size_t cap) {
  if (list.size() < cap) list.Add(item);
}

}  // namespace portal_check
