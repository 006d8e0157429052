// cookie.prefix: cookie name prefixes (RFC 6265bis section 4.1.3) are honoured by the server.
// A "__Secure-" cookie needs Secure (and an https origin); a "__Host-" cookie needs Secure, an
// https origin, Path=/ and no Domain. Browsers refuse a prefixed cookie that breaks these rules,
// so a violation means the protection the name promises is not there (or the cookie is lost).
// Prefixes match ASCII case-insensitively, as current browsers do.
//
// Evidence: the cookie jar of each HTML page (its Set-Cookie fields and those of the same-site
// redirect hops that led to it; see PageCookieTracker). No prefixed cookie -> not-applicable.
#include <memory>
#include <string>
#include <string_view>

#include "checks/check.h"
#include "checks/support/page_cookies.h"
#include "checks/audit_context.h"
#include "normalize/set_cookie.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kId = "cookie.prefix";

// The prefix `name` carries ("__Host-", "__Secure-") or "" when none.
std::string_view PrefixOf(std::string_view name) {
  if (text::StartsWithIgnoreCase(name, "__Host-")) return "__Host-";
  if (text::StartsWithIgnoreCase(name, "__Secure-")) return "__Secure-";
  return "";
}

// Stable problem codes for one prefixed cookie.
DetailList PrefixProblems(const ObservedCookie& o, std::string_view prefix) {
  DetailList p;
  const SetCookie& c = o.cookie;
  if (!c.secure) p.Str("secure-missing");
  if (!o.over_https) p.Str("set-over-http");
  if (prefix == "__Host-") {
    if (c.domain) p.Str("domain-present");
    if (!c.path || *c.path != "/") p.Str("path-not-root");
  }
  return p;
}

class CookiePrefixCheck : public PageCookieCheck {
 protected:
  void JudgeJar(const ExchangeView& view, const AuditContext& ctx, const PageCookieJar& jar, CheckResult& r) override {
    DetailList cookies;
    bool violated = false;
    for (const ObservedCookie& o : jar.cookies) {
      std::string_view prefix = PrefixOf(o.cookie.name);
      if (prefix.empty()) continue;
      DetailList problems = PrefixProblems(o, prefix);
      violated = violated || !problems.empty();
      Details c;
      c.Str("name", o.cookie.name, 256);
      c.Str("prefix", prefix);
      c.Set("problems", problems);
      cookies.Add(std::move(c));
    }
    if (cookies.empty()) {
      r.outcome = "not-applicable";
    } else {
      r.outcome = violated ? "violated" : "ok";
      r.details.Set("cookies", std::move(cookies));
    }
  }
};

}  // namespace

extern const CheckDescriptor kCookiePrefixCheck;  // listed in checks/registry.cc
const CheckDescriptor kCookiePrefixCheck{kId, CheckInput::kEveryExchange, &MakeCheck<CookiePrefixCheck>};

}  // namespace portal_check
