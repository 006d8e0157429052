// header.version-disclosure: product and version banners in each page's response headers.
//
// Headers read: the watch-list rules/data/version-headers.json ("headers": [{name, kind}], in report
// order; e.g. Server, X-Powered-By, X-AspNet-Version, X-Debug-Token, Liferay-Portal).
// Outcomes: none; product-only (info: a product name without a version, or a "backend-host" header
// such as X-Backend-Server naming an internal host); version (fail: a version number such as
// Apache/2.4.41, PHP/7.4.3, Microsoft-IIS/8.5, "Drupal 9", "4.0.30319"; or a "debug" header,
// X-Debug-Token / X-ChromeLogger-Data, which exposes a profiler or server-side logs).
// A version is what normalize/version_token.h HasVersionWord says (shared with site.error-page).
// Without the data list the check emits nothing (never "none"); an entry of unknown kind is skipped.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "normalize/version_token.h"
#include "util/text.h"

namespace portal_check {
namespace {

enum class Kind { kBanner, kVersionNumber, kBackendHost, kDebug };

struct Watched {
  std::string name;
  Kind kind;
};

// The kind named in the data ("banner", "version-number", "backend-host", "debug"); nullopt otherwise.
std::optional<Kind> KindNamed(std::string_view name) {
  if (name == "banner") return Kind::kBanner;
  if (name == "version-number") return Kind::kVersionNumber;
  if (name == "backend-host") return Kind::kBackendHost;
  if (name == "debug") return Kind::kDebug;
  return std::nullopt;
}

// The watch-list of rules/data/version-headers.json in data order; nullopt when the list is absent
// (read once per ruleset through Compiled).
std::optional<std::vector<Watched>> BuildWatchList(const DataLists& lists) {
  const json::Array* entries = json::FindArray(lists.Data("version-headers"), "headers");
  if (entries == nullptr) return std::nullopt;
  std::vector<Watched> list;
  for (const json::Value& e : *entries) {
    const std::string* name = json::FindString(e, "name");
    const std::string* kind = json::FindString(e, "kind");
    if (name == nullptr || kind == nullptr || name->empty()) continue;
    if (std::optional<Kind> k = KindNamed(*kind)) list.push_back({*name, *k});
  }
  return list;
}

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
    const std::optional<std::vector<Watched>>& watched = ctx.Compiled(&BuildWatchList);
    if (!watched) return;  // no watch-list: no verdict
    CheckResult r = PageResult(view);
    bool any = false, version = false;
    DetailList headers;
    for (const Watched& w : *watched) {
      for (std::string_view value : view.exchange.response_headers.GetAll(w.name)) {
        if (text::Trim(value).empty()) continue;
        const bool discloses = DisclosesVersion(w.kind, value);
        any = true;
        version = version || discloses;
        Details h;
        h.Str("name", w.name);
        h.Str("value", value, 256);
        h.Bool("version", discloses);
        if (w.kind == Kind::kDebug) h.Bool("debug", true);
        headers.Add(h);
      }
    }
    r.outcome = version ? "version" : (any ? "product-only" : "none");
    r.details.Set("headers", headers);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderVersionDisclosureCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderVersionDisclosureCheck{"header.version-disclosure", CheckInput::kPages, &MakeCheck<VersionDisclosureCheck>};

}  // namespace portal_check
