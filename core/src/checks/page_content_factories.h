// Factories of the page.spam-injection, page.obfuscated-script, page.error-disclosure, page.directory-listing, page.comments, page.private-ip checks (each defined in its check's file, registered in
// page_content_family.cc).
#ifndef PORTAL_CHECK_CHECKS_PAGE_CONTENT_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_PAGE_CONTENT_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_PAGE_CONTENT_FACTORIES_H_
