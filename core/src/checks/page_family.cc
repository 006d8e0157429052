// The page.* checks over links and embedded resources: their ids and closed outcome lists (each
// must equal the outcomes of rules/<id>.json; tests/unit/rule_consistency_test.cc compares them).
#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendPageChecks(std::vector<CheckDescriptor>& out) {
  out.push_back({"page.sri",
                 {"sri-implemented-and-all-scripts-loaded-securely", "sri-implemented-and-external-scripts-loaded-securely",
                  "sri-implemented-but-external-scripts-not-loaded-securely",
                  "sri-not-implemented-and-external-scripts-not-loaded-securely",
                  "sri-not-implemented-but-all-scripts-loaded-from-secure-origin",
                  "sri-not-implemented-but-external-scripts-loaded-securely", "sri-not-implemented-but-no-scripts-loaded",
                  "sri-not-implemented-response-not-html"},
                 MakePageSriCheck});
  out.push_back({"page.third-party", {"inventory", "malicious-host"}, MakePageThirdPartyCheck});
  out.push_back({"page.link-opener", {"ok", "missing-noopener"}, MakePageLinkOpenerCheck});
  out.push_back({"page.protocol-relative", {"none", "present"}, MakePageProtocolRelativeCheck});
  out.push_back({"page.privacy-policy", {"found", "missing"}, MakePagePrivacyPolicyCheck});
  out.push_back({"page.contact", {"found", "missing"}, MakePageContactCheck});
  out.push_back({"page.label-badge", {"absent", "valid", "mismatch"}, MakePageLabelBadgeCheck});
}

}  // namespace portal_check
