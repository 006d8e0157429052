#include "normalize/template_content.h"

#include "normalize/page_model.h"

namespace portal_check {

std::vector<bool> InTemplateContent(const PageModel& page) {
  const std::vector<HtmlElement>& elements = page.elements();
  std::vector<bool> inside(elements.size(), false);
  int template_depth = -1;  // depth of the outermost open <template>, -1 when none is open
  for (std::size_t i = 0; i < elements.size(); ++i) {
    const HtmlElement& e = elements[i];
    if (template_depth >= 0 && e.depth <= template_depth) template_depth = -1;
    if (template_depth >= 0) {
      inside[i] = true;
    } else if (e.tag == "template") {
      template_depth = e.depth;
    }
  }
  return inside;
}

}  // namespace portal_check
