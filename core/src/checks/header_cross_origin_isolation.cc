// header.cross-origin-isolation (graded): COOP, COEP and CORP on each page, as one result.
//
// The outcome is the Observatory's CORP result code, the only one of the three that feeds its
// score; COOP and COEP go in details. Browsers read the three case-sensitively:
//  * COOP and COEP are RFC 8941 Items (a token, parameters such as report-to allowed) taken from
//    the combined field value, so two field lines, a quoted string or "Same-Origin" are invalid
//    and the browser falls back to unsafe-none.
//  * CORP (Fetch, "cross-origin resource policy internal check") is the combined value compared
//    byte for byte with same-origin, same-site or cross-origin; anything else is ignored.
// The Observatory lower-cases CORP before comparing, so "Same-Origin" earns its +10 while a
// browser ignores the header, and reads two fields as Node joins them ("same-origin, same-origin":
// invalid there, as in browsers): the result then carries the Observatory's code when it differs.
#include <initializer_list>
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "normalize/observatory_view.h"
#include "normalize/structured_field.h"
#include "util/text.h"

namespace portal_check {
namespace {

// The policy token of a COOP/COEP field, or "invalid" / "missing".
std::string ReadTokenPolicy(const HeaderList& headers, std::string_view name,
                            std::initializer_list<std::string_view> known) {
  const std::vector<std::string_view> lines = headers.GetAll(name);
  if (lines.empty()) return "missing";
  const std::optional<sf::Item> item = sf::ParseItem(sf::JoinFieldLines(lines));
  if (!item || item->bare.type != sf::BareItem::Type::kToken) return "invalid";
  for (std::string_view k : known)
    if (item->bare.text == k) return std::string(k);
  return "invalid";
}

std::string CorpCode(std::string_view policy) {
  if (policy == "same-origin") return "corp-implemented-with-same-origin";
  if (policy == "same-site") return "corp-implemented-with-same-site";
  if (policy == "cross-origin") return "corp-implemented-with-cross-origin";
  return "corp-header-invalid";
}

// Browser reading of CORP.
std::string BrowserCorp(const std::vector<std::string_view>& lines) {
  if (lines.empty()) return "corp-not-implemented";
  return CorpCode(text::Trim(sf::JoinFieldLines(lines)));
}

// Observatory reading: the value as its retriever reads it (observatory_view.h), cut at 256
// characters, trimmed, lower-cased; an empty value counts as absent.
std::string ObservatoryCorp(const HeaderList& headers) {
  const std::optional<std::string> value = observatory::Header(headers, "Cross-Origin-Resource-Policy");
  if (!value || value->empty()) return "corp-not-implemented";
  const std::string v = text::Lower(observatory::JsTrim(std::string_view(*value).substr(0, 256)));
  if (v.empty()) return "corp-not-implemented";
  return CorpCode(v);
}

Details Part(const HeaderList& headers, std::string_view name, const std::string& policy) {
  Details part;
  part.Str("policy", policy);
  const std::vector<std::string_view> lines = headers.GetAll(name);
  if (!lines.empty()) part.Str("value", sf::JoinFieldLines(lines), 512);
  return part;
}

class CrossOriginIsolationCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const HeaderList& h = view.exchange.response_headers;
    const std::string coop = ReadTokenPolicy(
        h, "Cross-Origin-Opener-Policy",
        {"same-origin", "same-origin-allow-popups", "noopener-allow-popups", "unsafe-none"});
    const std::string coep =
        ReadTokenPolicy(h, "Cross-Origin-Embedder-Policy", {"require-corp", "credentialless", "unsafe-none"});
    const std::vector<std::string_view> corp_lines = h.GetAll("Cross-Origin-Resource-Policy");

    CheckResult r = PageResult(view);
    r.outcome = BrowserCorp(corp_lines);
    std::string corp_policy = "missing";
    if (!corp_lines.empty()) {
      const std::string joined = sf::JoinFieldLines(corp_lines);
      const std::string_view v = text::Trim(joined);
      corp_policy = (v == "same-origin" || v == "same-site" || v == "cross-origin") ? std::string(v) : "invalid";
    }
    r.details.Set("coop", Part(h, "Cross-Origin-Opener-Policy", coop));
    r.details.Set("coep", Part(h, "Cross-Origin-Embedder-Policy", coep));
    r.details.Set("corp", Part(h, "Cross-Origin-Resource-Policy", corp_policy));
    // crossOriginIsolated needs COOP same-origin and COEP require-corp or credentialless.
    r.details.Bool("cross_origin_isolated",
                   coop == "same-origin" && (coep == "require-corp" || coep == "credentialless"));
    const std::string observatory = ObservatoryCorp(h);
    if (observatory != r.outcome) {
      r.observatory_result = observatory;
      r.details.Str("observatory_divergence",
          "the Observatory lower-cases the value before comparing (browsers compare it byte for byte) and reads "
          "repeated fields joined with \", \"");
    }
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderCrossOriginIsolationCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderCrossOriginIsolationCheck{"header.cross-origin-isolation", CheckInput::kPages, &MakeCheck<CrossOriginIsolationCheck>};

}  // namespace portal_check
