// The Mozilla HTTP Observatory's Content-Security-Policy test, emulated faithfully (including its
// known flaws) so its verdict can be reported next to ours (csp_evaluate.h). The mapping from our
// outcomes to its result codes is data: the "observatory" of each outcome row of
// rules/header.csp.json.
#ifndef PORTAL_CHECK_NORMALIZE_CSP_OBSERVATORY_H_
#define PORTAL_CHECK_NORMALIZE_CSP_OBSERVATORY_H_

#include <map>
#include <string>
#include <vector>

#include "normalize/csp_parse.h"

namespace portal_check::csp {

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

}  // namespace portal_check::csp

#endif  // PORTAL_CHECK_NORMALIZE_CSP_OBSERVATORY_H_
