// Per-form views over the page model, built once per page and read by the form.* checks and
// header.cache-control: each form's resolved action, method, fields (with their label text) and
// submit buttons, plus the field classifications (personal data, sensitive data) that several
// checks share. Reads the page model only; never parses HTML.
#ifndef PORTAL_CHECK_NORMALIZE_FORM_MODEL_H_
#define PORTAL_CHECK_NORMALIZE_FORM_MODEL_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/page_model.h"
#include "normalize/url.h"

namespace portal_check {

class DataLists;

// One form control: <input> (any type but submit/reset/button/image), <select> or <textarea>.
struct FormField {
  int element = -1;          // index into PageModel::elements()
  std::string type;          // input type lower-case ("text" when absent or empty); "select" / "textarea"
  std::string name, id;      // as written ("" when absent)
  std::string autocomplete;  // lower-case, trimmed ("" when absent)
  // Everything that labels the field, each part vietnamese::FoldForMatch'ed, joined by " | ":
  // the text of every <label for=id>, of a wrapping <label>, placeholder, aria-label, title.
  std::string label;
  // Visually hidden (HtmlElement::hidden: an inline or simple sheet style, the hidden attribute).
  bool hidden = false;

  bool IsPassword() const { return type == "password"; }
  // A field a visitor types or picks data into (not hidden/checkbox/radio/file/search/range/color).
  bool IsDataEntry() const;
  // name, else id, else the type: what reports show (not yet made safe).
  const std::string& Shown() const;
};

// A submit button (<button> of type submit, <input type=submit|image>) of a form.
struct FormSubmitter {
  int element = -1;
  std::optional<std::string> formaction;  // raw attribute value when present
  std::optional<Url> formaction_url;      // resolved formaction (nullopt when absent or unresolvable)
  std::optional<std::string> formmethod;  // normalised (see NormalizeFormMethod) when present
};

struct FormView {
  int form = -1;                  // index into PageModel::forms()
  int element = -1;               // index into PageModel::elements() of the <form>
  std::optional<std::string> action_attr;  // raw action attribute when present
  // The resolved action: the attribute against the document base URL; the page URL when the
  // attribute is absent or blank (what browsers submit to). nullopt without a page URL or when
  // the reference does not resolve.
  std::optional<Url> action;
  std::string method = "get";     // normalised method attribute (missing/invalid = "get")
  bool hidden = false;            // the <form> itself is visually hidden (HtmlElement::hidden)
  std::vector<FormField> fields;  // in document order, including those joined by form="id"
  std::vector<FormSubmitter> submitters;

  bool HasPassword() const;
  // True when the form can submit with `method` ("get"/"post"): its own method or a submit
  // button's formmethod.
  bool SubmitsWith(std::string_view method) const;
  // The resolved targets: action plus every resolvable formaction, in that order.
  std::vector<const Url*> Targets() const;
};

struct PageForms {
  std::vector<FormView> forms;      // in document order
  std::vector<FormField> loose;     // fields owned by no form (JavaScript-driven widgets)
};

// Builds the form views of `page`. `page_url` (the response URL) resolves actions; without it
// actions stay unresolved. Linear in the number of elements.
PageForms BuildPageForms(const PageModel& page, const std::optional<Url>& page_url);

// The document base URL: <base href> resolved against the page URL, else the page URL.
Url DocumentBase(const PageModel& page, const Url& page_url);

// "get", "post" or "dialog" for a method/formmethod value (ASCII case-insensitive, trimmed);
// anything else (including "") is "get", the HTML invalid-value default.
std::string NormalizeFormMethod(std::string_view value);

// Lower-case ASCII with identifier punctuation removed ('_', '-', '.', '[', ']', ' ', ':', '$'):
// "txtHo_Ten" → "txthoten", "ctl00$Main$txtCMND" → "ctl00maintxtcmnd".
std::string FoldFieldName(std::string_view s);

// Index of each element's parent element in PageModel::elements() (-1 for top-level ones).
std::vector<int> ParentIndices(const PageModel& page);
// One past the last element of the subtree rooted at `index` (elements are in document order).
std::size_t SubtreeEnd(const PageModel& page, std::size_t index);

// True when one of `needles` (FoldFieldName'd) occurs in FoldFieldName(name) starting at the
// start of a name token or ending at the end of one. Name tokens are split at the punctuation
// FoldFieldName removes, at lower-case → upper-case steps and between letters and digits:
// "txtHoTen" → txt|Ho|Ten, "_mc4wp_honeypot" → mc|4|wp|honeypot. So "hoten" matches "txthoten"
// (it ends the name) and "phone" matches "phoneNumber", but "phone" does not match inside
// "honeypot" (neither starts nor ends a token).
bool NameTokenMatches(std::string_view name, const std::vector<std::string>& needles);

// Fields that collect personal data (Decree 13/2023), from data list "personal-data-fields":
// "names" match FoldFieldName(name or id) by NameTokenMatches; "labels" inside FormField::label
// (both sides folded); a personal HTML autofill token (name, email, tel, bday, street-address…)
// also counts. A visually hidden field of a visible form (a spam-bot honeypot such as
// mc4wp's display:none "_mc4wp_honeypot") is not a field a visitor fills and is not counted.
class PersonalDataMatcher {
 public:
  explicit PersonalDataMatcher(const DataLists& ctx);
  bool IsPersonal(const FormField& field) const;
  // Shown() of the personal data-entry fields of `form` (text::SafeUtf8, 128 bytes), at most
  // `max` of them, and their total count in *count when given.
  std::vector<std::string> PersonalFields(const FormView& form, std::size_t max, std::size_t* count = nullptr) const;

 private:
  std::vector<std::string> names_, labels_;  // folded
};
// PersonalDataMatcher(lists); checks read the audit's one through
// lists.Compiled(&BuildPersonalDataMatcher), built once per ruleset.
PersonalDataMatcher BuildPersonalDataMatcher(const DataLists& lists);

// A form "collects personal data" when it has at least this many personal fields (a lone e-mail
// box, a newsletter, is not enough).
constexpr std::size_t kMinPersonalDataFields = 2;

// Sensitive fields from data list "sensitive-fields" (keys card_names/card_labels,
// citizen_id_names/citizen_id_labels, otp_names/otp_labels; same matching as personal data).
// An autocomplete token cc-* marks a card field, one-time-code an OTP field.
class SensitiveFieldMatcher {
 public:
  explicit SensitiveFieldMatcher(const DataLists& ctx);
  // "card", "citizen_id", "otp", or "" for none (checked in that order).
  std::string_view Kind(const FormField& field) const;

 private:
  struct Kinds {
    std::string_view kind;
    std::vector<std::string> names, labels;
  };
  std::vector<Kinds> kinds_;
};
// SensitiveFieldMatcher(lists); checks read the audit's one through
// lists.Compiled(&BuildSensitiveFieldMatcher), built once per ruleset.
SensitiveFieldMatcher BuildSensitiveFieldMatcher(const DataLists& lists);

// True when `haystack` contains one of the non-empty `needles` (byte comparison: fold both sides
// first, with FoldFieldName or vietnamese::FoldForMatch). False for an empty haystack.
bool MatchesAny(std::string_view haystack, const std::vector<std::string>& needles);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_FORM_MODEL_H_
