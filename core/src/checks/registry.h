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

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_REGISTRY_H_
