// Helpers shared by the form.* checks (form_<name>.cc): their base class, the page's form views
// and the JSON summaries their details carry.
#ifndef PORTAL_CHECK_CHECKS_SUPPORT_FORM_COMMON_H_
#define PORTAL_CHECK_CHECKS_SUPPORT_FORM_COMMON_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "checks/check.h"
#include "normalize/form_model.h"
#include "util/json.h"

namespace portal_check {

// Caps on what details list (the counts are always complete).
constexpr std::size_t kMaxListedForms = 20;
constexpr std::size_t kMaxListedFields = 20;

// The form views of the page of `view`, built once per view (checks/support/page_derived.h).
// REQUIRES: view.page != nullptr.
const PageForms& FormsOf(const ExchangeView& view);

// True when the page has no form and no form field: form checks report not-applicable.
bool HasNoFormControls(const PageForms& forms);

// {"form": index, "action": resolved URL (or the raw attribute when unresolvable, "" without
// either), "method": "get"/"post"/"dialog"}, every string text::SafeUtf8'd.
Details FormSummary(const FormView& form);

// A URL or site string made safe for details.
std::string SafeUrl(const Url& url);

// FormSummary(form) plus {"target": SafeUrl(target)}: a form and one place it submits to.
Details TargetSummary(const FormView& form, const Url& target);

// FormField::Shown() made safe for details (text::SafeUtf8, 128 bytes).
std::string ShownName(const FormField& field);

// {"name": ShownName(field), "kind": kind}: a sensitive field and its kind.
Details FieldKindSummary(const FormField& field, std::string_view kind);

// Calls fn(field, form) for every field of the page: those of each form in document order with
// `form` pointing at their form, then the loose ones with form == nullptr.
template <typename Fn>
void ForEachField(const PageForms& forms, Fn fn) {
  for (const FormView& form : forms.forms)
    for (const FormField& f : form.fields) fn(f, &form);
  for (const FormField& f : forms.loose) fn(f, static_cast<const FormView*>(nullptr));
}

// A not-applicable result with `reason` about the page of `view`.
CheckResult NotApplicable(const ExchangeView& view, std::string reason);

// The base of the form.* checks: builds the form views of each page once and hands them to
// Judge(). A form check's descriptor declares CheckInput::kWebPages (parsed pages with an http(s)
// URL): OnExchange relies on it.
class FormCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) final;

 protected:
  // What a page without any form or form field gets (HasNoFormControls).
  enum class WithoutControls {
    kJudge,          // judged like any other page (the check decides itself)
    kNotApplicable,  // not-applicable "no form or form field on the page", and no Judge()
  };
  explicit FormCheck(WithoutControls without_controls = WithoutControls::kJudge) : without_controls_(without_controls) {}

  // Judges the page of `view` (view.page != nullptr, view.url an http(s) URL) given its `forms`.
  virtual void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) = 0;

 private:
  WithoutControls without_controls_;
};

// Appends `item` to `list` unless it already holds kMaxListedForms items.
void AppendCapped(DetailList& list, const Details& item, std::size_t cap = kMaxListedForms);

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_SUPPORT_FORM_COMMON_H_
