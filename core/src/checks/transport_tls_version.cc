// transport.tls-version: the TLS version each audited https host negotiated, from
// `_securityDetails.protocol` (Exchange::tls->protocol) of the first https page on that host that
// carries it. One result per host, about that page.
//
// Outcomes: ok (TLS 1.2, TLS 1.3, or QUIC, which always runs TLS 1.3), legacy-tls (SSL 2/3,
// TLS 1.0, TLS 1.1: deprecated by RFC 8996 and BOD 18-01). Spellings accepted: "TLS 1.3" (Chrome,
// Playwright), "TLSv1.2" (OpenSSL, mitmproxy), "TLS1_2", "SSL 3.0", "QUIC". No TLS details on an
// https host's pages -> not-captured; an unrecognised protocol string -> error; an audit with no
// https page -> the rule file's "absent" result (one site-level not-applicable).
#include <memory>
#include <string>

#include "checks/check.h"
#include "checks/support/https_hosts.h"
#include "util/text.h"

namespace portal_check {
namespace {

// "TLS 1.3" -> "tls1.3", "TLSv1" -> "tls1", "TLS1_2" -> "tls1.2".
std::string CanonicalProtocol(std::string_view protocol) {
  std::string out;
  for (char c : text::Lower(text::Trim(protocol))) {
    if (c == ' ' || c == 'v') continue;
    out.push_back(c == '_' ? '.' : c);
  }
  return out;
}

enum class Grade { kOk, kLegacy, kUnknown };

Grade GradeOf(const std::string& p) {
  for (std::string_view ok : {"tls1.2", "tls1.3", "quic"})
    if (p == ok) return Grade::kOk;
  for (std::string_view old : {"ssl2", "ssl2.0", "ssl3", "ssl3.0", "tls1", "tls1.0", "tls1.1"})
    if (p == old) return Grade::kLegacy;
  return Grade::kUnknown;
}

class TransportTlsVersion : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const auto& tls = view.exchange.tls;
    if (!hosts_.ShouldJudge(view, tls && !text::Trim(tls->protocol).empty())) return;
    CheckResult r = PageResult(view);
    r.details.Str("protocol", tls->protocol, 64);
    switch (GradeOf(CanonicalProtocol(tls->protocol))) {
      case Grade::kOk: r.outcome = "ok"; break;
      case Grade::kLegacy: r.outcome = "legacy-tls"; break;
      case Grade::kUnknown:
        r.outcome = "error";
        r.details.Str("reason", "unrecognised protocol name");
        break;
    }
    out.Emit(std::move(r));
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override {
    hosts_.Finish("no TLS protocol (_securityDetails.protocol) was recorded for this host", out);
  }

 private:
  HttpsHostLedger hosts_;
};

}  // namespace

extern const CheckDescriptor kTransportTlsVersionCheck;  // listed in checks/registry.cc
const CheckDescriptor kTransportTlsVersionCheck{"transport.tls-version", CheckInput::kHttpsPages, &MakeCheck<TransportTlsVersion>};

}  // namespace portal_check
