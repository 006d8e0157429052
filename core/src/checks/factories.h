// The one declaration place of every check's factory, each defined in the check's own file and
// registered by its family list (*_family.cc). Tests drive checks through these too.
#ifndef PORTAL_CHECK_CHECKS_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

// transport.* (transport_<name>.cc, registered in transport_family.cc)
std::unique_ptr<Check> MakeTransportHttps();
std::unique_ptr<Check> MakeTransportRedirect();
std::unique_ptr<Check> MakeTransportHsts();
std::unique_ptr<Check> MakeTransportCertificate();
std::unique_ptr<Check> MakeTransportTlsVersion();
std::unique_ptr<Check> MakeTransportMixedContent();

// header.csp and header.clickjacking (registered in csp_family.cc)
std::unique_ptr<Check> MakeHeaderCspCheck();
std::unique_ptr<Check> MakeHeaderClickjackingCheck();

// the other header.* checks (header_<name>.cc, registered in header_family.cc)
std::unique_ptr<Check> MakeHeaderContentTypeOptionsCheck();
std::unique_ptr<Check> MakeHeaderReferrerPolicyCheck();
std::unique_ptr<Check> MakeHeaderPermissionsPolicyCheck();
std::unique_ptr<Check> MakeHeaderCrossOriginIsolationCheck();
std::unique_ptr<Check> MakeHeaderCorsCheck();
std::unique_ptr<Check> MakeHeaderVersionDisclosureCheck();
std::unique_ptr<Check> MakeHeaderCacheControlCheck();
std::unique_ptr<Check> MakeHeaderContentTypeCheck();
std::unique_ptr<Check> MakeHeaderDeprecatedCheck();

// cookie.* (cookie_<name>.cc, registered in cookie_family.cc): each file defines its whole
// descriptor (id, outcomes and factory).
CheckDescriptor CookieFlagsDescriptor();
CheckDescriptor CookiePrefixDescriptor();
CheckDescriptor CookieScopeDescriptor();
CheckDescriptor CookieSessionInUrlDescriptor();

}  // namespace portal_check

// Families added later keep their declarations in their own header, included here.
#include "checks/form_factories.h"
#include "checks/page_factories.h"
#include "checks/page_content_factories.h"
#include "checks/page_library_factories.h"
#include "checks/site_factories.h"

#endif  // PORTAL_CHECK_CHECKS_FACTORIES_H_
