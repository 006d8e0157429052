// site.waf: a WAF/CDN in front of the site, from response header and cookie fingerprints
// (rules/data/waf-fingerprints.json). A hint only: absence proves nothing (many WAFs are
// invisible), so both outcomes pass; the WAF requirement (security level 2+) stays a
// self-declared item.
//
// Evidence: every response (status > 0) on the audited site. Outcomes: detected
// (details.products: name, type, marker), not-detected, not-captured (no response from the site:
// nothing emitted, the rule file's "absent" result).
// Site-level (page = null).
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "checks/check.h"
#include "checks/support/site_support.h"
#include "checks/audit_context.h"
#include "util/text.h"

namespace portal_check {
namespace {

std::string_view CookieName(std::string_view set_cookie) {
  return text::Trim(set_cookie.substr(0, std::min(set_cookie.find('='), set_cookie.find(';'))));
}

// One product of rules/data/waf-fingerprints.json, read once per ruleset: only the markers the
// check can match (string header names, header values with a name and a non-empty "contains",
// non-empty cookie name prefixes), in the file's order.
struct WafProduct {
  std::string name;
  std::string type;  // "waf" when the file gives none
  std::vector<std::string> headers;
  std::vector<std::pair<std::string, std::string>> header_values;  // (name, contains)
  std::vector<std::string> cookies;
};

std::vector<WafProduct> ReadWafProducts(const DataLists& lists) {
  std::vector<WafProduct> out;
  const json::Array* products = json::FindArray(lists.Data("waf-fingerprints"), "products");
  if (!products) return out;
  for (const json::Value& p : *products) {
    const std::string* name = json::FindString(p, "name");
    if (!name) continue;
    WafProduct product;
    product.name = *name;
    const std::string* type = json::FindString(p, "type");
    product.type = type ? *type : "waf";
    if (const json::Array* names = json::FindArray(p, "headers"))
      for (const json::Value& n : *names)
        if (n.is<std::string>()) product.headers.push_back(n.get<std::string>());
    if (const json::Array* values = json::FindArray(p, "header_values"))
      for (const json::Value& v : *values) {
        const std::string* header = json::FindString(v, "name");
        const std::string* contains = json::FindString(v, "contains");
        if (header && contains && !contains->empty()) product.header_values.emplace_back(*header, *contains);
      }
    if (const json::Array* cookies = json::FindArray(p, "cookies"))
      for (const json::Value& c : *cookies)
        if (c.is<std::string>() && !c.get<std::string>().empty()) product.cookies.push_back(c.get<std::string>());
    out.push_back(std::move(product));
  }
  return out;
}

class WafCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink&) override {
    if (view.exchange.status == 0 || !site::OnTargetSite(view, ctx)) return;
    ++responses_;
    const HeaderList& h = view.exchange.response_headers;
    for (const WafProduct& p : ctx.Compiled(&ReadWafProducts)) {
      if (Seen(p.name)) continue;
      std::string marker = Match(p, h);
      if (marker.empty()) continue;
      json::Object o;
      o["name"] = json::Str(p.name);
      o["type"] = json::Str(p.type);
      o["marker"] = json::Str(text::SafeUtf8(marker, 128));
      found_.push_back(json::Value(o));
    }
  }

  void OnFinish(const AuditContext&, ResultSink& out) override {
    if (responses_ == 0) return;  // the engine reports the rule file's "absent" result
    CheckResult r;  // site-level
    r.outcome = found_.empty() ? "not-detected" : "detected";
    r.details.Set("products", json::Value(found_));
    out.Emit(std::move(r));
  }

 private:
  bool Seen(const std::string& name) const {
    for (const auto& f : found_)
      if (*json::FindString(f, "name") == name) return true;
    return false;
  }

  // The first marker of product `p` found in `h` ("header cf-ray", "cookie __cf_bm",
  // "server: cloudflare"), or "".
  static std::string Match(const WafProduct& p, const HeaderList& h) {
    for (const std::string& n : p.headers)
      if (h.Has(n)) return "header " + text::Lower(n);
    for (const auto& [name, contains] : p.header_values)
      for (std::string_view value : h.GetAll(name))
        if (text::ContainsIgnoreCase(value, contains)) return text::Lower(name) + ": " + contains;
    if (!p.cookies.empty())
      for (std::string_view sc : h.GetAll("Set-Cookie")) {
        const std::string_view cookie = CookieName(sc);
        for (const std::string& c : p.cookies)
          if (text::StartsWithIgnoreCase(cookie, c)) return "cookie " + std::string(cookie);
      }
    return "";
  }

  std::size_t responses_ = 0;
  json::Array found_;
};

}  // namespace

extern const CheckDescriptor kSiteWafCheck;  // listed in checks/registry.cc
const CheckDescriptor kSiteWafCheck{"site.waf", CheckInput::kEveryExchange, &MakeCheck<WafCheck>};

}  // namespace portal_check
