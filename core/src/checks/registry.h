// The one explicit list of every check the engine runs (as the Observatory registers its tests).
// Adding a check: its file defines its descriptor and registry.cc lists it (see there).
#ifndef PORTAL_CHECK_CHECKS_REGISTRY_H_
#define PORTAL_CHECK_CHECKS_REGISTRY_H_

#include <vector>

#include "checks/check.h"

namespace portal_check {

// Every registered check, sorted by id. Stable for the life of the process.
const std::vector<CheckDescriptor>& AllChecks();

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_REGISTRY_H_
