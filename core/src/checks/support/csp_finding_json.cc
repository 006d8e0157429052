#include "checks/support/csp_finding_json.h"

#include "util/text.h"

namespace portal_check {

Details CspFindingJson(const csp::Finding& f) {
  Details o;
  o.Str("directive", f.directive);
  o.Str("issue", f.issue);
  o.Str("value", f.value, kCspFindingValueBytes);
  o.Str("severity", f.severity);
  o.Str("policy", f.policy);
  return o;
}

}  // namespace portal_check
