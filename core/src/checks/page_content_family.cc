#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

// page.* checks over page content. Outcome lists match rules/page.<name>.json.
void AppendPageContentChecks(std::vector<CheckDescriptor>& out) {
  out.push_back({"page.comments", {"none", "sensitive", "notes"}, &MakePageCommentsCheck});
  out.push_back({"page.directory-listing", {"none", "listing"}, &MakePageDirectoryListingCheck});
  out.push_back({"page.error-disclosure", {"none", "disclosed"}, &MakePageErrorDisclosureCheck});
  out.push_back({"page.obfuscated-script", {"none", "suspicious"}, &MakePageObfuscatedScriptCheck});
  out.push_back({"page.private-ip", {"none", "disclosed"}, &MakePagePrivateIpCheck});
  out.push_back({"page.spam-injection", {"clean", "injected", "suspicious"}, &MakePageSpamInjectionCheck});
}

}  // namespace portal_check
