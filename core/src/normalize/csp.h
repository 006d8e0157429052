// Content-Security-Policy: parsing (CSP3 "parse a serialized CSP"), evaluation of what the
// enforced policies really allow, csp-evaluator-style sub-findings, and a faithful emulation of
// the Mozilla HTTP Observatory's CSP test (including its known flaws) so both verdicts can be
// reported side by side.
//
// Everything here is a linear scanner over std::string_view; no regex, no exceptions.
#ifndef PORTAL_CHECK_NORMALIZE_CSP_H_
#define PORTAL_CHECK_NORMALIZE_CSP_H_

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/headers.h"
#include "normalize/url.h"
#include "util/json.h"

namespace portal_check {
class PageModel;
}  // namespace portal_check

namespace portal_check::csp {

// Where a policy came from.
enum class Origin {
  kHeader,      // Content-Security-Policy response header (enforced)
  kReportOnly,  // Content-Security-Policy-Report-Only header (never enforced)
  kMeta,        // <meta http-equiv="Content-Security-Policy"> (enforced; frame-ancestors,
                // report-uri and sandbox are ignored there)
};
// "header", "report-only", "meta".
const char* OriginName(Origin origin);

// One sub-finding, in the shape reports carry: {directive, issue, value, severity, policy}.
struct Finding {
  std::string directive;  // lower-case directive name ("" for policy-level findings)
  std::string issue;      // stable kebab-case code, e.g. "unsafe-inline", "missing-object-src"
  std::string value;      // the offending source expression or text (raw site text: callers pass
                          // it through text::SafeUtf8 before it reaches a report)
  std::string severity;   // "high", "medium", "low", "info"
  std::string policy;     // label of the policy it came from ("header#0", "meta#1", ...), or ""
};
// A finding as reports carry it; `value` goes through text::SafeUtf8 (kFindingValueBytes).
inline constexpr std::size_t kFindingValueBytes = 1024;
json::Value FindingJson(const Finding& f);

struct Directive {
  std::string name;                 // lower-case
  std::vector<std::string> values;  // source expressions as written (case kept)
};

struct Policy {
  Origin origin = Origin::kHeader;
  int index = 0;                        // position among the policies of the same origin
  std::string text;                     // the serialized policy as received (trimmed)
  std::vector<Directive> directives;    // recognised-syntax directives, first occurrence only
  int ignored_in_meta = 0;              // directives dropped because <meta> cannot carry them
  // The directive named `name` (lower-case), or nullptr.
  const Directive* Find(std::string_view name) const;
  // "header#0", "report-only#1", "meta#0".
  std::string Label() const;
  bool enforced() const { return origin != Origin::kReportOnly; }
};

// The raw CSP evidence of one page.
struct Input {
  std::vector<std::string> headers;      // every Content-Security-Policy header value, in order
  std::vector<std::string> report_only;  // every Content-Security-Policy-Report-Only value
  std::vector<std::string> meta;         // every <meta http-equiv=CSP> content browsers apply
  bool https = true;                     // the page was served over https
  // The same evidence as the Observatory's retriever reads it (normalize/observatory_view.h):
  // the two headers folded as Node folds repeated fields (nullopt when absent), and the non-empty
  // contents of <meta> elements whose http-equiv, lower-cased and JavaScript-trimmed, names CSP,
  // outside <template> content, collected only when it reads the body as HTML at all.
  std::optional<std::string> observatory_header;
  std::optional<std::string> observatory_report_only;
  std::vector<std::string> observatory_meta;
};

// Collects the CSP evidence of one page: its response's Content-Security-Policy and
// -Report-Only headers, and (when `page` is not null) the content of every
// <meta http-equiv="Content-Security-Policy"> element a browser applies: http-equiv matched ASCII
// case-insensitively (an enumerated attribute: not trimmed), content not empty (HTML ignores an
// empty one), not inside <template> content (inert). <meta
// http-equiv="Content-Security-Policy-Report-Only"> is ignored, as browsers ignore it.
// `https` is set from the request URL's scheme (https when `url` is null).
// Limits: at most kMaxPoliciesPerKind values of each kind are kept (later ones are dropped), so
// the Observatory emulation's per-policy merge stays bounded on hostile pages.
inline constexpr std::size_t kMaxPoliciesPerKind = 64;
Input CollectInput(const HeaderList& response_headers, const PageModel* page, const std::optional<Url>& url);

// Parses one serialized policy (CSP3 section 2.2.1): split on ';', skip empty and non-ASCII
// tokens, directive names lower-cased, repeated directives ignored after the first. Syntax
// problems (duplicates, bad names, unknown or deprecated directives, missing semicolons,
// unquoted keywords, directives ignored in <meta>) are appended to `findings`.
Policy ParsePolicy(std::string_view text, Origin origin, int index, std::vector<Finding>& findings);

// Parses every policy of `in`: each header value is split on ',' into several policies (CSP3
// "parse a response's Content Security Policies"); each meta content is one policy with
// frame-ancestors, report-uri and sandbox removed. Order: headers, report-only, meta.
std::vector<Policy> ParseAll(const Input& in, std::vector<Finding>& findings);

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

// The Observatory's CSP test on the same input (Input::observatory_*): the header as Node folds
// repeated fields (never split on commas), meta contents appended, each policy split on ';' and
// on JavaScript white space (a no-break space separates sources there, not in browsers), policies
// shorter than 6 UTF-16 units "invalid", directives/sources merged by its sort-and-prefix
// intersection, any 'nonce-'/'sha*-' prefix counted as a valid nonce/hash, and 'strict-dynamic'
// without one "invalid".
struct ObservatoryCsp {
  std::string result;  // an Observatory csp-* result code
  // The merged policy the Observatory exposes as `data` (directive -> sources, sorted);
  // only meaningful when has_data (the test did not stop at invalid / not implemented).
  bool has_data = false;
  std::map<std::string, std::vector<std::string>> data;
};
ObservatoryCsp ObservatoryEvaluate(const Input& in);

// The Observatory result code our outcome code corresponds to ("" for an unknown outcome).
std::string_view ObservatoryCodeFor(std::string_view outcome);

// --- token helpers (exposed for tests) ---

// True when `value` matches CSP's base64-value grammar: 1*(ALPHA / DIGIT / "+" / "/" / "-" /
// "_") followed by at most two "=".
bool IsBase64Value(std::string_view value);
// Minimum nonce length, in base64 characters, for a nonce to void 'unsafe-inline' here.
// 16 base64 characters carry 96 bits; shorter nonces are guessable or static.
inline constexpr std::size_t kMinNonceChars = 16;
// True when `value` (the part after "'nonce-", without the closing quote) is well-formed base64
// and at least kMinNonceChars long.
bool IsAdequateNonce(std::string_view value);
// True when `algorithm` is sha256/sha384/sha512 (case-insensitive) and `value` is base64 or
// base64url (padding optional) that decodes to exactly 32/48/64 bytes.
bool IsValidHash(std::string_view algorithm, std::string_view value);

// True when a frame-ancestors source list protects nothing: it holds `*` or a bare scheme
// ("https:", "http:") or a scheme-wildcard host ("https://*"). An empty list means 'none'.
bool IsPermissiveFrameAncestors(const Directive& frame_ancestors);

}  // namespace portal_check::csp

#endif  // PORTAL_CHECK_NORMALIZE_CSP_H_
