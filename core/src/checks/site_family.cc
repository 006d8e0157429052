#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendSiteChecks(std::vector<CheckDescriptor>& out) {}

}  // namespace portal_check
