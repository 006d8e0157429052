// Factories of the form.* checks (each defined in its check's file, registered in
// form_family.cc).
#ifndef PORTAL_CHECK_CHECKS_FORM_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_FORM_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_FORM_FACTORIES_H_
