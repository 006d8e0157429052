// The CSP family: header.csp and header.clickjacking (both read Content-Security-Policy).
#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendCspChecks(std::vector<CheckDescriptor>& out) {
  out.push_back(CheckDescriptor{
      "header.clickjacking",
      {"frame-ancestors", "xfo-deny-or-sameorigin", "xfo-allow-from", "missing", "invalid",
       "frame-ancestors-permissive"},
      &MakeHeaderClickjackingCheck});
  out.push_back(CheckDescriptor{
      "header.csp",
      {"default-none", "no-unsafe", "unsafe-inline-style-only", "insecure-scheme-passive-only",
       "unsafe-eval", "unsafe-inline", "insecure-scheme", "invalid", "missing", "report-only"},
      &MakeHeaderCspCheck});
}

}  // namespace portal_check
