// CSP: ParsePolicy on the whole input, then Evaluate + ObservatoryEvaluate with the input's lines
// distributed over header / report-only / meta policies.
#include <string>
#include "fuzz_util.h"
#include "checks/support/csp_finding_json.h"
#include "normalize/csp_evaluate.h"
#include "normalize/csp_observatory.h"
#include "normalize/csp_parse.h"
#include "normalize/csp_source.h"

using namespace portal_check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::AsView(data, size);
  std::vector<csp::Finding> findings;
  csp::Policy p = csp::ParsePolicy(text, csp::Origin::kHeader, 0, findings);
  (void)p.Label();
  if (const csp::Directive* fa = p.Find("frame-ancestors")) (void)csp::IsPermissiveFrameAncestors(*fa);
  for (const auto& d : p.directives)
    for (const auto& v : d.values) { (void)csp::IsBase64Value(v); (void)csp::IsAdequateNonce(v); (void)csp::IsValidHash("sha256", v); }
  csp::Input in;
  int i = 0;
  for (std::string_view line : fuzz::Lines(text)) {
    switch (i++ % 3) {
      case 0: in.headers.emplace_back(line); break;
      case 1: in.meta.emplace_back(line); break;
      default: in.report_only.emplace_back(line); break;
    }
  }
  in.https = size % 2 == 0;
  csp::BypassHosts bypass{{"www.google.com", "ajax.googleapis.com"}, {"ajax.googleapis.com", "cdnjs.cloudflare.com"}};
  csp::Evaluation ev = csp::Evaluate(in, bypass);
  for (const auto& f : ev.findings) (void)CspFindingJson(f);
  csp::ObservatoryCsp obs = csp::ObservatoryEvaluate(in);
  (void)obs;
  return 0;
}
