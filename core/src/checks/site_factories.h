// Descriptors of the site.* checks (each defined in its check's file, site_<name>.cc, and
// registered in site_family.cc). Helpers they share: checks/site_support.h.
#ifndef PORTAL_CHECK_CHECKS_SITE_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_SITE_FACTORIES_H_

#include "checks/check.h"

namespace portal_check {

CheckDescriptor SiteSecurityTxtDescriptor();    // site.security-txt
CheckDescriptor SiteRobotsDescriptor();         // site.robots
CheckDescriptor SiteExposedFilesDescriptor();   // site.exposed-files
CheckDescriptor SiteAdminExposureDescriptor();  // site.admin-exposure
CheckDescriptor SiteErrorPageDescriptor();      // site.error-page
CheckDescriptor SiteWafDescriptor();            // site.waf

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_SITE_FACTORIES_H_
