// Content-Security-Policy parsing: the CSP evidence of one page (headers and <meta http-equiv>)
// and CSP3 "parse a serialized CSP", with syntax findings. No judgement here: see csp_evaluate.h
// (what browsers enforce) and csp_observatory.h (the Observatory's verdict).
#ifndef PORTAL_CHECK_NORMALIZE_CSP_PARSE_H_
#define PORTAL_CHECK_NORMALIZE_CSP_PARSE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/headers.h"
#include "normalize/url.h"

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
// A Finding from its parts (`policy` is a Policy::Label() or "").
Finding MakeFinding(std::string_view directive, std::string_view issue, std::string_view value,
                    std::string_view severity, const std::string& policy);

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

}  // namespace portal_check::csp

#endif  // PORTAL_CHECK_NORMALIZE_CSP_PARSE_H_
