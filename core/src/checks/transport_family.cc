#include "checks/registry.h"
namespace portal_check {
void AppendTransportChecks(std::vector<CheckDescriptor>& out) {}
}  // namespace portal_check
