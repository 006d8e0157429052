// Content-Security-Policy evaluation: what the enforced policies of one page really allow (our
// verdict), csp-evaluator-style sub-findings, and the known reasons the Observatory may judge the
// same input differently. Parsing is csp_parse.h; the Observatory's own verdict csp_observatory.h.
#ifndef PORTAL_CHECK_NORMALIZE_CSP_EVALUATE_H_
#define PORTAL_CHECK_NORMALIZE_CSP_EVALUATE_H_

#include <string>
#include <string_view>
#include <vector>

#include "normalize/csp_parse.h"

namespace portal_check::csp {

// One URL of a bypass list: its host (lower-case) and path ("/" when it has none).
struct BypassUrl {
  std::string host;
  std::string path = "/";
};
// Parses a list entry: "//host/path" (the lists' form), "scheme://host/path" or a bare host.
BypassUrl ParseBypassUrl(std::string_view entry);

// URLs known to serve JSONP endpoints or AngularJS (rules/data/csp-bypass-hosts.json, generated
// from Google CSP Evaluator's lists), in list order, and the JSONP hosts whose bypass needs
// 'unsafe-eval' in the same source list (Google Analytics, Tag Manager, Ad Services).
struct BypassHosts {
  std::vector<BypassUrl> jsonp;
  std::vector<BypassUrl> angular;
  std::vector<std::string> jsonp_needs_eval;  // lower-case hosts
};

// Our verdict for one page.
struct Evaluation {
  // One of: default-none, no-unsafe, unsafe-inline-style-only, insecure-scheme-passive-only,
  // unsafe-eval, unsafe-inline, insecure-scheme, invalid, missing, report-only.
  std::string outcome;
  std::vector<Policy> policies;     // every parsed policy (enforced and report-only)
  std::vector<Finding> findings;    // syntax and csp-evaluator-style sub-findings
  int enforced_policies = 0;        // enforced policies with at least one directive
  // Known reasons the Observatory may judge this input differently (stable English phrases).
  std::vector<std::string> observatory_notes;
};

// Evaluates the enforced policies of `in`. Several enforced policies combine by intersection:
// an unsafe aspect (inline script, broad object-src, http: sources, eval, unsafe styles) holds
// only when every enforced policy allows it. Never fails.
Evaluation Evaluate(const Input& in, const BypassHosts& bypass);

// True when a frame-ancestors source list protects nothing: it holds `*` or a bare scheme
// ("https:", "http:") or a scheme-wildcard host ("https://*"). An empty list means 'none'.
bool IsPermissiveFrameAncestors(const Directive& frame_ancestors);

}  // namespace portal_check::csp

#endif  // PORTAL_CHECK_NORMALIZE_CSP_EVALUATE_H_
