// Factories of the page.vulnerable-library, page.cms checks (each defined in its check's file, registered in
// page_library_family.cc).
#ifndef PORTAL_CHECK_CHECKS_PAGE_LIBRARY_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_PAGE_LIBRARY_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

// page.vulnerable-library (page_vulnerable_library.cc): none, vulnerable, unknown-version.
std::unique_ptr<Check> MakePageVulnerableLibraryCheck();
// page.cms (page_cms.cc): none, current, outdated, unknown-version.
std::unique_ptr<Check> MakePageCmsCheck();

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_PAGE_LIBRARY_FACTORIES_H_
