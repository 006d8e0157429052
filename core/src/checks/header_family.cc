// The header.* checks other than header.csp and header.clickjacking (see csp_family.cc).
#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendHeaderChecks(std::vector<CheckDescriptor>& out) {
  out.push_back({"header.content-type-options", {"nosniff", "missing", "invalid"}, &MakeHeaderContentTypeOptionsCheck});
  out.push_back({"header.referrer-policy", {"private", "not-set", "unsafe", "invalid"}, &MakeHeaderReferrerPolicyCheck});
  out.push_back({"header.permissions-policy", {"set", "missing", "invalid"}, &MakeHeaderPermissionsPolicyCheck});
  out.push_back({"header.cross-origin-isolation",
                 {"corp-implemented-with-same-origin", "corp-implemented-with-same-site",
                  "corp-implemented-with-cross-origin", "corp-not-implemented", "corp-header-invalid"},
                 &MakeHeaderCrossOriginIsolationCheck});
  out.push_back({"header.cors",
                 {"not-set", "public", "restricted", "universal-with-credentials", "null-origin"},
                 &MakeHeaderCorsCheck});
  out.push_back({"header.version-disclosure", {"none", "product-only", "version"}, &MakeHeaderVersionDisclosureCheck});
  out.push_back({"header.cache-control", {"ok", "cacheable-sensitive"}, &MakeHeaderCacheControlCheck});
  out.push_back({"header.content-type", {"ok", "missing", "charset-mismatch"}, &MakeHeaderContentTypeCheck});
  out.push_back({"header.deprecated", {"none", "present"}, &MakeHeaderDeprecatedCheck});
}

}  // namespace portal_check
