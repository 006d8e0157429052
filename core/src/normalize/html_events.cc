#include "normalize/html_events.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <cstring>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "util/text.h"
#include "util/vietnamese.h"

namespace portal_check {

const int kPageParseOptions = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                              HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;

namespace {

std::string_view AsView(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

int LineOf(const xmlParserCtxt* ctxt) { return ctxt->input != nullptr ? ctxt->input->line : 0; }

// An element's attributes as libxml2's SAX2 handler would have put them into the tree: for an
// HTML parser, xmlSAX2StartElement gives each attribute (in order; the parser has already dropped
// repeated names) one attribute node named as written (the parser lower-cases it) with one text
// child holding the value — the name itself for a value-less boolean attribute
// (htmlIsBooleanAttr: "checked", "hidden"…), no child for another value-less one — and no
// normalisation (an HTML document declares no attribute types). Names are kept lower-cased, values
// composed (util/vietnamese.h), "" for no child. `atts`: name, value, …, nullptr (or nullptr).
std::vector<HtmlAttribute> AttributesOf(const xmlChar** atts) {
  std::vector<HtmlAttribute> attrs;
  if (atts == nullptr) return attrs;
  std::size_t count = 0;
  while (atts[2 * count] != nullptr) ++count;
  attrs.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const xmlChar* att = atts[2 * i];
    const xmlChar* value = atts[2 * i + 1];
    if (value == nullptr && htmlIsBooleanAttr(att)) value = att;
    attrs.push_back(HtmlAttribute{text::Lower(AsView(att)), vietnamese::ComposeLatin(AsView(value))});
  }
  return attrs;
}

// xmlFindCharEncodingHandler(encoding), each name looked up once per thread: libxml2 compares a
// name with its aliases one by one (RegisterCharsets adds about 300). Only a handler libxml2 keeps
// for the process (a registered one: every name LibxmlEncodingName gives) is remembered; one made
// for an iconv or ICU converter is freed with its parser, so it is asked for again each time.
xmlCharEncodingHandlerPtr FindEncodingHandler(const char* encoding) {
  thread_local std::unordered_map<std::string, xmlCharEncodingHandlerPtr> registered;
  if (auto it = registered.find(encoding); it != registered.end()) return it->second;
  xmlCharEncodingHandlerPtr handler = xmlFindCharEncodingHandler(encoding);
  bool kept = handler != nullptr;
#ifdef LIBXML_ICONV_ENABLED
  kept = kept && handler->iconv_in == nullptr && handler->iconv_out == nullptr;
#endif
#ifdef LIBXML_ICU_ENABLED
  kept = kept && handler->uconv_in == nullptr && handler->uconv_out == nullptr;
#endif
  if (kept) registered.emplace(encoding, handler);
  return handler;
}

// ---- kParserEvents: the SAX callbacks, placing nodes as libxml2's SAX2 handlers would ----

// What the tree would hold of an open element: its last child, for joining text pieces (a piece
// joins a text node of the same type that is the last child), and its last child that is not a
// comment (what areBlanks reads).
struct OpenNode {
  xmlElementType last_type = static_cast<xmlElementType>(0);  // 0: no child yet
  xmlElementType shown_type = static_cast<xmlElementType>(0);
  const xmlChar* shown_name = nullptr;  // the parser's dictionary's (element names, PI targets)
};

struct EventParse {
  PageModelBuilder* builder;
  std::vector<OpenNode> open;
  // The document's first child, before a DTD: none yet, an element (the first <html>), or another
  // node (a comment or processing instruction). An element started when none is open becomes the
  // last child of the document's first child when that is an element (xmlSAX2StartElement).
  enum class FirstChild { kNone, kElement, kOther } first_child = FirstChild::kNone;
  bool top_element_seen = false;
  // Comments of the document itself after its first element, in order: the tree walk meets them
  // after that element's subtree, which may still grow (an element started when none is open can
  // become its last child), and before any later element that becomes a child of the document.
  std::vector<std::pair<std::string, int>> later_document_comments;
  // The stand-in for the tree's current node that areBlanks reads through ctxt->node.
  xmlNode current{};
  xmlNode last_child{};
};

EventParse& ParseOf(void* ctx) {
  return *static_cast<EventParse*>(static_cast<xmlParserCtxtPtr>(ctx)->_private);
}

// Points ctxt->node at the stand-in of the innermost open element (nullptr when none, as
// libxml2's node stack would be empty).
void ShowCurrent(xmlParserCtxtPtr ctxt, EventParse& p) {
  if (p.open.empty()) {
    ctxt->node = nullptr;
    return;
  }
  const OpenNode& top = p.open.back();
  p.current.type = XML_ELEMENT_NODE;
  p.current.last = top.shown_type == 0 ? nullptr : &p.last_child;
  p.last_child.type = top.shown_type;
  p.last_child.name = top.shown_name;
  ctxt->node = &p.current;
}

// A node added to the innermost open element: its type and name become that element's last child.
void AddChild(EventParse& p, xmlElementType type, const xmlChar* name) {
  OpenNode& top = p.open.back();
  top.last_type = type;
  if (type != XML_COMMENT_NODE) {
    top.shown_type = type;
    top.shown_name = name;
  }
}

void FlushLaterDocumentComments(EventParse& p) {
  for (const auto& [content, line] : p.later_document_comments) p.builder->Comment(content, line);
  p.later_document_comments.clear();
}

void OnStartElement(void* ctx, const xmlChar* fullname, const xmlChar** atts) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  if (fullname == nullptr || ctxt->myDoc == nullptr) return;  // as xmlSAX2StartElement
  EventParse& p = ParseOf(ctx);
  // The element's name in the tree: xmlSAX2StartElement splits a prefix off ("o:p" → "p"); a
  // name without a colon stays whole.
  // (The name kept is the parser dictionary's, which outlives the parse: the stand-in of a last
  // child points at it.)
  const xmlChar* name = fullname;
  if (std::strchr(reinterpret_cast<const char*>(fullname), ':') != nullptr) {
    xmlChar* prefix = nullptr;
    xmlChar* local = xmlSplitQName(ctxt, fullname, &prefix);
    if (prefix != nullptr) xmlFree(prefix);
    name = local != nullptr ? xmlDictLookup(ctxt->dict, local, -1) : nullptr;
    xmlFree(local);
    if (name == nullptr) return;  // out of memory: no element either
  }
  bool under_first = false;
  if (p.open.empty()) {
    if (p.first_child == EventParse::FirstChild::kNone) p.first_child = EventParse::FirstChild::kElement;
    else under_first = p.first_child == EventParse::FirstChild::kElement && xmlGetIntSubset(ctxt->myDoc) == nullptr;
    if (!under_first) FlushLaterDocumentComments(p);  // they precede a further child of the document
    p.top_element_seen = true;
  } else {
    AddChild(p, XML_ELEMENT_NODE, name);
  }
  p.builder->StartElement(AsView(name), AttributesOf(atts), LineOf(ctxt), under_first);
  p.open.emplace_back();
  ShowCurrent(ctxt, p);
}

void OnEndElement(void* ctx, const xmlChar* /*name*/) {
  EventParse& p = ParseOf(ctx);
  if (p.open.empty()) return;
  p.open.pop_back();
  p.builder->EndElement();
  ShowCurrent(static_cast<xmlParserCtxtPtr>(ctx), p);
}

// xmlSAX2Text: no node without an open element; a piece joins the last child when that is a text
// node of the same type, else it starts one.
void AddText(void* ctx, const xmlChar* ch, int len, xmlElementType type) {
  EventParse& p = ParseOf(ctx);
  if (p.open.empty() || len < 0) return;
  const bool new_node = p.open.back().last_type != type;
  AddChild(p, type, nullptr);
  ShowCurrent(static_cast<xmlParserCtxtPtr>(ctx), p);
  const std::string_view piece(reinterpret_cast<const char*>(ch), static_cast<std::size_t>(len));
  if (type == XML_TEXT_NODE) p.builder->Text(piece, new_node);
  else p.builder->CData(piece, new_node);
}

void OnCharacters(void* ctx, const xmlChar* ch, int len) { AddText(ctx, ch, len, XML_TEXT_NODE); }

void OnCDataBlock(void* ctx, const xmlChar* value, int len) { AddText(ctx, value, len, XML_CDATA_SECTION_NODE); }

// Whether a comment or processing instruction arriving now goes outside every element (it becomes
// a child of the document, and the document's first child when it has none yet: noted).
bool AtDocumentLevel(xmlParserCtxtPtr ctxt, EventParse& p) {
  if (!p.open.empty()) return false;
  if (p.first_child == EventParse::FirstChild::kNone && ctxt->myDoc != nullptr)
    p.first_child = EventParse::FirstChild::kOther;
  return true;
}

void OnComment(void* ctx, const xmlChar* value) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  if (ctxt->inSubset == 1 || ctxt->inSubset == 2) return;  // into a DTD, which the model skips
  EventParse& p = ParseOf(ctx);
  if (!AtDocumentLevel(ctxt, p)) {
    AddChild(p, XML_COMMENT_NODE, nullptr);
  } else if (p.top_element_seen) {
    p.later_document_comments.emplace_back(std::string(AsView(value)), LineOf(ctxt));
    return;
  }
  p.builder->Comment(AsView(value), LineOf(ctxt));
}

void OnProcessingInstruction(void* ctx, const xmlChar* target, const xmlChar* /*data*/) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  if (ctxt->inSubset == 1 || ctxt->inSubset == 2) return;
  EventParse& p = ParseOf(ctx);
  if (AtDocumentLevel(ctxt, p)) return;
  AddChild(p, XML_PI_NODE, target);
  ShowCurrent(ctxt, p);
  p.builder->OtherNode();
}

// ---- kTree: libxml2's tree without attribute nodes, walked into the same events ----

// The attributes of the elements of one parse, read from the parser's SAX start-element events
// (StartElementKeepingAttributes). lists[i] belongs to the element whose _private is i + 1
// (nullptr: no attribute).
struct KeptAttributes {
  std::vector<std::vector<HtmlAttribute>> lists;
};

// The SAX start-element handler of the tree parse: libxml2's own (xmlSAX2StartElement) builds
// the element without attributes, then AttributesOf keeps them.
void StartElementKeepingAttributes(void* ctx, const xmlChar* name, const xmlChar** atts) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  const int depth = ctxt->nodeNr;
  xmlSAX2StartElement(ctx, name, nullptr);
  // No element was pushed (no document yet, or out of memory): libxml2 kept no attributes either.
  if (ctxt->nodeNr != depth + 1 || ctxt->node == nullptr) return;
  if (atts == nullptr || atts[0] == nullptr) return;
  auto* kept = static_cast<KeptAttributes*>(ctxt->_private);
  kept->lists.push_back(AttributesOf(atts));
  ctxt->node->_private = reinterpret_cast<void*>(kept->lists.size());
}

// Every node below the document in document order, as events; each element's attributes taken
// from `kept`. Iterative: documents may nest deeply.
void WalkTree(xmlDoc* doc, KeptAttributes& kept, PageModelBuilder& builder) {
  std::vector<xmlNode*> open;  // the elements being descended into
  for (xmlNode* n = doc->children; n != nullptr;) {
    bool descend = false;
    switch (n->type) {
      case XML_ELEMENT_NODE: {
        std::vector<HtmlAttribute> attrs;
        if (n->_private != nullptr) attrs = std::move(kept.lists[reinterpret_cast<std::size_t>(n->_private) - 1]);
        builder.StartElement(AsView(n->name), std::move(attrs), static_cast<int>(xmlGetLineNo(n)), false);
        descend = true;
        break;
      }
      case XML_TEXT_NODE: builder.Text(AsView(n->content), true); break;
      case XML_CDATA_SECTION_NODE: builder.CData(AsView(n->content), true); break;
      case XML_COMMENT_NODE: builder.Comment(AsView(n->content), static_cast<int>(xmlGetLineNo(n))); break;
      default:
        if (!open.empty()) builder.OtherNode();  // a node of an element's content: counted
        break;
    }
    if (descend && n->children != nullptr) {
      open.push_back(n);
      n = n->children;
      continue;
    }
    if (descend) builder.EndElement();
    while (n->next == nullptr && !open.empty()) {
      n = open.back();
      open.pop_back();
      builder.EndElement();
    }
    n = n->next;
  }
}

}  // namespace

HtmlParseResult ParseHtml(std::string_view bytes, const char* encoding, int extra_options, HtmlEventSource source,
                          PageModelBuilder& builder) {
  HtmlParseResult result;
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return result;
  // htmlReadMemory as libxml2 2.9 implements it: a memory parser context, the HTML SAX handler
  // (with the handlers above), the options, the encoding, htmlParseDocument.
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size()));
  if (ctxt == nullptr) return result;
  htmlDefaultSAXHandlerInit();
  EventParse events{&builder, {}, EventParse::FirstChild::kNone, false, {}, {}, {}};
  KeptAttributes kept;
  if (ctxt->sax != nullptr) {
    std::memcpy(ctxt->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
    if (source == HtmlEventSource::kParserEvents) {
      ctxt->sax->startElement = &OnStartElement;
      ctxt->sax->endElement = &OnEndElement;
      ctxt->sax->characters = &OnCharacters;
      ctxt->sax->cdataBlock = &OnCDataBlock;
      ctxt->sax->comment = &OnComment;
      ctxt->sax->processingInstruction = &OnProcessingInstruction;
      ctxt->_private = &events;
    } else {
      ctxt->sax->startElement = &StartElementKeepingAttributes;
      ctxt->_private = &kept;
    }
  }
  htmlCtxtUseOptions(ctxt, kPageParseOptions | extra_options);
  ctxt->html = 1;
  if (encoding != nullptr) {
    if (xmlCharEncodingHandlerPtr handler = FindEncodingHandler(encoding)) {
      xmlSwitchToEncoding(ctxt, handler);
      if (ctxt->input->encoding != nullptr) xmlFree(const_cast<xmlChar*>(ctxt->input->encoding));
      ctxt->input->encoding = xmlStrdup(reinterpret_cast<const xmlChar*>(encoding));
    }
  }
  htmlParseDocument(ctxt);
  FlushLaterDocumentComments(events);
  ctxt->node = nullptr;  // not the stand-in, when freed
  xmlDoc* doc = ctxt->myDoc;
  ctxt->myDoc = nullptr;
  if (ctxt->dictNames && doc != nullptr && doc->dict == ctxt->dict) ctxt->dict = nullptr;
  xmlFreeParserCtxt(ctxt);
  if (doc == nullptr) return result;
  result.parsed = true;
  if (doc->encoding != nullptr) result.encoding = std::string(AsView(doc->encoding));
  if (source == HtmlEventSource::kTree) WalkTree(doc, kept, builder);
  xmlFreeDoc(doc);
  return result;
}

}  // namespace portal_check
