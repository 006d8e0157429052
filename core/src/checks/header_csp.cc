// header.csp: the Content-Security-Policy of every page (headers and <meta http-equiv>), judged
// by what browsers enforce (normalize/csp_parse.h, csp_evaluate.h), with the Observatory's own verdict alongside.
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "checks/support/csp_finding_json.h"
#include "checks/support/page_derived.h"
#include "normalize/csp_evaluate.h"
#include "normalize/csp_observatory.h"
#include "normalize/page_model.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxFindings = 200;  // details stay bounded on hostile policies

DetailList PoliciesJson(const std::vector<csp::Policy>& policies) {
  DetailList out;
  for (const csp::Policy& p : policies) {
    Details o;
    o.Str("policy", p.Label());
    o.Str("source", csp::OriginName(p.origin));
    o.Str("value", text::SafeUtf8(p.text));
    o.Bool("enforced", p.enforced());
    out.Add(o);
  }
  return out;
}

DetailList FindingsJson(const std::vector<csp::Finding>& findings, bool& truncated) {
  DetailList out;
  truncated = findings.size() > kMaxFindings;
  for (std::size_t i = 0; i < findings.size() && i < kMaxFindings; ++i) out.Add(CspFindingJson(findings[i]));
  return out;
}

Details DivergenceJson(const std::string& observatory, const std::vector<std::string>& notes) {
  Details o;
  o.Str("observatory", observatory);
  DetailList n;
  for (const std::string& s : notes) n.Str(s);
  o.Set("notes", n);
  return o;
}

class HeaderCspCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const csp::Evaluation& ev = SharedCspEvaluation(view, ctx);
    const csp::ObservatoryCsp& obs = SharedObservatoryCsp(view);

    CheckResult r = PageResult(view);
    r.outcome = ev.outcome;
    r.details.Set("policies", PoliciesJson(ev.policies));
    bool truncated = false;
    r.details.Set("findings", FindingsJson(ev.findings, truncated));
    if (truncated) r.details.Bool("findings_truncated", true);
    r.details.Int("enforced_policies", ev.enforced_policies);
    // The Observatory's code for our outcome is the rule's mapping (rules/header.csp.json).
    if (obs.result != ctx.ObservatoryResultFor("header.csp", ev.outcome)) {
      r.observatory_result = obs.result;
      r.details.Set("observatory_divergence", DivergenceJson(obs.result, ev.observatory_notes));
    }
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderCspCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderCspCheck{"header.csp", CheckInput::kPages, &MakeCheck<HeaderCspCheck>};

}  // namespace portal_check
