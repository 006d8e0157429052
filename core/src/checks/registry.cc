// The one list of every check the engine runs (as the Observatory registers its tests). Each
// check file defines its descriptor (id, the exchanges it reads, factory) next to its code:
//   extern const CheckDescriptor kFooBarCheck;  // listed in checks/registry.cc
//   const CheckDescriptor kFooBarCheck{"foo.bar", CheckInput::kPages, &MakeCheck<FooBarCheck>};
// and adds one line here. Its outcome codes live only in its rule file, rules/<id>.json.
#include "checks/registry.h"

#include <algorithm>
#include <iterator>

namespace portal_check {

// Every check's descriptor, one line each (the order does not matter: AllChecks sorts by id).
#define PORTAL_CHECK_EACH_CHECK(X) \
  X(kCookieFlagsCheck) \
  X(kCookiePrefixCheck) \
  X(kCookieScopeCheck) \
  X(kCookieSessionInUrlCheck) \
  X(kFormAutocompleteCheck) \
  X(kFormCredentialsInGetCheck) \
  X(kFormCsrfTokenCheck) \
  X(kFormExternalActionCheck) \
  X(kFormFileUploadCheck) \
  X(kFormInsecureActionCheck) \
  X(kFormLoginCheck) \
  X(kFormPasswordOverHttpCheck) \
  X(kFormPastePreventionCheck) \
  X(kFormPersonalDataConsentCheck) \
  X(kHeaderCacheControlCheck) \
  X(kHeaderClickjackingCheck) \
  X(kHeaderContentTypeCheck) \
  X(kHeaderContentTypeOptionsCheck) \
  X(kHeaderCorsCheck) \
  X(kHeaderCrossOriginIsolationCheck) \
  X(kHeaderCspCheck) \
  X(kHeaderDeprecatedCheck) \
  X(kHeaderPermissionsPolicyCheck) \
  X(kHeaderReferrerPolicyCheck) \
  X(kHeaderServerTimingCheck) \
  X(kHeaderVersionDisclosureCheck) \
  X(kPageCmsCheck) \
  X(kPageCommentsCheck) \
  X(kPageContactCheck) \
  X(kPageDirectoryListingCheck) \
  X(kPageErrorDisclosureCheck) \
  X(kPageLabelBadgeCheck) \
  X(kPageLinkOpenerCheck) \
  X(kPageObfuscatedScriptCheck) \
  X(kPagePrivacyPolicyCheck) \
  X(kPagePrivateIpCheck) \
  X(kPageProtocolRelativeCheck) \
  X(kPageSpamInjectionCheck) \
  X(kPageSriCheck) \
  X(kPageThirdPartyCheck) \
  X(kPageVulnerableLibraryCheck) \
  X(kSiteAdminExposureCheck) \
  X(kSiteErrorPageCheck) \
  X(kSiteExposedFilesCheck) \
  X(kSiteRobotsCheck) \
  X(kSiteSecurityTxtCheck) \
  X(kSiteWafCheck) \
  X(kTransportCertificateCheck) \
  X(kTransportHstsCheck) \
  X(kTransportHttpsCheck) \
  X(kTransportMixedContentCheck) \
  X(kTransportRedirectCheck) \
  X(kTransportTlsVersionCheck)

#define PORTAL_CHECK_DECLARE(descriptor) extern const CheckDescriptor descriptor;
PORTAL_CHECK_EACH_CHECK(PORTAL_CHECK_DECLARE)
#undef PORTAL_CHECK_DECLARE

namespace {

#define PORTAL_CHECK_ADDRESS(descriptor) &descriptor,
const CheckDescriptor* const kRegistered[] = {PORTAL_CHECK_EACH_CHECK(PORTAL_CHECK_ADDRESS)};
#undef PORTAL_CHECK_ADDRESS
#undef PORTAL_CHECK_EACH_CHECK

}  // namespace

const std::vector<CheckDescriptor>& AllChecks() {
  static const std::vector<CheckDescriptor> kAll = [] {
    std::vector<CheckDescriptor> v;
    v.reserve(std::size(kRegistered));
    for (const CheckDescriptor* d : kRegistered) v.push_back(*d);
    std::sort(v.begin(), v.end(), [](const CheckDescriptor& a, const CheckDescriptor& b) { return a.id < b.id; });
    return v;
  }();
  return kAll;
}

}  // namespace portal_check
