// Builds a PageModel from one parse's nodes, given as events in document order: an element's
// start and end, a text or CDATA node (in pieces), a comment, another node. The events are those
// of libxml2's HTML parser (normalize/html_events.h), either straight from its SAX callbacks or
// replayed from its tree; both give the same model.
#ifndef PORTAL_CHECK_NORMALIZE_PAGE_MODEL_BUILDER_H_
#define PORTAL_CHECK_NORMALIZE_PAGE_MODEL_BUILDER_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "normalize/page_model.h"

namespace portal_check {

class PageModelBuilder {
 public:
  // Lines from this one on are not kept exactly by libxml2's nodes (it stores 65535 and finds a
  // line through the tree: xmlGetLineNo), so events cannot give them; see saw_capped_line().
  static constexpr int kFirstCappedLine = 65535;

  // Fills `model` (a fresh one): its elements, forms, comments, texts, <base href> and <meta>
  // charset, and truncated(). `expected_elements` sizes the element list (a hint).
  PageModelBuilder(PageModel& model, std::size_t expected_elements);

  // An element starts, at source line `line` (as libxml2 counts), with its attributes (names
  // lower-case, values composed: util/vietnamese.h). `under_first_top_element`: no element is open
  // and libxml2's tree makes this element the last child of the document's first element (the
  // first <html>) rather than a further root: it inherits that element's context.
  void StartElement(std::string_view name, std::vector<HtmlAttribute> attributes, int line,
                    bool under_first_top_element);
  // The innermost open element ends. Ignored when none is open.
  void EndElement();
  // A text node of the innermost open element: `new_node` for its first piece, false for a piece
  // that libxml2 joins to the text node before it. Holds no NUL byte: libxml2 2.9's HTML parser
  // reads a NUL of the page as a space (htmlCurrentChar) and drops a "&#0;", so its text pieces
  // and the tree's C strings hold the same bytes (PageModelEvents tests pages with NUL bytes).
  void Text(std::string_view piece, bool new_node);
  // The same for a CDATA node (a <script>'s or <style>'s content).
  void CData(std::string_view piece, bool new_node);
  // A comment node (anywhere, also outside every element), its text as libxml2 gives it.
  void Comment(std::string_view content, int line);
  // Any other node inside an element (a processing instruction): only counted.
  void OtherNode();
  // Ends every open element, resolves form="…" owners and finishes the texts. Call once, last.
  void Finish();

  // True when an element or comment kept in the model starts at kFirstCappedLine or later: its
  // line is not exact unless the events came from the tree.
  bool saw_capped_line() const { return saw_capped_line_; }

 private:
  // What a node inherits from the elements above it.
  struct Context {
    int depth = 1;  // HtmlElement::depth of an element at this level (1: a root)
    int form = -1;
    bool no_text = false;      // inside script/style/template/noscript
    bool hidden = false;       // inside a hidden element
    bool after_end = false;    // inside content written after </html> (HtmlElement::after_end)
    bool in_template = false;  // inside a <template> (HtmlElement::in_template)
  };
  // An open element: the context it gives its children, and what its end does.
  struct Open {
    int element;  // index into the model's elements, -1 when not kept (the element limit)
    unsigned traits;
    Context children;
  };
  // An open element whose text content is collected (HtmlElement::text): its text nodes and
  // CDATA in document order, up to `max` bytes, from at most kMaxTextNodesVisited nodes below it.
  struct TextCollector {
    int element;
    std::size_t max;
    std::size_t visited = 0;  // nodes below the element met so far
    bool taking = false;      // the current text node is being added
  };

  // A node below every collecting element: counts it, ends the collectors that are done.
  void VisitNode(bool is_text);
  void AddText(std::string_view piece, bool new_node, bool shown);
  void BreakText();
  void Close(const Open& open);

  PageModel& model_;
  std::vector<Open> open_;
  std::vector<TextCollector> collectors_;  // of open elements, still collecting
  Context first_top_children_;             // the context the first top-level element gives
  bool seen_first_top_ = false;
  bool seen_html_ = false;  // an <html> started: a further one holds content after </html>
  bool saw_capped_line_ = false;
  std::unordered_set<std::string> hidden_classes_, hidden_ids_;  // from <style> sheets seen so far
  std::unordered_map<std::string, int> form_by_id_;
  std::vector<std::pair<int, std::string>> form_attr_refs_;  // element index → form id
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_PAGE_MODEL_BUILDER_H_
