// A page model written out whole, for comparing two models (the tests of normalize/html_events
// and the page-model fuzz target).
#ifndef PORTAL_CHECK_TESTS_SUPPORT_PAGE_MODEL_TEXT_H_
#define PORTAL_CHECK_TESTS_SUPPORT_PAGE_MODEL_TEXT_H_

#include <sstream>
#include <string>

#include "normalize/page_model.h"

namespace testing {

// Everything a PageModelBuilder puts into a model, as text: models compare equal when their texts do.
inline std::string PageModelText(const portal_check::PageModel& m) {
  std::ostringstream o;
  o << "truncated=" << m.truncated() << " base=" << m.base_href() << " meta=" << m.meta_charset() << "\n";
  for (const portal_check::HtmlElement& e : m.elements()) {
    o << e.tag << " line=" << e.line << " depth=" << e.depth << " form=" << e.form << " hidden=" << e.hidden
      << " after_end=" << e.after_end << " in_template=" << e.in_template << " text=[" << e.text << "]";
    for (const portal_check::HtmlAttribute& a : e.attrs) o << " " << a.name << "=[" << a.value << "]";
    o << "\n";
  }
  for (int f : m.forms()) o << "form " << f << "\n";
  for (const portal_check::HtmlComment& c : m.comments()) o << "comment line=" << c.line << " [" << c.text << "]\n";
  o << "visible=[" << m.visible_text() << "]\nhidden=[" << m.hidden_text() << "]\n";
  return o.str();
}

}  // namespace testing

#endif  // PORTAL_CHECK_TESTS_SUPPORT_PAGE_MODEL_TEXT_H_
