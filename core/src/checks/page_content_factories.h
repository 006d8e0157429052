// Factories of the page.spam-injection, page.obfuscated-script, page.error-disclosure,
// page.directory-listing, page.comments, page.private-ip checks (each defined in its check's file,
// registered in page_content_family.cc). Their shared scanners: checks/page_content_scan.h and
// normalize/error_signatures.h.
#ifndef PORTAL_CHECK_CHECKS_PAGE_CONTENT_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_PAGE_CONTENT_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

std::unique_ptr<Check> MakePageSpamInjectionCheck();      // page_spam_injection.cc
std::unique_ptr<Check> MakePageObfuscatedScriptCheck();   // page_obfuscated_script.cc
std::unique_ptr<Check> MakePageErrorDisclosureCheck();    // page_error_disclosure.cc
std::unique_ptr<Check> MakePageDirectoryListingCheck();   // page_directory_listing.cc
std::unique_ptr<Check> MakePageCommentsCheck();           // page_comments.cc
std::unique_ptr<Check> MakePagePrivateIpCheck();          // page_private_ip.cc

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_PAGE_CONTENT_FACTORIES_H_
