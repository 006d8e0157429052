// Factories of the page.vulnerable-library, page.cms checks (each defined in its check's file, registered in
// page_library_family.cc).
#ifndef PORTAL_CHECK_CHECKS_PAGE_LIBRARY_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_PAGE_LIBRARY_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_PAGE_LIBRARY_FACTORIES_H_
