// header.cache-control: pages that set a session cookie or hold a login / personal-data form must
// not be stored by shared caches: their Cache-Control must carry no-store or private.
//
// Sensitive when any of:
//  * a Set-Cookie on the page response names a session cookie (IsSessionCookie, data list
//    "session-cookies");
//  * an <input type=password> belongs to a form;
//  * one form holds at least kMinPersonalDataFields inputs named or labelled for personal data
//    (PersonalDataMatcher, normalize/form_model.h, data list "personal-data-fields"). A lone
//    e-mail box (a newsletter) is not enough.
// Outcomes: ok, cacheable-sensitive, and not-applicable for pages with nothing sensitive.
#include <optional>
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_derived.h"
#include "checks/audit_context.h"
#include "normalize/form_model.h"
#include "normalize/page_model.h"
#include "normalize/set_cookie.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 20;

// Records in `details` why the page is sensitive: "password_form": true and/or
// "personal_data_fields": [names] (of the first form with enough personal-data fields, counted by
// the PersonalDataMatcher that form.personal-data-consent shares). Returns true when either applies.
bool FindSensitiveForms(const PageForms& forms, const AuditContext& ctx, Details& details) {
  bool password = false;
  for (const FormView& form : forms.forms) password = password || form.HasPassword();
  if (password) details.Bool("password_form", true);
  const PersonalDataMatcher& personal = ctx.Compiled(&BuildPersonalDataMatcher);
  for (const FormView& form : forms.forms) {
    std::size_t count = 0;
    const std::vector<std::string> fields = personal.PersonalFields(form, kMaxListed, &count);
    if (count < kMinPersonalDataFields) continue;
    DetailList list;
    for (const std::string& f : fields) list.Str(f);
    details.Set("personal_data_fields", list);
    return true;  // one such form is enough
  }
  return password;
}

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
    CheckResult r = PageResult(view);
    const bool cookies = AddSessionCookies(view.exchange, ctx, r.details);
    const bool forms = FindSensitiveForms(SharedPageForms(view), ctx, r.details);
    const std::vector<std::string_view> lines = view.exchange.response_headers.GetAll("Cache-Control");
    if (!cookies && !forms) {
      r.outcome = "not-applicable";
    } else {
      r.outcome = KeepsOutOfSharedCaches(lines) ? "ok" : "cacheable-sensitive";
    }
    r.details.Set("cache_control", SafeStringList(lines, 512));
    out.Emit(std::move(r));
  }

 private:
  // Records the session cookies the response sets as "session_cookies"; true when there are any.
  static bool AddSessionCookies(const Exchange& ex, const AuditContext& ctx, Details& details) {
    DetailList names;
    for (std::string_view line : ex.response_headers.GetAll("Set-Cookie")) {
      const std::optional<SetCookie> cookie = ParseSetCookie(line);
      if (cookie && IsSessionCookie(cookie->name, ctx) && names.size() < kMaxListed)
        names.Str(cookie->name, 128);
    }
    if (names.empty()) return false;
    details.Set("session_cookies", names);
    return true;
  }
};

}  // namespace

extern const CheckDescriptor kHeaderCacheControlCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderCacheControlCheck{"header.cache-control", CheckInput::kPages, &MakeCheck<CacheControlCheck>};

}  // namespace portal_check
