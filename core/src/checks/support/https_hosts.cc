#include "checks/support/https_hosts.h"

#include "evidence/limits.h"
#include "util/text.h"

namespace portal_check {

bool HttpsHostLedger::ShouldJudge(const ExchangeView& view, bool captured) {
  const std::string& host = view.url->host();
  if (done_.count(host)) return false;
  if (!captured) {
    pending_.emplace(host, text::SafeUtf8(view.exchange.url, limits::kMaxUrlBytes));  // keeps the first
    return false;
  }
  done_.insert(host);
  pending_.erase(host);
  return true;
}

void HttpsHostLedger::Finish(std::string_view not_captured_reason, ResultSink& out) const {
  for (const auto& [host, page] : pending_) out.Emit(ReasonResult("not-captured", std::string(not_captured_reason), page));
}

}  // namespace portal_check
