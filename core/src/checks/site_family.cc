// The site.* checks (one file each), registered in one list.
#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendSiteChecks(std::vector<CheckDescriptor>& out) {
  out.push_back(SiteAdminExposureDescriptor());
  out.push_back(SiteErrorPageDescriptor());
  out.push_back(SiteExposedFilesDescriptor());
  out.push_back(SiteRobotsDescriptor());
  out.push_back(SiteSecurityTxtDescriptor());
  out.push_back(SiteWafDescriptor());
}

}  // namespace portal_check
