#include "checks/support/csp_finding_json.h"

#include "util/text.h"

namespace portal_check {

json::Value CspFindingJson(const csp::Finding& f) {
  json::Object o;
  o["directive"] = json::Str(f.directive);
  o["issue"] = json::Str(f.issue);
  o["value"] = json::Str(text::SafeUtf8(f.value, kCspFindingValueBytes));
  o["severity"] = json::Str(f.severity);
  o["policy"] = json::Str(f.policy);
  return json::Value(o);
}

}  // namespace portal_check
