// The transport.* checks, registered with their closed outcome lists (the same codes, in the
// same order, as rules/transport.*.json and docs/checks.md). Each factory is defined in the check's
// own file, transport_<name>.cc.
#include "checks/factories.h"
#include "checks/registry.h"

namespace portal_check {

void AppendTransportChecks(std::vector<CheckDescriptor>& out) {
  out.push_back(CheckDescriptor{"transport.https", {"ok", "http-only"}, &MakeTransportHttps});
  out.push_back(CheckDescriptor{"transport.redirect",
                                {"to-https", "not-needed-no-http", "off-host-first-hop", "not-to-https-first-hop",
                                 "not-to-https", "missing"},
                                &MakeTransportRedirect});
  out.push_back(CheckDescriptor{"transport.hsts",
                                {"strong", "preload-ready", "short-max-age", "missing", "invalid", "max-age-zero"},
                                &MakeTransportHsts});
  out.push_back(CheckDescriptor{"transport.certificate",
                                {"valid", "expiring-soon", "expired", "hostname-mismatch", "untrusted"},
                                &MakeTransportCertificate});
  out.push_back(CheckDescriptor{"transport.tls-version", {"ok", "legacy-tls"}, &MakeTransportTlsVersion});
  out.push_back(CheckDescriptor{"transport.mixed-content", {"none", "passive-only", "active"},
                                &MakeTransportMixedContent});
}

}  // namespace portal_check
