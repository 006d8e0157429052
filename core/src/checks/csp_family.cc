#include "checks/registry.h"
namespace portal_check {
void AppendCspChecks(std::vector<CheckDescriptor>& out) {}
}  // namespace portal_check
