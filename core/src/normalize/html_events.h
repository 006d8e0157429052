// One libxml2 HTML parse of a page, handed to a PageModelBuilder as events in document order.
// The parse is htmlReadMemory(bytes, nullptr, encoding, kPageParseOptions | extra_options) as
// libxml2 2.9 implements it; what differs is what is built from it:
//   kParserEvents: no tree. The parser's SAX callbacks become the builder's events, and its
//     element, text, CDATA, comment and processing-instruction nodes are placed as libxml2's own
//     SAX2 handlers would place them in a tree (the parent an element gets when none is open,
//     which text pieces join one text node). The one thing of the tree the parser itself reads,
//     the current element's last child (areBlanks: is white space text?), is kept as a stand-in.
//   kTree: libxml2's tree (elements without attribute nodes: the attributes are kept from the
//     start-element events), then walked into the same events. Needed for lines from 65535 on,
//     which libxml2's nodes do not hold (xmlGetLineNo finds them through the tree).
#ifndef PORTAL_CHECK_NORMALIZE_HTML_EVENTS_H_
#define PORTAL_CHECK_NORMALIZE_HTML_EVENTS_H_

#include <string>
#include <string_view>

#include "normalize/page_model_builder.h"

namespace portal_check {

enum class HtmlEventSource { kParserEvents, kTree };

// HTML_PARSE_NONET | NOERROR | NOWARNING | RECOVER | NOBLANKS | XML_PARSE_HUGE. XML_PARSE_HUGE:
// without it libxml2 halts silently at 256 nested elements (its xmlParserMaxDepth) and the rest
// of the page would go unaudited; the builder keeps no recursion, and limits::kMaxPageModelNodes
// bounds what it records.
extern const int kPageParseOptions;

struct HtmlParseResult {
  bool parsed = false;   // libxml2 made a document (false: no parser context, or nothing read)
  std::string encoding;  // the document's encoding as libxml2 recorded it (doc->encoding), or ""
};

// Parses `bytes` (at most INT32_MAX) with `encoding` (nullptr: libxml2 detects it) and gives
// every node to `builder` (not finished: the caller calls Finish). The encoding name must be one
// libxml2 resolves without an iconv (page_model.cc, LibxmlEncodingName). Never fails otherwise.
HtmlParseResult ParseHtml(std::string_view bytes, const char* encoding, int extra_options, HtmlEventSource source,
                          PageModelBuilder& builder);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_HTML_EVENTS_H_
