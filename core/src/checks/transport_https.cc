// transport.https: every audited page (a successful HTML GET) is served over https.
//
// Outcomes: ok (the page's final URL is https), http-only (it is http). One result per page.
// Pages whose URL did not parse are skipped: the engine already reports unparsable URLs.
#include <memory>

#include "checks/check.h"
#include "evidence/limits.h"
#include "util/text.h"

namespace portal_check {
namespace {

class TransportHttps : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    CheckResult r = PageResult(view);
    r.outcome = view.url->IsHttps() ? "ok" : "http-only";
    r.details.Str("scheme", view.url->scheme());
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kTransportHttpsCheck;  // listed in checks/registry.cc
const CheckDescriptor kTransportHttpsCheck{"transport.https", CheckInput::kWebPages, &MakeCheck<TransportHttps>};

}  // namespace portal_check
