// What the cookie.* checks that judge a page's cookie jar share (cookie.flags, cookie.prefix,
// cookie.scope): feeding every exchange to a PageCookieTracker, acting only on HTML pages (one
// result each), and answering not-captured when the capture left the Set-Cookie fields out.
#ifndef PORTAL_CHECK_CHECKS_SUPPORT_PAGE_COOKIES_H_
#define PORTAL_CHECK_CHECKS_SUPPORT_PAGE_COOKIES_H_

#include "checks/check.h"
#include "normalize/set_cookie.h"

namespace portal_check {

class PageCookieCheck : public Check {
 public:
  // Feeds every exchange to the tracker (redirect hops carry cookies); emits one result per HTML
  // page: not-captured, or what JudgeJar makes of the page's jar.
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) final;

 protected:
  // Sets the outcome and details of `r` (a result about the page of `view`) from its jar.
  virtual void JudgeJar(const ExchangeView& view, const AuditContext& ctx, const PageCookieJar& jar,
                        CheckResult& r) = 0;

 private:
  PageCookieTracker tracker_;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_SUPPORT_PAGE_COOKIES_H_
