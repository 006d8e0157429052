#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendPageLibraryChecks(std::vector<CheckDescriptor>& out) {}

}  // namespace portal_check
