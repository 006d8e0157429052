// transport.hsts (graded, Observatory test "strict-transport-security"): the
// Strict-Transport-Security header of every https page.
//
// Outcomes (first header field only, as RFC 6797 8.1 tells a UA to do):
//   missing        no Strict-Transport-Security field
//   invalid        not parseable per RFC 6797 6.1 (normalize/hsts.h)
//   max-age-zero   max-age=0: the header deletes the policy
//   short-max-age  max-age below one year (31536000)
//   preload-ready  max-age >= one year with includeSubDomains and preload
//   strong         max-age >= one year otherwise
// An http page gets not-applicable (browsers ignore HSTS over http; a header sent anyway is noted)
// with the Observatory's hsts-not-implemented-no-https, so the grade matches the Observatory's.
//
// Observatory compatibility: the Observatory's own parser is emulated (ObservatoryHstsResult in
// normalize/hsts.h, on the header as its retriever reads it) and its result code is attached whenever it differs from the one the rule file maps the
// outcome to (e.g. max-age between six months and a year: the Observatory passes it; a quoted
// max-age: RFC-valid, but the Observatory's parseInt yields NaN and it passes anything). The
// Observatory's hsts-preloaded is never claimed: the engine carries no preload list. When the
// capture recorded an untrusted certificate the Observatory reports hsts-invalid-cert.
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "evidence/limits.h"
#include "normalize/hsts.h"
#include "normalize/observatory_view.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kHeader = "Strict-Transport-Security";

constexpr std::string_view kObsAtLeastSix = "hsts-implemented-max-age-at-least-six-months";
constexpr std::string_view kObsLessThanSix = "hsts-implemented-max-age-less-than-six-months";
constexpr std::string_view kObsNotImplemented = "hsts-not-implemented";
constexpr std::string_view kObsInvalid = "hsts-header-invalid";
constexpr std::string_view kObsNoHttps = "hsts-not-implemented-no-https";
constexpr std::string_view kObsInvalidCert = "hsts-invalid-cert";

// The Observatory result code rules/transport.hsts.json maps each outcome to.
std::string_view MappedObservatory(std::string_view outcome) {
  if (outcome == "strong" || outcome == "preload-ready") return kObsAtLeastSix;
  if (outcome == "short-max-age" || outcome == "max-age-zero") return kObsLessThanSix;
  if (outcome == "missing") return kObsNotImplemented;
  return kObsInvalid;
}

std::string OutcomeFor(const HstsPolicy& p) {
  if (!p.valid) return "invalid";
  const std::int64_t age = *p.max_age;
  if (age == 0) return "max-age-zero";
  if (age < kHstsOneYear) return "short-max-age";
  if (p.include_subdomains && p.preload) return "preload-ready";
  return "strong";
}

void AddPolicyDetails(const HstsPolicy& p, Details& d) {
  if (p.max_age) d.Int("max_age", *p.max_age);
  d.Bool("include_subdomains", p.include_subdomains);
  d.Bool("preload", p.preload);
  if (!p.problems.empty()) {
    DetailList problems;
    for (const std::string& s : p.problems) problems.Str(s);
    d.Set("problems", std::move(problems));
  }
}

class TransportHsts : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    CheckResult r = PageResult(view);
    std::vector<std::string_view> values = view.exchange.response_headers.GetAll(kHeader);
    if (view.url->IsHttps()) {
      JudgeHttps(values, view.exchange.response_headers, r);
      // The Observatory ignores the header when the certificate does not verify.
      const auto& tls = view.exchange.tls;
      if (tls && tls->trusted.has_value() && !*tls->trusted) {
        r.observatory_result = std::string(kObsInvalidCert);
        r.details.Str("observatory_divergence",
            "the certificate was recorded as untrusted: the Observatory then ignores the header");
      }
    } else
      JudgeHttp(values, r);
    out.Emit(std::move(r));
  }

 private:
  static void JudgeHttp(const std::vector<std::string_view>& values, CheckResult& r) {
    r.outcome = "not-applicable";
    r.observatory_result = std::string(kObsNoHttps);
    r.details.Str("reason", "page served over http: HSTS applies only to https responses");
    if (!values.empty()) {
      r.details.Str("header", values.front(), 1024);
      r.details.Str("note", "Strict-Transport-Security sent over http is ignored by browsers (RFC 6797 8.1)");
    }
  }

  static void JudgeHttps(const std::vector<std::string_view>& values, const HeaderList& headers, CheckResult& r) {
    r.details.Str("preload_list",
        "not consulted: the engine has no HSTS preload list, so it never reports hsts-preloaded");
    if (values.empty()) {
      r.outcome = "missing";
    } else {
      HstsPolicy p = ParseHsts(values.front());
      r.outcome = OutcomeFor(p);
      r.details.Str("header", values.front(), 1024);
      AddPolicyDetails(p, r.details);
      if (values.size() > 1) {
        r.details.Int("header_count", static_cast<std::int64_t>(values.size()));
        r.details.Str("note", "several Strict-Transport-Security fields: only the first is used (RFC 6797 8.1)");
      }
    }
    std::string_view obs = ObservatoryHstsResult(observatory::Header(headers, kHeader));
    if (obs != MappedObservatory(r.outcome)) {
      r.observatory_result = std::string(obs);
      r.details.Str("observatory_divergence",
          "the Observatory reads repeated fields joined with \", \" (a comma makes it invalid), lets the last "
          "max-age win and passes a max-age that is not a number; browsers follow RFC 6797");
    }
  }
};

}  // namespace

extern const CheckDescriptor kTransportHstsCheck;  // listed in checks/registry.cc
const CheckDescriptor kTransportHstsCheck{"transport.hsts", CheckInput::kWebPages, &MakeCheck<TransportHsts>};

}  // namespace portal_check
