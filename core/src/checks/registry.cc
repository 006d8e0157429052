#include "checks/registry.h"

#include <algorithm>

namespace portal_check {

const std::vector<CheckDescriptor>& AllChecks() {
  static const std::vector<CheckDescriptor> kAll = [] {
    std::vector<CheckDescriptor> v;
    AppendTransportChecks(v);
    AppendCspChecks(v);
    AppendHeaderChecks(v);
    AppendCookieChecks(v);
    AppendFormChecks(v);
    AppendPageChecks(v);
    AppendPageContentChecks(v);
    AppendPageLibraryChecks(v);
    AppendSiteChecks(v);
    std::sort(v.begin(), v.end(), [](const CheckDescriptor& a, const CheckDescriptor& b) { return a.id < b.id; });
    return v;
  }();
  return kAll;
}

}  // namespace portal_check
