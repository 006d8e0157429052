#include "checks/support/page_derived.h"

#include <memory>

namespace portal_check {

namespace {

PageDerived& DerivedOf(const ExchangeView& view) {
  if (!view.derived) view.derived = std::make_shared<PageDerived>();
  return *view.derived;
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

}  // namespace portal_check
