#include "checks/registry.h"
namespace portal_check {
void AppendHeaderChecks(std::vector<CheckDescriptor>& out) {}
}  // namespace portal_check
