// header.cache-control: pages that set a session cookie or hold a login / personal-data form must
// not be stored by shared caches: their Cache-Control must carry no-store or private.
//
// Sensitive when any of:
//  * a Set-Cookie on the page response names a session cookie (IsSessionCookie, data list
//    "session-cookies");
//  * an <input type=password> belongs to a form;
//  * one form holds at least kMinPersonalFields inputs named or labelled for personal data (data
//    list "personal-data-fields": "names" are matched inside the input's name/id with case, '_',
//    '-', '.', '[' and ']' ignored; "labels" inside its placeholder, aria-label, title or the text
//    of a <label for=id>). A lone e-mail box (a newsletter) is not enough.
// Outcomes: ok, cacheable-sensitive, and not-applicable for pages with nothing sensitive.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/factories.h"
#include "engine/audit_context.h"
#include "normalize/page_model.h"
#include "normalize/set_cookie.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMinPersonalFields = 2;
constexpr std::size_t kMaxListed = 20;

// Lower-case ASCII with the usual identifier punctuation removed: "txtHo_Ten" → "txthoten".
std::string FoldName(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c == '_' || c == '-' || c == '.' || c == '[' || c == ']' || c == ' ') continue;
    out.push_back((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

bool IsDataInput(const HtmlElement& e) {
  if (e.tag == "select" || e.tag == "textarea") return true;
  if (e.tag != "input") return false;
  const std::string* type = e.Attr("type");
  if (type == nullptr) return true;
  const std::string t = text::Lower(text::Trim(*type));
  return !(t == "hidden" || t == "submit" || t == "button" || t == "reset" || t == "image" || t == "checkbox" ||
           t == "radio" || t == "search" || t == "file");
}

bool IsPassword(const HtmlElement& e) {
  const std::string* type = e.Attr("type");
  return e.tag == "input" && type != nullptr && text::EqualsIgnoreCase(text::Trim(*type), "password");
}

// True when the last token of an autocomplete attribute names personal data (HTML autofill).
bool IsPersonalAutocomplete(std::string_view value) {
  const std::vector<std::string_view> tokens = text::SplitWhitespace(value);
  if (tokens.empty()) return false;
  const std::string t = text::Lower(tokens.back());
  for (std::string_view p : {"name", "given-name", "family-name", "email", "tel", "tel-national", "bday",
                             "street-address", "address-line1", "postal-code"})
    if (t == p) return true;
  return false;
}

class SensitiveFormFinder {
 public:
  SensitiveFormFinder(const PageModel& page, const AuditContext& ctx)
      : page_(page),
        names_(ctx.DataStrings("personal-data-fields", "names")),
        labels_(ctx.DataStrings("personal-data-fields", "labels")) {
    for (std::string& n : names_) n = FoldName(n);
    for (int i : page.ElementsWithTag("label")) {
      const HtmlElement& label = page.elements()[static_cast<std::size_t>(i)];
      if (const std::string* for_id = label.Attr("for")) label_text_[*for_id] += " " + label.text;
    }
  }

  // Records in `details` why the page is sensitive: "password_form": true and/or
  // "personal_data_fields": [names] (of the first form with enough personal-data fields).
  // Returns true when either applies.
  bool Find(json::Object& details) const {
    std::map<int, std::vector<std::string>> personal_by_form;
    bool password = false;
    for (const HtmlElement& e : page_.elements()) {
      if (e.form < 0) continue;
      if (IsPassword(e)) {
        password = true;
      } else if (IsDataInput(e) && IsPersonal(e)) {
        std::vector<std::string>& fields = personal_by_form[e.form];
        const std::string* name = e.Attr("name");
        const std::string* id = e.Attr("id");
        const std::string& shown = name != nullptr ? *name : (id != nullptr ? *id : e.tag);
        if (fields.size() < kMaxListed) fields.push_back(text::SafeUtf8(shown, 128));
      }
    }
    if (password) details["password_form"] = json::Bool(true);
    for (const auto& [form, fields] : personal_by_form) {
      if (fields.size() < kMinPersonalFields) continue;
      json::Array list;
      for (const std::string& f : fields) list.push_back(json::Str(f));
      details["personal_data_fields"] = json::Value(list);
      return true;  // one such form is enough
    }
    return password;
  }

 private:
  bool NameMatches(std::string_view raw) const {
    const std::string folded = FoldName(raw);
    if (folded.empty()) return false;
    for (const std::string& n : names_)
      if (!n.empty() && folded.find(n) != std::string::npos) return true;
    return false;
  }
  bool LabelMatches(std::string_view raw) const {
    for (const std::string& l : labels_)
      if (!l.empty() && text::ContainsIgnoreCase(raw, l)) return true;
    return false;
  }
  bool IsPersonal(const HtmlElement& e) const {
    for (const char* attr : {"name", "id"}) {
      if (const std::string* v = e.Attr(attr); v != nullptr && NameMatches(*v)) return true;
    }
    if (const std::string* ac = e.Attr("autocomplete"); ac != nullptr && IsPersonalAutocomplete(*ac)) return true;
    for (const char* attr : {"placeholder", "aria-label", "title"}) {
      if (const std::string* v = e.Attr(attr); v != nullptr && LabelMatches(*v)) return true;
    }
    if (const std::string* id = e.Attr("id")) {
      auto it = label_text_.find(*id);
      if (it != label_text_.end() && LabelMatches(it->second)) return true;
    }
    return false;
  }

  const PageModel& page_;
  std::vector<std::string> names_, labels_;
  std::map<std::string, std::string> label_text_;  // <label for> id → its text
};

// True when the Cache-Control lines carry no-store or private (directive names are
// case-insensitive; `private="set-cookie"` names fields and does not make the response private).
bool KeepsOutOfSharedCaches(const std::vector<std::string_view>& lines) {
  for (std::string_view line : lines) {
    for (std::string_view directive : text::Split(line, ',')) {
      const std::size_t eq = directive.find('=');
      const std::string_view name = text::Trim(directive.substr(0, eq));
      if (text::EqualsIgnoreCase(name, "no-store")) return true;
      if (text::EqualsIgnoreCase(name, "private") && eq == std::string_view::npos) return true;
    }
  }
  return false;
}

class CacheControlCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (view.page == nullptr) return;
    CheckResult r = PageResult(view);
    const bool cookies = AddSessionCookies(view.exchange, ctx, r.details);
    const bool forms = SensitiveFormFinder(*view.page, ctx).Find(r.details);
    const std::vector<std::string_view> lines = view.exchange.response_headers.GetAll("Cache-Control");
    if (!cookies && !forms) {
      r.outcome = "not-applicable";
    } else {
      r.outcome = KeepsOutOfSharedCaches(lines) ? "ok" : "cacheable-sensitive";
    }
    r.details["cache_control"] = SafeStringList(lines, 512);
    out.Emit(std::move(r));
  }

 private:
  // Records the session cookies the response sets as "session_cookies"; true when there are any.
  static bool AddSessionCookies(const Exchange& ex, const AuditContext& ctx, json::Object& details) {
    json::Array names;
    for (std::string_view line : ex.response_headers.GetAll("Set-Cookie")) {
      const std::optional<SetCookie> cookie = ParseSetCookie(line);
      if (cookie && IsSessionCookie(cookie->name, ctx) && names.size() < kMaxListed)
        names.push_back(json::Str(text::SafeUtf8(cookie->name, 128)));
    }
    if (names.empty()) return false;
    details["session_cookies"] = json::Value(names);
    return true;
  }
};

}  // namespace

std::unique_ptr<Check> MakeHeaderCacheControlCheck() { return std::make_unique<CacheControlCheck>(); }

}  // namespace portal_check
