// What the transport.* checks that judge each https host once share (transport.certificate,
// transport.tls-version, whose descriptors declare CheckInput::kHttpsPages): the host is judged on
// its first https page that carries the TLS facts the check reads; a host whose pages never carry
// them gets not-captured (about its first https page). An audit without any https page gets
// nothing from the ledger: the rule file's "absent" result (site-level not-applicable) says it.
#ifndef PORTAL_CHECK_CHECKS_SUPPORT_HTTPS_HOSTS_H_
#define PORTAL_CHECK_CHECKS_SUPPORT_HTTPS_HOSTS_H_

#include <map>
#include <set>
#include <string>
#include <string_view>

#include "checks/check.h"

namespace portal_check {

class HttpsHostLedger {
 public:
  // True when `view` (an https page: CheckInput::kHttpsPages) is of a host not judged yet and
  // `captured` (it carries the facts): the caller judges it now and the host counts as judged.
  // Otherwise false; the first https page of a host without the facts is kept for Finish.
  bool ShouldJudge(const ExchangeView& view, bool captured);
  // Emits not-captured (with `not_captured_reason`) for every host never judged; nothing when no
  // https page was seen.
  void Finish(std::string_view not_captured_reason, ResultSink& out) const;

 private:
  std::set<std::string> done_;                  // hosts already judged
  std::map<std::string, std::string> pending_;  // host -> first https page without the facts
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_SUPPORT_HTTPS_HOSTS_H_
