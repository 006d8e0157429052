// cookie.scope: a Domain attribute wider than the host that set the cookie (ZAP 90033, loosely
// scoped cookie). A cookie set by dept.example.gov.vn with Domain=example.gov.vn is sent to every
// other host under example.gov.vn, so any of them (an old, vulnerable subdomain) can read or
// overwrite it. Domain equal to the host, or no Domain, is host-only for this check. A Domain
// that does not domain-match the host, or names a public suffix, is refused by browsers and only
// listed (rejected), not counted as loose.
//
// Evidence: the cookie jar of each HTML page (see PageCookieTracker); no cookie -> not-applicable.
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

constexpr std::string_view kId = "cookie.scope";

Details CookieEntry(const ObservedCookie& o) {
  Details c;
  c.Str("name", o.cookie.name, 256);
  c.Str("domain", o.cookie.domain ? *o.cookie.domain : std::string(), 256);
  c.Str("host", o.host, 256);
  return c;
}

class CookieScopeCheck : public PageCookieCheck {
 protected:
  void JudgeJar(const ExchangeView& view, const AuditContext& ctx, const PageCookieJar& jar, CheckResult& r) override {
    DetailList loose, rejected;
    std::int64_t count = 0;
    for (const ObservedCookie& o : jar.cookies) {
      if (o.cookie.name.empty()) continue;
      ++count;
      if (!o.cookie.domain || *o.cookie.domain == o.host) continue;
      if (CookieDomainAccepted(o.cookie, o.host))
        loose.Add(CookieEntry(o));
      else
        rejected.Add(CookieEntry(o));
    }
    if (count == 0) {
      r.outcome = "not-applicable";
      return;
    }
    r.outcome = loose.empty() ? "host-only" : "loosely-scoped";
    r.details.Int("cookies", count);
    r.details.Set("loose", std::move(loose));
    if (!rejected.empty()) r.details.Set("rejected", std::move(rejected));
  }
};

}  // namespace

extern const CheckDescriptor kCookieScopeCheck;  // listed in checks/registry.cc
const CheckDescriptor kCookieScopeCheck{kId, CheckInput::kEveryExchange, &MakeCheck<CookieScopeCheck>};

}  // namespace portal_check
