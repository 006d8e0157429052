// site.error-page: the site's 404 page (the capture requests one random path that cannot exist,
// purpose "error-page") discloses server or framework versions or a stack trace.
//
// Evidence: the exchanges marked purpose "error-page" (HARs from other tools carry none: then
// nothing is emitted and the engine reports the rule file's "absent" not-captured); the last hop
// of its redirect chain is judged (a redirect to the home page is judged on the home page).
// Body only: the response headers are header.version-disclosure's.
// Versions: normalize/version_token.h FindVersionBanners ("Apache/2.4.29", "ASP.NET Version:4.8",
// …); stack traces and error text: normalize/error_signatures.h FindErrorSignatures (the shared
// rules/data/error-signatures.json list, also used by page.error-disclosure).
// Outcomes: disclosing (details.versions and/or details.signatures), clean, not-captured.
// page = the error page URL.
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/support/site_support.h"
#include "checks/audit_context.h"
#include "normalize/error_signatures.h"
#include "normalize/version_token.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxSignatures = 10;

class ErrorPageCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink&) override {
    const Exchange& e = view.exchange;
    if (e.purpose != "error-page" || judged_) return;
    seen_ = true;
    url_ = e.url;
    status_ = e.status;
    if (e.IsRedirect()) return;  // judge where the chain ends
    judged_ = true;
    versions_ = FindVersionBanners(e.body);
    for (ErrorSignatureHit& hit : FindErrorSignatures(e.body, ctx)) {
      if (signatures_.size() >= kMaxSignatures) break;
      signatures_.Add(json::Value(ErrorSignatureDetail(hit, 64)));
    }
  }

  void OnFinish(const AuditContext&, ResultSink& out) override {
    if (!seen_) return;  // the engine reports the rule file's "absent" result
    CheckResult r = PageResult(url_);
    r.outcome = (versions_.empty() && signatures_.empty()) ? "clean" : "disclosing";
    r.details.Int("status", status_);
    r.details.Set("versions", site::StringArray(versions_));
    r.details.Set("signatures", signatures_);
    out.Emit(std::move(r));
  }

 private:
  bool seen_ = false, judged_ = false;
  std::string url_;
  int status_ = 0;
  std::vector<std::string> versions_;
  DetailList signatures_;
};

}  // namespace

extern const CheckDescriptor kSiteErrorPageCheck;  // listed in checks/registry.cc
const CheckDescriptor kSiteErrorPageCheck{"site.error-page", CheckInput::kEveryExchange, &MakeCheck<ErrorPageCheck>};

}  // namespace portal_check
