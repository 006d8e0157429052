#include "normalize/form_model.h"

#include <unordered_map>

#include "ruleset/data_lists.h"
#include "util/text.h"
#include "util/vietnamese.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxLabelBytes = 2048;  // per field, after folding
constexpr int kMaxLabelAncestors = 8;         // how far up a wrapping <label> is looked for

// Tag tests compare a std::string_view (size first), not std::string::compare(const char*).
bool IsTag(const HtmlElement& e, std::string_view tag) { return std::string_view(e.tag) == tag; }

// Whether BuildPageForms looks at elements with this tag at all (submitters and fields).
bool IsControlTag(const HtmlElement& e) {
  return IsTag(e, "input") || IsTag(e, "button") || IsTag(e, "select") || IsTag(e, "textarea");
}

std::string TypeOf(const HtmlElement& e) {
  if (!IsTag(e, "input")) return e.tag;
  const std::string* type = e.Attr("type");
  std::string t = type ? text::Lower(text::Trim(*type)) : std::string();
  return t.empty() ? std::string("text") : t;
}

bool IsSubmitter(const HtmlElement& e) {
  if (IsTag(e, "button")) {
    const std::string* type = e.Attr("type");
    if (type == nullptr) return true;
    const std::string t = text::Lower(text::Trim(*type));
    return t.empty() || t == "submit";
  }
  if (!IsTag(e, "input")) return false;
  const std::string t = TypeOf(e);
  return t == "submit" || t == "image";
}

bool IsField(const HtmlElement& e) {
  if (IsTag(e, "select") || IsTag(e, "textarea")) return true;
  if (!IsTag(e, "input")) return false;
  const std::string t = TypeOf(e);
  return !(t == "submit" || t == "reset" || t == "button" || t == "image");
}

void AppendLabel(std::string& label, std::string_view part) {
  if (text::Trim(part).empty() || label.size() >= kMaxLabelBytes) return;
  const std::string folded = vietnamese::FoldForMatch(part.substr(0, kMaxLabelBytes));
  const std::string_view trimmed = text::Trim(folded);
  if (trimmed.empty()) return;
  if (!label.empty()) label += " | ";
  label += trimmed;
}

// Parents of elements on demand (as ParentIndices gives them: the nearest preceding element with a
// smaller depth): a short backward scan per question while the scans stay cheap, then the whole
// ParentIndices table once they have read as many elements as the page holds, so the total work
// stays linear in the page.
class Parents {
 public:
  explicit Parents(const PageModel& page) : page_(page) {}

  int Of(std::size_t index) {
    if (!table_.empty()) return table_[index];
    const std::vector<HtmlElement>& els = page_.elements();
    const int depth = els[index].depth;
    for (std::size_t k = index; k > 0;) {
      if (++scanned_ > els.size()) {
        table_ = ParentIndices(page_);
        return table_[index];
      }
      --k;
      if (els[k].depth < depth) return static_cast<int>(k);
    }
    return -1;
  }

 private:
  const PageModel& page_;
  std::size_t scanned_ = 0;  // elements read by backward scans so far
  std::vector<int> table_;   // ParentIndices(page_) once built
};

std::string AttrOr(const HtmlElement& e, std::string_view name) {
  const std::string* v = e.Attr(name);
  return v ? *v : std::string();
}

}  // namespace

bool FormField::IsDataEntry() const {
  return !(type == "hidden" || type == "checkbox" || type == "radio" || type == "file" || type == "search" ||
           type == "range" || type == "color");
}

const std::string& FormField::Shown() const {
  if (!name.empty()) return name;
  if (!id.empty()) return id;
  return type;
}

bool FormView::HasPassword() const {
  for (const FormField& f : fields)
    if (f.IsPassword()) return true;
  return false;
}

bool FormView::SubmitsWith(std::string_view m) const {
  if (method == m) return true;
  for (const FormSubmitter& s : submitters)
    if (s.formmethod && *s.formmethod == m) return true;
  return false;
}

std::vector<const Url*> FormView::Targets() const {
  std::vector<const Url*> out;
  if (action) out.push_back(&*action);
  for (const FormSubmitter& s : submitters)
    if (s.formaction_url) out.push_back(&*s.formaction_url);
  return out;
}

std::string NormalizeFormMethod(std::string_view value) {
  const std::string m = text::Lower(text::Trim(value));
  return (m == "post" || m == "dialog") ? m : std::string("get");
}

std::string FoldFieldName(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '_' || c == '-' || c == '.' || c == '[' || c == ']' || c == ' ' || c == ':' || c == '$') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

std::vector<int> ParentIndices(const PageModel& page) {
  const std::vector<HtmlElement>& els = page.elements();
  std::vector<int> parent(els.size(), -1);
  std::vector<int> open;  // the ancestors of the current element, innermost last
  for (std::size_t i = 0; i < els.size(); ++i) {
    while (!open.empty() && els[static_cast<std::size_t>(open.back())].depth >= els[i].depth) open.pop_back();
    parent[i] = open.empty() ? -1 : open.back();
    open.push_back(static_cast<int>(i));
  }
  return parent;
}

std::size_t SubtreeEnd(const PageModel& page, std::size_t index) {
  const std::vector<HtmlElement>& els = page.elements();
  std::size_t end = index + 1;
  while (end < els.size() && els[end].depth > els[index].depth) ++end;
  return end;
}

Url DocumentBase(const PageModel& page, const Url& page_url) {
  if (!page.base_href().empty()) {
    if (std::optional<Url> b = page_url.Resolve(page.base_href()); b && b->IsHttpOrHttps()) return *b;
  }
  return page_url;
}

PageForms BuildPageForms(const PageModel& page, const std::optional<Url>& page_url) {
  PageForms out;
  const std::vector<HtmlElement>& els = page.elements();
  std::optional<Url> base;
  if (page_url) base = DocumentBase(page, *page_url);

  // Read only for fields: built at the first one.
  bool labels_read = false;
  std::unordered_map<std::string, std::string> label_for;  // id → folded texts of <label for=id>
  auto read_labels = [&] {
    if (labels_read) return;
    labels_read = true;
    for (const HtmlElement& l : els)
      if (IsTag(l, "label"))
        if (const std::string* f = l.Attr("for"); f && !f->empty()) AppendLabel(label_for[*f], l.text);
  };
  Parents parents(page);

  for (std::size_t k = 0; k < page.forms().size(); ++k) {
    const HtmlElement& f = els[static_cast<std::size_t>(page.forms()[k])];
    FormView v;
    v.form = static_cast<int>(k);
    v.element = page.forms()[k];
    if (const std::string* a = f.Attr("action")) v.action_attr = *a;
    if (base) v.action = (v.action_attr && !text::Trim(*v.action_attr).empty()) ? base->Resolve(*v.action_attr) : page_url;
    if (const std::string* m = f.Attr("method")) v.method = NormalizeFormMethod(*m);
    v.hidden = f.hidden;
    out.forms.push_back(std::move(v));
  }

  for (std::size_t i = 0; i < els.size(); ++i) {
    const HtmlElement& e = els[i];
    if (!IsControlTag(e)) continue;
    FormView* owner = (e.form >= 0 && static_cast<std::size_t>(e.form) < out.forms.size()) ? &out.forms[e.form] : nullptr;
    if (owner && IsSubmitter(e)) {
      FormSubmitter s;
      s.element = static_cast<int>(i);
      if (const std::string* fa = e.Attr("formaction")) {
        s.formaction = *fa;
        if (base && !text::Trim(*fa).empty()) s.formaction_url = base->Resolve(*fa);
      }
      if (const std::string* fm = e.Attr("formmethod")) s.formmethod = NormalizeFormMethod(*fm);
      owner->submitters.push_back(std::move(s));
      continue;
    }
    if (!IsField(e)) continue;
    read_labels();
    FormField field;
    field.element = static_cast<int>(i);
    field.type = TypeOf(e);
    field.name = AttrOr(e, "name");
    field.id = AttrOr(e, "id");
    field.autocomplete = text::Lower(text::Trim(AttrOr(e, "autocomplete")));
    field.hidden = e.hidden;
    if (!field.id.empty()) {
      if (auto it = label_for.find(field.id); it != label_for.end()) AppendLabel(field.label, it->second);
    }
    int up = parents.Of(i);
    for (int steps = 0; up >= 0 && steps < kMaxLabelAncestors; ++steps, up = parents.Of(static_cast<std::size_t>(up))) {
      const HtmlElement& a = els[static_cast<std::size_t>(up)];
      if (IsTag(a, "form")) break;
      if (IsTag(a, "label")) {
        AppendLabel(field.label, a.text);
        break;
      }
    }
    for (const char* attr : {"placeholder", "aria-label", "title"})
      if (const std::string* v = e.Attr(attr)) AppendLabel(field.label, *v);
    (owner ? owner->fields : out.loose).push_back(std::move(field));
  }
  return out;
}

bool MatchesAny(std::string_view haystack, const std::vector<std::string>& needles) {
  if (haystack.empty()) return false;
  for (const std::string& n : needles)
    if (!n.empty() && haystack.find(n) != std::string_view::npos) return true;
  return false;
}

namespace {

// True when the last token of an autocomplete value names personal data (HTML autofill).
bool IsPersonalAutocomplete(std::string_view value) {
  const std::vector<std::string_view> tokens = text::SplitWhitespace(value);
  if (tokens.empty()) return false;
  const std::string t = text::Lower(tokens.back());
  for (std::string_view p : {"name", "given-name", "family-name", "email", "tel", "tel-national", "bday",
                             "street-address", "address-line1", "postal-code"})
    if (t == p) return true;
  return false;
}

std::vector<std::string> FoldedNames(const DataLists& ctx, std::string_view list, std::string_view key) {
  std::vector<std::string> v = ctx.DataStrings(list, key);
  for (std::string& s : v) s = FoldFieldName(s);
  return v;
}

std::vector<std::string> FoldedPhrases(const DataLists& ctx, std::string_view list, std::string_view key) {
  std::vector<std::string> v = ctx.DataStrings(list, key);
  for (std::string& s : v) s = vietnamese::FoldForMatch(s);
  return v;
}

bool IsNamePunctuation(char c) {
  return c == '_' || c == '-' || c == '.' || c == '[' || c == ']' || c == ' ' || c == ':' || c == '$';
}
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigitChar(char c) { return c >= '0' && c <= '9'; }
bool IsLetter(char c) { return (c >= 'a' && c <= 'z') || IsUpper(c); }

bool NameOrIdMatches(const FormField& f, const std::vector<std::string>& names) {
  return NameTokenMatches(f.name, names) || NameTokenMatches(f.id, names);
}

}  // namespace

bool NameTokenMatches(std::string_view name, const std::vector<std::string>& needles) {
  // The folded name (as FoldFieldName) and, per folded position, whether a token starts there.
  std::string folded;
  std::vector<bool> starts;
  char prev = 0;  // the previous kept byte of the raw name, 0 after punctuation
  for (const char c : name) {
    if (IsNamePunctuation(c)) {
      prev = 0;
      continue;
    }
    const bool step = prev == 0 || (IsUpper(c) && !IsUpper(prev)) || (IsDigitChar(c) != IsDigitChar(prev) && (IsLetter(c) || IsLetter(prev)));
    starts.push_back(step);
    folded.push_back(IsUpper(c) ? static_cast<char>(c - 'A' + 'a') : c);
    prev = c;
  }
  starts.push_back(true);  // the end of the name ends a token
  for (const std::string& n : needles) {
    if (n.empty()) continue;
    for (std::size_t at = folded.find(n); at != std::string::npos; at = folded.find(n, at + 1))
      if (starts[at] || starts[at + n.size()]) return true;
  }
  return false;
}

PersonalDataMatcher::PersonalDataMatcher(const DataLists& ctx)
    : names_(FoldedNames(ctx, "personal-data-fields", "names")),
      labels_(FoldedPhrases(ctx, "personal-data-fields", "labels")) {}

PersonalDataMatcher BuildPersonalDataMatcher(const DataLists& lists) { return PersonalDataMatcher(lists); }

bool PersonalDataMatcher::IsPersonal(const FormField& f) const {
  return NameOrIdMatches(f, names_) || IsPersonalAutocomplete(f.autocomplete) || MatchesAny(f.label, labels_);
}

std::vector<std::string> PersonalDataMatcher::PersonalFields(const FormView& form, std::size_t max,
                                                             std::size_t* count) const {
  std::vector<std::string> out;
  std::size_t n = 0;
  for (const FormField& f : form.fields) {
    if (f.IsPassword() || !f.IsDataEntry() || (f.hidden && !form.hidden) || !IsPersonal(f)) continue;
    ++n;
    if (out.size() < max) out.push_back(text::SafeUtf8(f.Shown(), 128));
  }
  if (count) *count = n;
  return out;
}

SensitiveFieldMatcher::SensitiveFieldMatcher(const DataLists& ctx) {
  for (std::string_view kind : {"card", "citizen_id", "otp"}) {
    const std::string k(kind);
    kinds_.push_back(Kinds{kind, FoldedNames(ctx, "sensitive-fields", k + "_names"),
                           FoldedPhrases(ctx, "sensitive-fields", k + "_labels")});
  }
}

SensitiveFieldMatcher BuildSensitiveFieldMatcher(const DataLists& lists) { return SensitiveFieldMatcher(lists); }

std::string_view SensitiveFieldMatcher::Kind(const FormField& f) const {
  if (f.type == "hidden" || f.type == "checkbox" || f.type == "radio" || f.type == "file" || f.type == "submit")
    return "";
  for (const Kinds& k : kinds_)
    if (NameOrIdMatches(f, k.names) || MatchesAny(f.label, k.labels)) return k.kind;
  // Only then the token: a CMND box wrongly marked one-time-code stays a citizen-id field.
  const std::vector<std::string_view> tokens = text::SplitWhitespace(f.autocomplete);
  if (!tokens.empty()) {
    if (text::StartsWithIgnoreCase(tokens.back(), "cc-")) return "card";
    if (text::EqualsIgnoreCase(tokens.back(), "one-time-code")) return "otp";
  }
  return "";
}

}  // namespace portal_check
