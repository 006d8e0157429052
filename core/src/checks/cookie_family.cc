#include "checks/registry.h"
namespace portal_check {
void AppendCookieChecks(std::vector<CheckDescriptor>& out) {}
}  // namespace portal_check
