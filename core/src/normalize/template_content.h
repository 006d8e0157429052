// The elements of a page that sit inside a <template> element's content. HTML keeps template
// content inert: its scripts never run, its <meta> elements set no policy, and the DOM's
// querySelectorAll (what the Mozilla HTTP Observatory reads pages with) does not reach it. libxml2
// parses it as ordinary children, so the page model lists those elements; checks that judge what a
// browser applies skip them with this.
#ifndef PORTAL_CHECK_NORMALIZE_TEMPLATE_CONTENT_H_
#define PORTAL_CHECK_NORMALIZE_TEMPLATE_CONTENT_H_

#include <vector>

namespace portal_check {

class PageModel;

// One flag per page.elements() entry, in the same order: true for a descendant of a <template>
// (found from the elements' document order and depth). The <template> element itself is false.
std::vector<bool> InTemplateContent(const PageModel& page);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_TEMPLATE_CONTENT_H_
