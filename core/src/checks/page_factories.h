// Factories of the page.sri, page.third-party, page.link-opener, page.protocol-relative, page.privacy-policy, page.contact, page.label-badge checks (each defined in its check's file, registered in
// page_family.cc).
#ifndef PORTAL_CHECK_CHECKS_PAGE_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_PAGE_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_PAGE_FACTORIES_H_
