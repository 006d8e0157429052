// The one explicit list of every check the engine runs (as the Observatory registers its tests).
#ifndef PORTAL_CHECK_CHECKS_REGISTRY_H_
#define PORTAL_CHECK_CHECKS_REGISTRY_H_

#include <vector>

#include "checks/check.h"

namespace portal_check {

// Every registered check, sorted by id. Stable for the life of the process.
const std::vector<CheckDescriptor>& AllChecks();

// Family lists, each defined beside its checks.
void AppendTransportChecks(std::vector<CheckDescriptor>& out);
void AppendCspChecks(std::vector<CheckDescriptor>& out);        // header.csp, header.clickjacking
void AppendHeaderChecks(std::vector<CheckDescriptor>& out);     // the other header.* checks
void AppendCookieChecks(std::vector<CheckDescriptor>& out);
void AppendFormChecks(std::vector<CheckDescriptor>& out);         // form.*
void AppendPageChecks(std::vector<CheckDescriptor>& out);         // page.sri, third-party, links, policy/contact, label badge
void AppendPageContentChecks(std::vector<CheckDescriptor>& out);  // page.* over page content (spam, scripts, errors, comments, IPs)
void AppendPageLibraryChecks(std::vector<CheckDescriptor>& out);  // page.vulnerable-library, page.cms
void AppendSiteChecks(std::vector<CheckDescriptor>& out);         // site.*

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_REGISTRY_H_
