// The header.* checks other than header.csp and header.clickjacking (see csp_family.cc).
#include <memory>

#include "checks/registry.h"

namespace portal_check {

// Factories, one per check file (checks/header_<name>.cc).
std::unique_ptr<Check> MakeHeaderContentTypeOptionsCheck();
std::unique_ptr<Check> MakeHeaderReferrerPolicyCheck();
std::unique_ptr<Check> MakeHeaderPermissionsPolicyCheck();
std::unique_ptr<Check> MakeHeaderCrossOriginIsolationCheck();
std::unique_ptr<Check> MakeHeaderCorsCheck();
std::unique_ptr<Check> MakeHeaderVersionDisclosureCheck();
std::unique_ptr<Check> MakeHeaderCacheControlCheck();
std::unique_ptr<Check> MakeHeaderContentTypeCheck();
std::unique_ptr<Check> MakeHeaderDeprecatedCheck();

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
