#include "checks/support/form_common.h"

#include <utility>

#include "checks/support/page_derived.h"
#include "evidence/limits.h"
#include "util/text.h"

namespace portal_check {

const PageForms& FormsOf(const ExchangeView& view) { return SharedPageForms(view); }

bool HasNoFormControls(const PageForms& forms) { return forms.forms.empty() && forms.loose.empty(); }

std::string SafeUrl(const Url& url) { return text::SafeUtf8(url.href(), limits::kMaxUrlBytes); }

json::Object FormSummary(const FormView& form) {
  json::Object o;
  o["form"] = json::Int(form.form);
  if (form.action) {
    o["action"] = json::Str(SafeUrl(*form.action));
  } else {
    o["action"] = json::Str(text::SafeUtf8(form.action_attr.value_or(""), limits::kMaxUrlBytes));
  }
  o["method"] = json::Str(form.method);
  return o;
}

json::Object TargetSummary(const FormView& form, const Url& target) {
  json::Object o = FormSummary(form);
  o["target"] = json::Str(SafeUrl(target));
  return o;
}

std::string ShownName(const FormField& field) { return text::SafeUtf8(field.Shown(), 128); }

json::Object FieldKindSummary(const FormField& field, std::string_view kind) {
  json::Object o;
  o["name"] = json::Str(ShownName(field));
  o["kind"] = json::Str(kind);
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

void AppendCapped(json::Array& list, json::Object item, std::size_t cap) {
  if (list.size() < cap) list.push_back(json::Value(std::move(item)));
}

}  // namespace portal_check
