// page.private-ip: internal addresses (RFC 1918, link-local 169.254/16, internal host names such
// as *.local, *.internal, *.lan, *.corp, intranet) in response bodies and headers.
//
// The scanner and its token rules are content::FindInternalAddresses (page_content_scan.h):
// whole dotted-quad tokens with valid octets only (version strings such as "jquery-1.12.4" or
// "10.0.19041.1" are not addresses), host names only inside URLs. Loopback (127/8) is not
// reported: in a page it names the visitor's own machine (local signing plugins), not the server.
// Scope (decided): every HTML page gets a result (its body and its response headers). Other
// responses with a text body (JSON, XML, text/plain, JavaScript: API answers and config scripts
// are where back-end addresses leak) and any response whose headers hold an address (Location,
// Via, X-Backend-Server, ...) get a result only when they disclose, about their own URL.
// Outcomes: disclosed (fails, low), none. Details: "addresses" [{value, kind, where}] (at most 20;
// where = "body" or "header:<name>") and "count" (of listed addresses).
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_content_scan.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 20;

class PrivateIpCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const Exchange& ex = view.exchange;
    const bool page = view.page != nullptr;
    if (ex.status == 0) return;
    std::vector<content::InternalAddress> found;
    std::vector<std::string> where;
    for (const HeaderField& f : ex.response_headers.fields()) {
      if (content::FindInternalAddresses(f.value, found, kMaxListed) > 0)
        while (where.size() < found.size()) where.push_back("header:" + text::SafeUtf8(f.name, 128));
    }
    if (page || content::IsTextBody(ex, true)) {
      content::FindInternalAddresses(ex.body, found, kMaxListed);
      while (where.size() < found.size()) where.push_back("body");
    }
    if (found.empty() && !page) return;
    CheckResult r = PageResult(view);
    r.outcome = found.empty() ? "none" : "disclosed";
    DetailList list;
    for (std::size_t i = 0; i < found.size(); ++i) {
      Details o;
      o.Str("value", found[i].value, 256);
      o.Str("kind", found[i].kind);
      o.Str("where", where[i]);
      list.Add(std::move(o));
    }
    r.details.Set("addresses", std::move(list));
    r.details.Int("count", static_cast<std::int64_t>(found.size()));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPagePrivateIpCheck;  // listed in checks/registry.cc
const CheckDescriptor kPagePrivateIpCheck{"page.private-ip", CheckInput::kEveryExchange, &MakeCheck<PrivateIpCheck>};

}  // namespace portal_check
