#include "checks/support/page_derived.h"

#include <memory>
#include <string>

#include "checks/audit_context.h"
#include "util/text.h"

namespace portal_check {

namespace {

PageDerived& DerivedOf(const ExchangeView& view) {
  if (!view.derived) view.derived = std::make_shared<PageDerived>();
  return *view.derived;
}

// The bypass lists from rules/data/csp-bypass-hosts.json (read once per ruleset through Compiled).
csp::BypassHosts BuildBypassHosts(const DataLists& lists) {
  csp::BypassHosts hosts;
  for (const std::string& u : lists.DataStrings("csp-bypass-hosts", "jsonp")) hosts.jsonp.push_back(csp::ParseBypassUrl(u));
  for (const std::string& u : lists.DataStrings("csp-bypass-hosts", "angular"))
    hosts.angular.push_back(csp::ParseBypassUrl(u));
  for (const std::string& h : lists.DataStrings("csp-bypass-hosts", "jsonp_needs_eval"))
    hosts.jsonp_needs_eval.push_back(text::Lower(h));
  return hosts;
}

}  // namespace

const PageForms& SharedPageForms(const ExchangeView& view) {
  PageDerived& d = DerivedOf(view);
  if (!d.forms) d.forms = BuildPageForms(*view.page, view.url);
  return *d.forms;
}

const std::vector<page_links::WebLink>& SharedWebLinks(const ExchangeView& view) {
  PageDerived& d = DerivedOf(view);
  if (!d.web_links) d.web_links = page_links::WebLinks(*view.page, *view.url);
  return *d.web_links;
}

const csp::Input& SharedCspInput(const ExchangeView& view) {
  PageDerived& d = DerivedOf(view);
  if (!d.csp_input) d.csp_input = csp::CollectInput(view.exchange.response_headers, view.page, view.url);
  return *d.csp_input;
}

const csp::ObservatoryCsp& SharedObservatoryCsp(const ExchangeView& view) {
  const csp::Input& in = SharedCspInput(view);
  PageDerived& d = DerivedOf(view);
  if (!d.observatory_csp) d.observatory_csp = csp::ObservatoryEvaluate(in);
  return *d.observatory_csp;
}

const csp::Evaluation& SharedCspEvaluation(const ExchangeView& view, const AuditContext& ctx) {
  const csp::Input& in = SharedCspInput(view);
  PageDerived& d = DerivedOf(view);
  if (!d.csp_evaluation) d.csp_evaluation = csp::Evaluate(in, ctx.Compiled(&BuildBypassHosts));
  return *d.csp_evaluation;
}

const ResponseCookies& SharedResponseCookies(const ExchangeView& view) {
  PageDerived& d = DerivedOf(view);
  if (!d.response_cookies) d.response_cookies = ReadResponseCookies(view.exchange, view.url);
  return *d.response_cookies;
}

}  // namespace portal_check
