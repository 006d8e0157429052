// header.clickjacking: X-Frame-Options and CSP frame-ancestors on every page. Unlike the
// Observatory, the value of frame-ancestors is read: `*` or a bare scheme protects nothing, and
// when frame-ancestors is present browsers ignore X-Frame-Options entirely.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "checks/support/csp_finding_json.h"
#include "checks/support/page_derived.h"
#include "normalize/csp_evaluate.h"
#include "normalize/csp_observatory.h"
#include "normalize/csp_parse.h"
#include "normalize/observatory_view.h"
#include "normalize/page_model.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxValueBytes = 1024;

struct XfoVerdict {
  std::string outcome;              // xfo-deny-or-sameorigin, xfo-allow-from, invalid, missing
  std::vector<csp::Finding> findings;
};

// X-Frame-Options per the HTML standard's processing model: every value split on ',', trimmed
// and lower-cased into a set; several distinct values that include deny/sameorigin/allowall
// block framing altogether. ALLOW-FROM is unsupported by current browsers (noted).
XfoVerdict JudgeXfo(const std::vector<std::string_view>& values) {
  XfoVerdict v;
  std::set<std::string> tokens;
  for (std::string_view value : values)
    for (std::string_view t : text::Split(value, ','))
      if (!t.empty()) tokens.insert(text::Lower(t));
  if (tokens.empty()) {
    v.outcome = "missing";
    return v;
  }
  if (values.size() > 1)
    v.findings.push_back({"x-frame-options", "repeated-header", std::to_string(values.size()), "low", "header"});
  if (tokens.size() > 1) {
    bool blocks = tokens.count("deny") || tokens.count("sameorigin") || tokens.count("allowall");
    std::string joined;
    for (const std::string& t : tokens) joined += (joined.empty() ? "" : ", ") + t;
    v.findings.push_back({"x-frame-options", "conflicting-values", joined, "medium", "header"});
    v.outcome = blocks ? "xfo-deny-or-sameorigin" : "invalid";
    return v;
  }
  const std::string& t = *tokens.begin();
  if (t == "deny" || t == "sameorigin") {
    v.outcome = "xfo-deny-or-sameorigin";
  } else if (text::StartsWithIgnoreCase(t, "allow-from")) {
    v.outcome = "xfo-allow-from";
    v.findings.push_back({"x-frame-options", "allow-from-unsupported", t, "medium", "header"});
  } else {
    v.outcome = "invalid";
    v.findings.push_back({"x-frame-options", "invalid-value", t, "medium", "header"});
  }
  return v;
}

// The Observatory's X-Frame-Options test: the header as its retriever reads it (repeated fields
// joined with ", ", observatory_view.h), then any frame-ancestors in its merged CSP data (headers
// and meta alike) wins whatever its value.
std::string ObservatoryXfo(const HeaderList& headers, const csp::ObservatoryCsp& obs_csp) {
  std::string result = "x-frame-options-not-implemented";
  const std::optional<std::string> value = observatory::Header(headers, "X-Frame-Options");
  if (value && !value->empty()) {
    std::string xfo = text::Lower(observatory::JsTrim(std::string_view(*value).substr(0, 1024)));
    if (xfo == "deny" || xfo == "sameorigin") result = "x-frame-options-sameorigin-or-deny";
    else if (xfo.rfind("allow-from", 0) == 0) result = "x-frame-options-allow-from-origin";
    else result = "x-frame-options-header-invalid";
  }
  if (obs_csp.has_data && obs_csp.data.count("frame-ancestors")) result = "x-frame-options-implemented-via-csp";
  return result;
}

class HeaderClickjackingCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const HeaderList& headers = view.exchange.response_headers;
    // (CSP syntax and the other findings are header.csp's; here only the policies are read.)
    const std::vector<csp::Policy>& policies = SharedCspEvaluation(view, ctx).policies;

    CheckResult r = PageResult(view);
    std::vector<csp::Finding> findings;
    DetailList ancestors;
    bool protective = false, permissive = false;
    for (const csp::Policy& p : policies) {
      const csp::Directive* fa = p.Find("frame-ancestors");
      if (fa == nullptr || p.origin != csp::Origin::kHeader) continue;
      std::string value;
      for (const std::string& s : fa->values) value += (value.empty() ? "" : " ") + s;
      Details o;
      o.Str("policy", p.Label());
      o.Str("value", value, kMaxValueBytes);
      ancestors.Add(o);
      if (csp::IsPermissiveFrameAncestors(*fa)) {
        permissive = true;
        findings.push_back({"frame-ancestors", "permissive-frame-ancestors", value, "medium", p.Label()});
      } else {
        protective = true;
      }
    }
    for (const csp::Policy& p : policies)
      if (p.origin == csp::Origin::kMeta && !p.text.empty() && text::ContainsIgnoreCase(p.text, "frame-ancestors"))
        findings.push_back({"frame-ancestors", "ignored-in-meta", p.text, "low", p.Label()});

    std::vector<std::string_view> xfo_values = headers.GetAll("X-Frame-Options");
    XfoVerdict xfo = JudgeXfo(xfo_values);
    if (protective) r.outcome = "frame-ancestors";
    else if (permissive) r.outcome = "frame-ancestors-permissive";
    else r.outcome = xfo.outcome;
    if ((protective || permissive) && xfo.outcome != "missing")
      findings.push_back({"x-frame-options", "ignored-with-frame-ancestors", "", "info", "header"});
    findings.insert(findings.end(), xfo.findings.begin(), xfo.findings.end());

    r.details.Set("x_frame_options", SafeStringList(xfo_values, kMaxValueBytes));
    r.details.Set("frame_ancestors", ancestors);
    DetailList f_json;
    for (const csp::Finding& f : findings) f_json.Add(CspFindingJson(f));
    r.details.Set("findings", f_json);

    std::string obs = ObservatoryXfo(headers, SharedObservatoryCsp(view));
    // The Observatory's code for our outcome is the rule's mapping (rules/header.clickjacking.json).
    if (obs != ctx.ObservatoryResultFor("header.clickjacking", r.outcome)) {
      r.observatory_result = obs;
      Details d;
      d.Str("observatory", obs);
      DetailList notes;
      if (obs == "x-frame-options-implemented-via-csp")
        notes.Str("the Observatory accepts any frame-ancestors value, and reads it from <meta> too");
      if (xfo_values.size() > 1 || xfo.findings.size() > 0)
        notes.Str("the Observatory reads repeated X-Frame-Options headers joined with \", \"");
      d.Set("notes", notes);
      r.details.Set("observatory_divergence", d);
    }
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderClickjackingCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderClickjackingCheck{"header.clickjacking", CheckInput::kPages, &MakeCheck<HeaderClickjackingCheck>};

}  // namespace portal_check
