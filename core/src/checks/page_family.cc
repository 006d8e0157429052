#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendPageChecks(std::vector<CheckDescriptor>& out) {}

}  // namespace portal_check
