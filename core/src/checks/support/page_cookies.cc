#include "checks/support/page_cookies.h"

#include <utility>

#include "checks/support/page_derived.h"

namespace portal_check {

void PageCookieCheck::OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) {
  PageCookieJar jar = tracker_.OnExchange(view.exchange, view.url, SharedResponseCookies(view));
  if (view.page == nullptr) return;
  CheckResult r = PageResult(view);
  if (view.exchange.NotCaptured("set-cookie"))
    r.outcome = "not-captured";
  else
    JudgeJar(view, ctx, jar, r);
  out.Emit(std::move(r));
}

}  // namespace portal_check
