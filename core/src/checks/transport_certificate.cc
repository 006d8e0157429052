// transport.certificate: the certificate each audited https host presented, from the HAR's
// `_securityDetails` (Exchange::tls) of the first https page on that host that carries it.
// One result per host, about that page.
//
// Outcomes, first match wins (every problem found is listed in details.problems regardless):
//   expired            validTo is before the exchange's startedDateTime, or validFrom after it
//                      (browsers reject both as ERR_CERT_DATE_INVALID; details say which)
//   hostname-mismatch  the host matches no subjectAltName (or, when the capture recorded no SAN
//                      list, the subject CN) under RFC 6125 wildcard rules
//   untrusted          the capture recorded that the chain is not trusted (`_trusted: false`)
//   expiring-soon      validTo is less than 30 days after startedDateTime (passes, with a warning)
//   valid              otherwise
// Time is the exchange's own startedDateTime: the core never reads the clock. When it is absent
// (or the validity dates are), validity is not judged and details say so. An https host whose
// pages carry no TLS details gets not-captured; an audit without any https page gets the rule
// file's "absent" result (one site-level not-applicable).
// A refused certificate: a browser that does not trust a certificate gets no response at all (the
// extension's capture records such an https request as status 0 with `_securityDetails._trusted:
// false` and the browser's error in `_trustError`). An https host with no page judged but such a
// refusal is untrusted, about the refused URL: the refusal is the evidence, and "no page over
// https" would be a false clean.
#include <map>
#include <memory>
#include <set>
#include <string>

#include "checks/check.h"
#include "checks/support/https_hosts.h"
#include "normalize/url.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::int64_t kExpiringSoonSeconds = 30 * 24 * 3600;
constexpr std::size_t kMaxListedNames = 50;
// Hosts whose refused certificate is kept for OnFinish; refusals on later hosts are not judged
// (a capture of one site names a handful of https hosts).
constexpr std::size_t kMaxRefusedHosts = 1000;

std::string_view StripTrailingDot(std::string_view s) {
  if (!s.empty() && s.back() == '.') s.remove_suffix(1);
  return s;
}

std::string_view StripBrackets(std::string_view host) {
  if (host.size() >= 2 && host.front() == '[' && host.back() == ']') return host.substr(1, host.size() - 2);
  return host;
}

// RFC 6125 6.4.3 as browsers apply it: a wildcard only as the whole left-most label, matching
// exactly one non-empty label, never over a public suffix ("*.gov.vn") and never an IP address.
// REQUIRES: host is lower-case, without a trailing dot.
bool NameMatches(std::string_view pattern_in, std::string_view host) {
  std::string pattern = text::Lower(StripTrailingDot(text::Trim(pattern_in)));
  if (pattern.empty()) return false;
  if (pattern == StripBrackets(host)) return true;
  if (pattern.size() < 3 || pattern.compare(0, 2, "*.") != 0) return false;
  if (IsIpLiteral(host)) return false;
  std::string_view suffix = std::string_view(pattern).substr(2);
  if (suffix.find('*') != std::string_view::npos || suffix.find('.') == std::string_view::npos) return false;
  if (RegistrableDomain(suffix).empty()) return false;
  std::size_t dot = host.find('.');
  if (dot == std::string_view::npos || dot == 0) return false;
  return host.substr(dot + 1) == suffix;
}

DetailList NameList(const std::vector<std::string>& names) {
  DetailList arr;
  for (std::size_t i = 0; i < names.size() && i < kMaxListedNames; ++i)
    arr.Str(names[i], 512);
  return arr;
}

// Facts found while judging, in outcome precedence order.
struct Findings {
  bool expired = false;
  bool not_yet_valid = false;
  bool mismatch = false;
  bool untrusted = false;
  bool expiring_soon = false;
};

std::string OutcomeOf(const Findings& f) {
  if (f.expired || f.not_yet_valid) return "expired";
  if (f.mismatch) return "hostname-mismatch";
  if (f.untrusted) return "untrusted";
  if (f.expiring_soon) return "expiring-soon";
  return "valid";
}

void JudgeValidity(const TlsDetails& tls, const std::optional<std::int64_t>& now, Findings& f, Details& d) {
  if (tls.valid_from) d.Int("valid_from", *tls.valid_from);
  if (tls.valid_to) d.Int("valid_to", *tls.valid_to);
  if (!now) {
    d.Str("validity", "not judged: the exchange has no startedDateTime");
    return;
  }
  d.Int("checked_at", *now);
  if (!tls.valid_to && !tls.valid_from) {
    d.Str("validity", "not judged: the capture recorded no validity dates");
    return;
  }
  if (tls.valid_from && *now < *tls.valid_from) f.not_yet_valid = true;
  if (tls.valid_to) {
    const std::int64_t left = *tls.valid_to - *now;
    d.Int("days_left", left >= 0 ? left / 86400 : -((-left + 86399) / 86400));
    if (left < 0) f.expired = true;
    else if (left < kExpiringSoonSeconds) f.expiring_soon = true;
  }
}

void JudgeHostname(const TlsDetails& tls, const Url& url, Findings& f, Details& d) {
  const std::string& host = url.host();
  bool matches = false;
  if (!tls.san_list.empty()) {
    d.Str("matched_against", "subject-alt-names");
    for (const std::string& name : tls.san_list) matches = matches || NameMatches(name, host);
  } else if (!tls.subject_name.empty()) {
    d.Str("matched_against", "subject-cn");
    d.Str("note", "the capture recorded no subjectAltName list; the subject CN was used");
    matches = NameMatches(tls.subject_name, host);
  } else {
    d.Str("matched_against", "none");
    d.Str("hostname", "not judged: the capture recorded neither SAN list nor subject");
    return;
  }
  d.Bool("hostname_matches", matches);
  f.mismatch = !matches;
}

DetailList Problems(const Findings& f) {
  DetailList a;
  if (f.expired) a.Str("expired");
  if (f.not_yet_valid) a.Str("not-yet-valid");
  if (f.mismatch) a.Str("hostname-mismatch");
  if (f.untrusted) a.Str("untrusted");
  if (f.expiring_soon) a.Str("expiring-soon");
  return a;
}

// The result for a host whose certificate the capturing client refused (see the file comment).
CheckResult RefusedResult(const std::string& url, const std::string& trust_error) {
  CheckResult r = PageResult(url);
  r.outcome = "untrusted";
  r.details.Bool("trusted", false);
  r.details.Str("refused", "the capturing client refused the certificate, so no page was received over https" +
      (trust_error.empty() ? std::string() : " (" + text::SafeUtf8(trust_error, 256) + ")"));
  DetailList problems;
  problems.Str("untrusted");
  r.details.Set("problems", std::move(problems));
  return r;
}

class TransportCertificate : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (Reads(CheckInput::kHttpsPages, view)) {
      if (hosts_.ShouldJudge(view, view.exchange.tls.has_value())) {
        judged_.insert(view.url->host());
        out.Emit(Judge(*view.exchange.tls, *view.url, view.exchange.started, PageResult(view)));
      }
      return;
    }
    const Exchange& ex = view.exchange;
    if (ex.status == 0 && view.url->IsHttps() && ex.tls && ex.tls->trusted == false &&
        refused_.size() < kMaxRefusedHosts)
      refused_.emplace(view.url->host(), Refusal{ex.url, ex.tls->trust_error});
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override {
    for (const auto& [host, refusal] : refused_)
      if (!judged_.count(host)) out.Emit(RefusedResult(refusal.url, refusal.trust_error));
    hosts_.Finish("no TLS details (_securityDetails) were recorded for this host", out);
  }

 private:
  static CheckResult Judge(const TlsDetails& tls, const Url& url, const std::optional<std::int64_t>& now,
                           CheckResult r) {
    Details& d = r.details;
    d.Str("subject", tls.subject_name, 512);
    d.Str("issuer", tls.issuer, 512);
    if (!tls.san_list.empty()) d.Set("san", NameList(tls.san_list));
    d.Set("trusted", tls.trusted ? json::Bool(*tls.trusted) : json::Value());
    Findings f;
    JudgeValidity(tls, now, f, d);
    JudgeHostname(tls, url, f, d);
    f.untrusted = tls.trusted.has_value() && !*tls.trusted;
    d.Set("problems", Problems(f));
    r.outcome = OutcomeOf(f);
    return r;
  }

  struct Refusal {
    std::string url, trust_error;
  };
  HttpsHostLedger hosts_;
  std::set<std::string> judged_;             // hosts judged on a page
  std::map<std::string, Refusal> refused_;   // host -> its first refused https request
};

}  // namespace

extern const CheckDescriptor kTransportCertificateCheck;  // listed in checks/registry.cc
const CheckDescriptor kTransportCertificateCheck{"transport.certificate", CheckInput::kWebExchanges, &MakeCheck<TransportCertificate>};

}  // namespace portal_check
