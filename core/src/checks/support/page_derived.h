// Values several checks derive from the page of one exchange, built at the first request and then
// shared by every check of that exchange through ExchangeView::derived. Building them in each check
// cost that work once per check (the forms: 11 times per page; the CSP's Observatory evaluation:
// twice, header.csp and header.clickjacking; so was the CSP parse). A check cannot keep them itself:
// the PageModel of the next exchange may live at the same address.
#ifndef PORTAL_CHECK_CHECKS_SUPPORT_PAGE_DERIVED_H_
#define PORTAL_CHECK_CHECKS_SUPPORT_PAGE_DERIVED_H_

#include <optional>

#include "checks/check.h"
#include "checks/support/page_links.h"
#include "normalize/csp_evaluate.h"
#include "normalize/csp_observatory.h"
#include "normalize/csp_parse.h"
#include "normalize/form_model.h"
#include "normalize/set_cookie.h"

namespace portal_check {

// The cache behind ExchangeView::derived; read it only through the functions below.
struct PageDerived {
  std::optional<PageForms> forms;
  std::optional<csp::Input> csp_input;
  std::optional<csp::ObservatoryCsp> observatory_csp;
  std::optional<csp::Evaluation> csp_evaluation;
  std::optional<ResponseCookies> response_cookies;
  std::optional<std::vector<page_links::WebLink>> web_links;
};

// BuildPageForms(*view.page, view.url), built once per view. The reference stays valid as long
// as `view`. REQUIRES: view.page != nullptr.
const PageForms& SharedPageForms(const ExchangeView& view);

// page_links::WebLinks(*view.page, *view.url), built once per view; valid as long as `view`.
// REQUIRES: view.page != nullptr and view.url.
const std::vector<page_links::WebLink>& SharedWebLinks(const ExchangeView& view);

// csp::CollectInput(view.exchange.response_headers, view.page, view.url), built once per view
// (view.page may be null). The reference stays valid as long as `view`.
const csp::Input& SharedCspInput(const ExchangeView& view);
// csp::ObservatoryEvaluate(SharedCspInput(view)), built once per view; valid as long as `view`.
const csp::ObservatoryCsp& SharedObservatoryCsp(const ExchangeView& view);
// csp::Evaluate(SharedCspInput(view), the ruleset's CSP bypass lists), built once per view (its
// policies are csp::ParseAll's: header.csp reports them, header.clickjacking reads their
// frame-ancestors); valid as long as `view`.
const csp::Evaluation& SharedCspEvaluation(const ExchangeView& view, const AuditContext& ctx);
// ReadResponseCookies(view.exchange, view.url), read once per view for the cookie checks' trackers
// (any exchange, not only pages); valid as long as `view`.
const ResponseCookies& SharedResponseCookies(const ExchangeView& view);

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_SUPPORT_PAGE_DERIVED_H_
