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

}  // namespace portal_check
