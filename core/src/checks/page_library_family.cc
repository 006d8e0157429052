// The page.* checks that recognise software: JavaScript libraries and the CMS. Outcome lists must
// equal rules/<id>.json's (tests/unit/rule_consistency_test.cc compares them).
#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendPageLibraryChecks(std::vector<CheckDescriptor>& out) {
  out.push_back({"page.vulnerable-library", {"none", "vulnerable", "unknown-version"}, &MakePageVulnerableLibraryCheck});
  out.push_back({"page.cms", {"none", "current", "outdated", "unknown-version"}, &MakePageCmsCheck});
}

}  // namespace portal_check
