// Factories of the page.sri, page.third-party, page.link-opener, page.protocol-relative,
// page.privacy-policy, page.contact, page.label-badge checks (each defined in its check's file,
// page_<name>.cc, and registered with its outcome list in page_family.cc). Shared helpers of
// these checks are in page_links.h.
#ifndef PORTAL_CHECK_CHECKS_PAGE_FACTORIES_H_
#define PORTAL_CHECK_CHECKS_PAGE_FACTORIES_H_

#include <memory>

#include "checks/check.h"

namespace portal_check {

std::unique_ptr<Check> MakePageSriCheck();               // page_sri.cc
std::unique_ptr<Check> MakePageThirdPartyCheck();        // page_third_party.cc
std::unique_ptr<Check> MakePageLinkOpenerCheck();        // page_link_opener.cc
std::unique_ptr<Check> MakePageProtocolRelativeCheck();  // page_protocol_relative.cc
std::unique_ptr<Check> MakePagePrivacyPolicyCheck();     // page_privacy_policy.cc
std::unique_ptr<Check> MakePageContactCheck();           // page_contact.cc
std::unique_ptr<Check> MakePageLabelBadgeCheck();        // page_label_badge.cc

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_PAGE_FACTORIES_H_
