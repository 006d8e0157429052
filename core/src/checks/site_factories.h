// Factories of the site.* checks (each defined in its check's file, registered in
// site_family.cc).
#ifndef PORTAL_CHECK_CHECKS_SITE_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_SITE_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_SITE_FACTORIES_H_
