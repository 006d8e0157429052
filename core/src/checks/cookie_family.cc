// The cookie.* checks (one file each), registered in one list.
#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendCookieChecks(std::vector<CheckDescriptor>& out) {
  out.push_back(CookieFlagsDescriptor());
  out.push_back(CookiePrefixDescriptor());
  out.push_back(CookieScopeDescriptor());
  out.push_back(CookieSessionInUrlDescriptor());
}

}  // namespace portal_check
