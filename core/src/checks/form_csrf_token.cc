// form.csrf-token: state-changing (POST) forms that submit to this site carry an anti-CSRF token
// field (data list "anti-csrf-tokens": exact names, prefixes, contains-markers; ASP.NET
// __VIEWSTATE only with a MAC hint field beside it; Joomla's token, a hidden field named by 32
// hex digits with value "1"), else the page response's session cookies are all SameSite=Lax or
// Strict (ParseSetCookie + IsSessionCookie), which stops cross-site POSTs in current browsers.
// POST forms to another site are listed but not judged (their token is the other site's business).
// Empty POST forms (no field and no submit button in the HTML: Liferay's `hrefFm`, a logout form
// that a script submits) are listed as "empty_post_forms" but not judged (decided): they carry no
// data a visitor typed, and the request a script sends through them is not visible in the HTML
// (a token may be added by that script), so the page cannot show whether it is protected.
// Outcomes: protected, samesite-only, missing; not-applicable without a same-site POST form that
// has a field or a submit button.
#include <memory>
#include <optional>

#include "checks/support/form_common.h"
#include "checks/audit_context.h"
#include "normalize/page_model.h"
#include "normalize/set_cookie.h"
#include "util/text.h"

namespace portal_check {
namespace {

bool IsHexToken(std::string_view s) {
  if (s.size() != 32) return false;
  for (char c : s)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'))) return false;
  return true;
}

class TokenNames {
 public:
  explicit TokenNames(const DataLists& lists)
      : exact_(lists.DataStrings("anti-csrf-tokens", "exact")),
        prefixes_(lists.DataStrings("anti-csrf-tokens", "prefixes")),
        contains_(lists.DataStrings("anti-csrf-tokens", "contains")),
        mac_hints_(lists.DataStrings("anti-csrf-tokens", "viewstate_mac_hints")) {
    for (std::string& c : contains_) c = FoldFieldName(c);
    const std::string* vs = json::FindString(lists.Data("anti-csrf-tokens"), "viewstate_field");
    viewstate_ = vs ? *vs : "__VIEWSTATE";
  }

  // The token field of `form` (its name; "__VIEWSTATE" when only a MAC-hinted view state), or nullopt.
  std::optional<std::string> Find(const FormView& form, const PageModel& page) const {
    bool viewstate = false, mac_hint = false;
    for (const FormField& f : form.fields) {
      if (f.name.empty()) continue;
      if (text::EqualsIgnoreCase(f.name, viewstate_)) {
        viewstate = true;
        continue;
      }
      for (const std::string& h : mac_hints_) mac_hint = mac_hint || text::EqualsIgnoreCase(f.name, h);
      if (IsTokenName(f.name)) return f.name;
      const std::string* value = page.elements()[static_cast<std::size_t>(f.element)].Attr("value");
      if (f.type == "hidden" && IsHexToken(f.name) && value && *value == "1") return f.name;  // Joomla
    }
    if (viewstate && mac_hint) return viewstate_;
    return std::nullopt;
  }

 private:
  bool IsTokenName(std::string_view name) const {
    for (const std::string& e : exact_)
      if (text::EqualsIgnoreCase(name, e)) return true;
    for (const std::string& p : prefixes_)
      if (!p.empty() && text::StartsWithIgnoreCase(name, p)) return true;
    return MatchesAny(FoldFieldName(name), contains_);
  }
  std::vector<std::string> exact_, prefixes_, contains_, mac_hints_;
  std::string viewstate_;
};

// The token names of data list "anti-csrf-tokens" (read once per ruleset through Compiled).
TokenNames BuildTokenNames(const DataLists& lists) { return TokenNames(lists); }

// The page response's session cookies as [{name, samesite}]; *all_strict: every one of them
// carries SameSite=Lax or Strict (false when there is none).
DetailList SessionCookies(const Exchange& ex, const AuditContext& ctx, bool* all_strict) {
  DetailList list;
  *all_strict = false;
  bool any = false, all = true;
  for (std::string_view line : ex.response_headers.GetAll("Set-Cookie")) {
    const std::optional<SetCookie> c = ParseSetCookie(line);
    if (!c || !IsSessionCookie(c->name, ctx)) continue;
    any = true;
    const std::string ss = c->same_site ? text::Lower(text::Trim(*c->same_site)) : std::string();
    all = all && (ss == "lax" || ss == "strict");
    Details o;
    o.Str("name", c->name, 128);
    o.Set("samesite", c->same_site ? json::Str(text::SafeUtf8(*c->same_site, 32)) : json::Value());
    AppendCapped(list, std::move(o));
  }
  *all_strict = any && all;
  return list;
}

class CsrfToken : public FormCheck {
 protected:
  void Judge(const ExchangeView& view, const PageForms& forms, const AuditContext& ctx, ResultSink& out) override {
    const TokenNames& tokens = ctx.Compiled(&BuildTokenNames);
    DetailList judged, external, empty;
    std::size_t unprotected = 0, viewstate_only = 0;
    for (const FormView& form : forms.forms) {
      if (!form.SubmitsWith("post")) continue;
      Details o = FormSummary(form);
      if (form.action && form.action->IsHttpOrHttps() && !form.action->SameSite(*view.url)) {
        AppendCapped(external, std::move(o));
        continue;
      }
      if (form.fields.empty() && form.submitters.empty()) {
        AppendCapped(empty, std::move(o));
        continue;
      }
      const std::optional<std::string> token = tokens.Find(form, *view.page);
      if (!token) ++unprotected;
      if (token && text::EqualsIgnoreCase(*token, "__VIEWSTATE")) ++viewstate_only;
      o.Set("token", token ? json::Str(text::SafeUtf8(*token, 128)) : json::Value());
      AppendCapped(judged, std::move(o));
    }
    if (judged.empty()) {
      CheckResult na = NotApplicable(view, empty.empty() ? "no POST form submitting to this site"
                                                         : "no POST form with a field or a submit button submitting to this site");
      if (!external.empty()) na.details.Set("external_post_forms", std::move(external));
      if (!empty.empty()) na.details.Set("empty_post_forms", std::move(empty));
      out.Emit(std::move(na));
      return;
    }
    CheckResult r = PageResult(view);
    bool samesite = false;
    r.details.Set("session_cookies", SessionCookies(view.exchange, ctx, &samesite));
    r.outcome = unprotected == 0 ? "protected" : samesite ? "samesite-only" : "missing";
    r.details.Set("post_forms", std::move(judged));
    r.details.Int("unprotected", static_cast<std::int64_t>(unprotected));
    if (viewstate_only > 0) r.details.Bool("viewstate_only", true);
    if (!external.empty()) r.details.Set("external_post_forms", std::move(external));
    if (!empty.empty()) r.details.Set("empty_post_forms", std::move(empty));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kFormCsrfTokenCheck;  // listed in checks/registry.cc
const CheckDescriptor kFormCsrfTokenCheck{"form.csrf-token", CheckInput::kWebPages, &MakeCheck<CsrfToken>};

}  // namespace portal_check
