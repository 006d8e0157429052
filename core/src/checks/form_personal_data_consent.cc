// form.personal-data-consent (Decree 13/2023/ND-CP; Tín Nhiệm Mạng label criterion 1): a form
// that collects personal data — at least kMinPersonalDataFields fields PersonalDataMatcher
// recognises, the same count header.cache-control uses — shows either
//   * a consent checkbox: its label (FormField::label) holds a phrase of data list
//     "consent-phrases" "labels", or its name/id one of its "names"; or
//   * a link to a privacy policy near the form (data list "privacy-phrases": link_text in the
//     link's text or title, href_parts in its href; all folded with vietnamese::FoldForMatch):
//     inside the form, inside the form's parent container (not <body>/<html>, at most
//     kMaxContainer elements), or within kNearElements elements before or after the form.
// A footer policy link elsewhere on the page is page.privacy-policy's business, not consent.
// Look-up forms (decided) are not judged: a search of a public register (a tax-number look-up by
// name, address and ID number) or of the site sends search criteria, it does not collect the
// visitor's personal data. A form is a look-up when it has role="search" or a type=search field,
// or when a phrase of data list "personal-data-fields" "lookup_phrases" (folded) is in its action
// attribute, its name or id, the text or value of its submit buttons, a heading or legend inside
// it, or the last heading (h1–h6) before it. They are counted in "lookup_forms".
// Outcomes: consented, no-consent; not-applicable without a personal-data form that is not a
// look-up.
#include <algorithm>
#include <memory>
#include <optional>

#include "checks/support/form_common.h"
#include "checks/support/page_links.h"
#include "checks/audit_context.h"
#include "normalize/page_model.h"
#include "util/text.h"
#include "util/vietnamese.h"

namespace portal_check {

using namespace std::string_view_literals;  // tag and attribute names compare size first
namespace {

constexpr std::size_t kNearElements = 12;
constexpr std::size_t kMaxContainer = 300;

std::vector<std::string> Folded(std::vector<std::string> v, bool field_names) {
  for (std::string& s : v) s = field_names ? FoldFieldName(s) : vietnamese::FoldForMatch(s);
  return v;
}

// The folded consent phrases ("consent-phrases" labels and names) and look-up phrases
// ("personal-data-fields" lookup_phrases) of the data (read once per ruleset through Compiled).
struct ConsentPhrases {
  std::vector<std::string> labels, names, lookup;
};
ConsentPhrases BuildConsentPhrases(const DataLists& lists) {
  return ConsentPhrases{Folded(lists.DataStrings("consent-phrases", "labels"), false),
                        Folded(lists.DataStrings("consent-phrases", "names"), true),
                        Folded(lists.DataStrings("personal-data-fields", "lookup_phrases"), false)};
}

class ConsentFinder {
 public:
  ConsentFinder(const PageModel& page, const ConsentPhrases& phrases, const page_links::PrivacyPhrases& privacy)
      : page_(page), parent_(ParentIndices(page)), phrases_(phrases), privacy_(privacy) {}

  // Records in `o` how `form` asks for consent ("consent": "checkbox" / "privacy-link", and the
  // control); returns false when it does not.
  bool Find(const FormView& form, Details& o) const {
    for (const FormField& f : form.fields) {
      if (f.type != "checkbox") continue;
      if (MatchesAny(f.label, phrases_.labels) || MatchesAny(FoldFieldName(f.name), phrases_.names) ||
          MatchesAny(FoldFieldName(f.id), phrases_.names)) {
        o.Str("consent", "checkbox");
        o.Str("control", ShownName(f));
        return true;
      }
    }
    const std::size_t start = static_cast<std::size_t>(form.element);
    const std::size_t end = SubtreeEnd(page_, start);
    std::size_t from = start >= kNearElements ? start - kNearElements : 0;
    std::size_t to = std::min(page_.elements().size(), end + kNearElements);
    const int p = parent_[start];
    if (p >= 0) {
      const HtmlElement& c = page_.elements()[static_cast<std::size_t>(p)];
      const std::size_t c_end = SubtreeEnd(page_, static_cast<std::size_t>(p));
      if (c.tag != "body"sv && c.tag != "html"sv && c_end - static_cast<std::size_t>(p) <= kMaxContainer) {
        from = std::min(from, static_cast<std::size_t>(p));
        to = std::max(to, c_end);
      }
    }
    for (std::size_t i = from; i < to; ++i) {
      const HtmlElement& a = page_.elements()[i];
      if (a.tag != "a"sv || !IsPolicyLink(a)) continue;
      const std::string* href = a.Attr("href");
      o.Str("consent", "privacy-link");
      o.Str("control", href ? *href : a.text, 256);
      return true;
    }
    return false;
  }

 private:
  bool IsPolicyLink(const HtmlElement& a) const {
    if (MatchesAny(vietnamese::FoldForMatch(a.text), privacy_.link_text)) return true;
    if (const std::string* t = a.Attr("title"); t && MatchesAny(vietnamese::FoldForMatch(*t), privacy_.link_text)) return true;
    const std::string* href = a.Attr("href");
    return href && MatchesAny(vietnamese::FoldForMatch(*href), privacy_.href_parts);
  }

  const PageModel& page_;
  std::vector<int> parent_;
  const ConsentPhrases& phrases_;
  const page_links::PrivacyPhrases& privacy_;
};

bool IsHeading(const HtmlElement& e) {
  const std::string& t = e.tag;
  return t.size() == 2 && t[0] == 'h' && t[1] >= '1' && t[1] <= '6';
}

// Whether `form` is a look-up form (see the top of this file). `heading_before` is the index of
// the last heading element before the form, or -1.
bool IsLookupForm(const FormView& form, const PageModel& page, int heading_before,
                  const std::vector<std::string>& phrases) {
  const std::vector<HtmlElement>& els = page.elements();
  const HtmlElement& f = els[static_cast<std::size_t>(form.element)];
  if (const std::string* role = f.Attr("role"); role && text::EqualsIgnoreCase(text::Trim(*role), "search")) return true;
  for (const FormField& field : form.fields)
    if (field.type == "search") return true;
  auto says = [&phrases](std::string_view s) { return MatchesAny(vietnamese::FoldForMatch(s), phrases); };
  for (std::string_view attr : {"action", "name", "id"})
    if (const std::string* v = f.Attr(attr); v && says(*v)) return true;
  for (const FormSubmitter& b : form.submitters) {
    const HtmlElement& e = els[static_cast<std::size_t>(b.element)];
    if (says(e.text) || (e.Attr("value") && says(*e.Attr("value")))) return true;
  }
  const std::size_t end = SubtreeEnd(page, static_cast<std::size_t>(form.element));
  for (std::size_t i = static_cast<std::size_t>(form.element) + 1; i < end; ++i)
    if ((IsHeading(els[i]) || els[i].tag == "legend"sv) && says(els[i].text)) return true;
  return heading_before >= 0 && says(els[static_cast<std::size_t>(heading_before)].text);
}

// For each form of `forms` (in document order), the index of the last h1–h6 element before it, or -1.
std::vector<int> LastHeadingBefore(const PageModel& page, const PageForms& forms) {
  std::vector<int> out(forms.forms.size(), -1);
  int last = -1;
  std::size_t k = 0;
  const std::vector<HtmlElement>& els = page.elements();
  for (std::size_t i = 0; i < els.size() && k < out.size(); ++i) {
    while (k < out.size() && static_cast<std::size_t>(forms.forms[k].element) == i) out[k++] = last;
    if (IsHeading(els[i])) last = static_cast<int>(i);
  }
  return out;
}

class PersonalDataConsent : public FormCheck {
 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    const PersonalDataMatcher& personal = ctx.Compiled(&BuildPersonalDataMatcher);
    const ConsentPhrases& phrases = ctx.Compiled(&BuildConsentPhrases);
    std::optional<ConsentFinder> finder;
    const std::vector<int> heading_before = LastHeadingBefore(*view.page, forms);
    DetailList listed;
    std::size_t collecting = 0, missing = 0, lookups = 0;
    for (std::size_t k = 0; k < forms.forms.size(); ++k) {
      const FormView& form = forms.forms[k];
      std::size_t count = 0;
      std::vector<std::string> fields = personal.PersonalFields(form, kMaxListedFields, &count);
      if (count < kMinPersonalDataFields) continue;
      if (IsLookupForm(form, *view.page, heading_before[k], phrases.lookup)) {
        ++lookups;
        continue;
      }
      ++collecting;
      if (!finder) finder.emplace(*view.page, phrases, ctx.Compiled(&page_links::BuildPrivacyPhrases));
      Details o = FormSummary(form);
      DetailList names;
      for (std::string& f : fields) names.Str(f);
      o.Set("personal_fields", std::move(names));
      if (!finder->Find(form, o)) {
        ++missing;
        o.Set("consent", json::Value());
      }
      AppendCapped(listed, std::move(o));
    }
    if (collecting == 0) {
      CheckResult na = NotApplicable(view, lookups == 0 ? "no form collecting personal data"
                                                        : "no form collecting personal data (look-up forms only)");
      if (lookups > 0) na.details.Int("lookup_forms", static_cast<std::int64_t>(lookups));
      out.Emit(std::move(na));
      return;
    }
    CheckResult r = PageResult(view);
    r.outcome = missing == 0 ? "consented" : "no-consent";
    r.details.Set("forms", std::move(listed));
    r.details.Int("without_consent", static_cast<std::int64_t>(missing));
    if (lookups > 0) r.details.Int("lookup_forms", static_cast<std::int64_t>(lookups));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormPersonalDataConsentCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormPersonalDataConsentCheck{"form.personal-data-consent", CheckInput::kWebPages, &MakeCheck<PersonalDataConsent>};

}  // namespace portal_check
