// The JSON shape reports carry for one CSP sub-finding (header.csp, header.clickjacking).
#ifndef PORTAL_CHECK_CHECKS_SUPPORT_CSP_FINDING_JSON_H_
#define PORTAL_CHECK_CHECKS_SUPPORT_CSP_FINDING_JSON_H_

#include <cstddef>

#include "normalize/csp_parse.h"
#include "checks/details.h"

namespace portal_check {

// Bytes of a finding's value kept in a report (text::SafeUtf8).
inline constexpr std::size_t kCspFindingValueBytes = 1024;

// {directive, issue, value, severity, policy}; `value` is raw site text and goes through
// text::SafeUtf8 (kCspFindingValueBytes).
Details CspFindingJson(const csp::Finding& f);

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_SUPPORT_CSP_FINDING_JSON_H_
