// header.version-disclosure: product and version banners in each page's response headers.
//
// Headers read: Server, X-Powered-By, X-AspNet-Version, X-AspNetMvc-Version, X-Generator,
// X-Backend-Server, X-Debug-Token, X-ChromeLogger-Data, and (broader than the anchors, common on
// Vietnamese government portals) Liferay-Portal and MicrosoftSharePointTeamServices.
// Outcomes: none; product-only (info: a product name without a version, or X-Backend-Server naming
// an internal host); version (fail: a version number such as Apache/2.4.41, PHP/7.4.3,
// Microsoft-IIS/8.5, "Drupal 9", "4.0.30319"; or a debug header, X-Debug-Token /
// X-ChromeLogger-Data, which exposes a profiler or server-side logs).
// A version is what normalize/version_token.h HasVersionWord says (shared with site.error-page).
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "engine/audit_context.h"
#include "normalize/version_token.h"
#include "util/text.h"

namespace portal_check {
namespace {

enum class Kind { kBanner, kVersionNumber, kBackendHost, kDebug };

struct Watched {
  std::string_view name;
  Kind kind;
};

constexpr Watched kHeaders[] = {
    {"Server", Kind::kBanner},
    {"X-Powered-By", Kind::kBanner},
    {"X-AspNet-Version", Kind::kVersionNumber},
    {"X-AspNetMvc-Version", Kind::kVersionNumber},
    {"X-Generator", Kind::kBanner},
    {"X-Backend-Server", Kind::kBackendHost},
    {"X-Debug-Token", Kind::kDebug},
    {"X-ChromeLogger-Data", Kind::kDebug},
    {"Liferay-Portal", Kind::kBanner},
    {"MicrosoftSharePointTeamServices", Kind::kVersionNumber},
};

// Whether one header value discloses a version (or debug data); otherwise it is product-only.
bool DisclosesVersion(Kind kind, std::string_view value) {
  switch (kind) {
    case Kind::kBanner: return HasVersionWord(value);
    case Kind::kVersionNumber: return HasDigit(value);
    case Kind::kBackendHost: return false;
    case Kind::kDebug: return true;
  }
  return false;
}

class VersionDisclosureCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (view.page == nullptr) return;
    CheckResult r = PageResult(view);
    bool any = false, version = false;
    json::Array headers;
    for (const Watched& w : kHeaders) {
      for (std::string_view value : view.exchange.response_headers.GetAll(w.name)) {
        if (text::Trim(value).empty()) continue;
        const bool discloses = DisclosesVersion(w.kind, value);
        any = true;
        version = version || discloses;
        json::Object h;
        h["name"] = json::Str(w.name);
        h["value"] = json::Str(text::SafeUtf8(value, 256));
        h["version"] = json::Bool(discloses);
        if (w.kind == Kind::kDebug) h["debug"] = json::Bool(true);
        headers.push_back(json::Value(h));
      }
    }
    r.outcome = version ? "version" : (any ? "product-only" : "none");
    r.details["headers"] = json::Value(headers);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderVersionDisclosureCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderVersionDisclosureCheck{"header.version-disclosure", &MakeCheck<VersionDisclosureCheck>};

}  // namespace portal_check
