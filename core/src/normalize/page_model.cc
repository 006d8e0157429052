#include "normalize/page_model.h"

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/SAX2.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>

#include <cstdint>
#include <cstring>

#include <algorithm>
#include <iterator>
#include <memory>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "evidence/limits.h"
#include "normalize/charset_labels.h"
#include "normalize/libxml_charsets.h"
#include "util/text.h"
#include "util/vietnamese.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxElementText = 64 * 1024;
constexpr std::size_t kMaxScriptText = 1024 * 1024;
constexpr std::size_t kMaxVisibleText = 1024 * 1024;
// Bounds the work of collecting one element's text, so nested markup stays linear overall.
constexpr std::size_t kMaxTextNodesVisited = 4096;

struct DocDeleter {
  void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};

std::string_view AsView(const xmlChar* s) {
  return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view();
}

// What the walk does with an element, by tag name.
enum TagTrait : unsigned {
  kKeepsText = 1u << 0,   // HtmlElement::text is filled
  kHidesText = 1u << 1,   // its text is code or inert markup, never shown
  kBreaksText = 1u << 2,  // starts a new line of text: separated from its neighbours' text
  kIsForm = 1u << 3,
  kIsBase = 1u << 4,
  kIsMeta = 1u << 5,
  kIsStyle = 1u << 6,
  kIsScript = 1u << 7,
  kIsNoscript = 1u << 8,
};

struct TagTraitEntry {
  std::string_view tag;
  unsigned traits;
};

// Sorted by tag for binary search.
constexpr TagTraitEntry kTagTraits[] = {
    {"a", kKeepsText},
    {"address", kBreaksText},
    {"article", kBreaksText},
    {"aside", kBreaksText},
    {"base", kIsBase},
    {"blockquote", kBreaksText},
    {"br", kBreaksText},
    {"button", kKeepsText | kBreaksText},
    {"center", kBreaksText},
    {"dd", kBreaksText},
    {"div", kBreaksText},
    {"dl", kBreaksText},
    {"dt", kBreaksText},
    {"fieldset", kBreaksText},
    {"figcaption", kBreaksText},
    {"figure", kBreaksText},
    {"font", kBreaksText},
    {"footer", kBreaksText},
    {"form", kBreaksText | kIsForm},
    {"h1", kKeepsText | kBreaksText},
    {"h2", kKeepsText | kBreaksText},
    {"h3", kKeepsText | kBreaksText},
    {"h4", kKeepsText | kBreaksText},
    {"h5", kKeepsText | kBreaksText},
    {"h6", kKeepsText | kBreaksText},
    {"header", kBreaksText},
    {"hr", kBreaksText},
    {"label", kKeepsText | kBreaksText},
    {"legend", kKeepsText},
    {"li", kBreaksText},
    {"main", kBreaksText},
    {"meta", kIsMeta},
    {"nav", kBreaksText},
    {"noscript", kBreaksText | kIsNoscript},
    {"ol", kBreaksText},
    {"option", kKeepsText | kBreaksText},
    {"p", kBreaksText},
    {"pre", kBreaksText},
    {"script", kKeepsText | kHidesText | kIsScript},
    {"section", kBreaksText},
    {"style", kKeepsText | kHidesText | kIsStyle},
    {"table", kBreaksText},
    {"tbody", kBreaksText},
    {"td", kBreaksText},
    {"template", kHidesText},
    {"textarea", kKeepsText},
    {"tfoot", kBreaksText},
    {"th", kBreaksText},
    {"thead", kBreaksText},
    {"title", kKeepsText},
    {"tr", kBreaksText},
    {"ul", kBreaksText},
};

constexpr bool SortedByTag() {
  for (std::size_t i = 1; i < std::size(kTagTraits); ++i)
    if (!(kTagTraits[i - 1].tag < kTagTraits[i].tag)) return false;
  return true;
}
static_assert(SortedByTag(), "kTagTraits must be sorted by tag");

// For each first byte, the range of kTagTraits whose tags start with it (the table is sorted).
struct TagTraitRanges {
  std::uint8_t begin[256] = {}, end[256] = {};
  constexpr TagTraitRanges() {
    for (std::size_t i = std::size(kTagTraits); i-- > 0;) {
      const auto first = static_cast<unsigned char>(kTagTraits[i].tag[0]);
      if (end[first] == 0) end[first] = static_cast<std::uint8_t>(i + 1);
      begin[first] = static_cast<std::uint8_t>(i);
    }
  }
};
constexpr TagTraitRanges kTagTraitRanges;
static_assert(std::size(kTagTraits) < 256, "kTagTraitRanges indexes kTagTraits with a byte");

unsigned TraitsOf(std::string_view tag) {
  if (tag.empty()) return 0;
  const auto first = static_cast<unsigned char>(tag[0]);
  for (std::size_t i = kTagTraitRanges.begin[first]; i < kTagTraitRanges.end[first]; ++i)
    if (kTagTraits[i].tag == tag) return kTagTraits[i].traits;  // sizes compare first
  return 0;
}

// The number that starts `s` (digits and one '.'), or -1 when none.
double LeadingNumber(std::string_view s) {
  double v = 0, scale = 0;
  bool any = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') {
      any = true;
      if (scale == 0) v = v * 10 + (c - '0');
      else v += (c - '0') * (scale /= 10);
    } else if (c == '.' && scale == 0) {
      scale = 1;
    } else {
      break;
    }
  }
  return any ? v : -1;
}

// The value of CSS property `name` in a compacted (lower-case, no white space) style, or "".
std::string_view StyleValue(std::string_view style, std::string_view name) {
  std::size_t pos = 0;
  while ((pos = style.find(name, pos)) != std::string_view::npos) {
    const bool starts = pos == 0 || style[pos - 1] == ';' || style[pos - 1] == '{';
    if (starts && pos + name.size() < style.size() && style[pos + name.size()] == ':') {
      std::string_view v = style.substr(pos + name.size() + 1);
      return v.substr(0, v.find(';'));
    }
    pos += name.size();
  }
  return {};
}

// True when an inline style hides its element (see HtmlElement::hidden).
bool StyleHides(std::string_view raw) {
  std::string style;
  for (char c : raw)
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') style.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c);
  auto starts = [](std::string_view v, std::string_view p) { return v.substr(0, p.size()) == p; };
  if (starts(StyleValue(style, "display"), "none")) return true;
  if (starts(StyleValue(style, "visibility"), "hidden") || starts(StyleValue(style, "visibility"), "collapse")) return true;
  if (LeadingNumber(StyleValue(style, "opacity")) == 0) return true;
  if (LeadingNumber(StyleValue(style, "font-size")) == 0) return true;
  for (std::string_view prop : {"left", "top", "text-indent", "margin-left", "margin-top"}) {
    std::string_view v = StyleValue(style, prop);
    if (!v.empty() && v[0] == '-' && LeadingNumber(v.substr(1)) >= 999) return true;
  }
  const bool clipped = starts(StyleValue(style, "overflow"), "hidden");
  for (std::string_view prop : {"width", "height"}) {
    const double n = LeadingNumber(StyleValue(style, prop));
    if (clipped && n >= 0 && n <= 1) return true;
  }
  return false;
}

// Reads a <style> sheet's simple hiding rules: selectors made of one compound with a single
// class (".x", "div.x") or id ("#x") whose declarations hide (StyleHides). Nested blocks
// (@media) and complex selectors are not evaluated.
void CollectHidingRules(std::string_view css, std::unordered_set<std::string>& classes,
                        std::unordered_set<std::string>& ids) {
  std::size_t pos = 0;
  while (pos < css.size()) {
    const std::size_t open = css.find('{', pos);
    if (open == std::string_view::npos) return;
    const std::size_t close = css.find('}', open);
    if (close == std::string_view::npos) return;
    std::string_view selectors = css.substr(pos, open - pos);
    const std::size_t last_close = selectors.rfind('}');
    if (last_close != std::string_view::npos) selectors.remove_prefix(last_close + 1);
    if (StyleHides(css.substr(open + 1, close - open - 1))) {
      for (std::string_view sel : text::Split(selectors, ',')) {
        if (sel.empty() || sel.find_first_of(" >+~:[@*") != std::string_view::npos) continue;
        const std::size_t mark = sel.find_first_of(".#");
        if (mark == std::string_view::npos || sel.find_first_of(".#", mark + 1) != std::string_view::npos) continue;
        std::string name(sel.substr(mark + 1));
        (sel[mark] == '.' ? classes : ids).insert(std::move(name));
      }
    }
    pos = close + 1;
  }
}

// True when one of the element's classes or its id is hidden by a collected rule.
bool HiddenBySheet(const HtmlElement& el, const std::unordered_set<std::string>& classes,
                   const std::unordered_set<std::string>& ids) {
  if (!classes.empty())
    if (const std::string* cls = el.Attr("class")) {
      std::size_t pos = 0;
      for (std::string_view c; !(c = text::NextWhitespaceWord(*cls, pos)).empty();)
        if (classes.count(std::string(c))) return true;
    }
  if (!ids.empty())
    if (const std::string* id = el.Attr("id"))
      if (ids.count(std::string(text::Trim(*id)))) return true;
  return false;
}

// The text content of `node`, cut at `max` bytes.
std::string TextOf(xmlNode* node, std::size_t max) {
  std::string out;
  // The usual case, one text child (a link's or a script's text): no walk needed.
  if (xmlNode* only = node->children; only && only == node->last &&
                                      (only->type == XML_TEXT_NODE || only->type == XML_CDATA_SECTION_NODE)) {
    const std::string_view content = AsView(only->content);
    out.assign(content.substr(0, std::min(content.size(), max)));
    return out;
  }
  // Iterative walk over the subtree (no recursion: documents may nest deeply).
  std::vector<xmlNode*> stack;
  for (xmlNode* c = node->last; c; c = c->prev) stack.push_back(c);
  std::size_t visited = 0;
  while (!stack.empty() && out.size() < max && ++visited <= kMaxTextNodesVisited) {
    xmlNode* n = stack.back();
    stack.pop_back();
    if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
      out.append(AsView(n->content));
    } else if (n->type == XML_ELEMENT_NODE) {
      for (xmlNode* c = n->last; c; c = c->prev) stack.push_back(c);
    }
  }
  if (out.size() > max) out.resize(max);
  return out;
}

struct FoldedSpaces {
  bool space[256] = {};
  constexpr FoldedSpaces() {
    for (char c : {' ', '\n', '\t', '\r', '\f'}) space[static_cast<unsigned char>(c)] = true;
  }
};
constexpr FoldedSpaces kFoldedSpaces;

bool IsFoldedSpace(char c) { return kFoldedSpaces.space[static_cast<unsigned char>(c)]; }

// Appends `piece` with each run of white space folded to one space (none at the start of `out`),
// up to kMaxVisibleText bytes in all. Writes in place: folding never makes a piece longer.
void AppendFolded(std::string& out, std::string_view piece) {
  const std::size_t old_size = out.size();
  if (old_size >= kMaxVisibleText || piece.empty()) return;
  out.resize(old_size + std::min(piece.size(), kMaxVisibleText - old_size));
  char* const begin = &out[0];
  char* const limit = begin + out.size();
  char* w = begin + old_size;
  bool after_space = old_size == 0 || out[old_size - 1] == ' ';  // no space to add here
  std::size_t i = 0;
  while (i < piece.size() && w < limit) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // Eight bytes at a time: those before the first byte below '!' (white space or another
    // control byte) are copied as they are. Bit 7 of `low` marks the bytes below '!'; its lowest
    // set bit is exact (no borrow crosses a byte at or above '!'). All eight are written; w and i
    // move past the copied ones only (w never passes i, and limit - w >= 8 here).
    if (piece.size() - i >= 8 && static_cast<std::size_t>(limit - w) >= 8) {
      constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
      std::uint64_t x;
      std::memcpy(&x, piece.data() + i, 8);
      const std::uint64_t low = (x - kOnes * '!') & ~x & (kOnes * 0x80);
      const std::size_t plain = low == 0 ? 8 : static_cast<std::size_t>(__builtin_ctzll(low)) / 8;
      if (plain > 0) {
        std::memcpy(w, &x, 8);
        w += plain;
        i += plain;
        after_space = false;
        continue;
      }
    }
#endif
    const char c = piece[i++];
    if (IsFoldedSpace(c)) {
      if (!after_space) *w++ = ' ';
      after_space = true;
    } else {
      *w++ = c;
      after_space = false;
    }
  }
  out.resize(static_cast<std::size_t>(w - begin));
}

// The attributes of the elements of one parse, read from the parser's SAX start-element events
// (StartElementKeepingAttributes) instead of from attribute nodes of the tree, which is built
// without them. lists[i] belongs to the element whose _private is i + 1 (nullptr: no attribute).
struct KeptAttributes {
  std::vector<std::vector<HtmlAttribute>> lists;
  std::size_t elements = 0;  // elements the parse made (start-element events that pushed one)
};

// The SAX start-element handler of the parse: libxml2's own (xmlSAX2StartElement) builds the
// element without attributes, then the attributes are kept as the tree would have held them.
// For an HTML parser, xmlSAX2StartElement gives each attribute (in order; the parser has already
// dropped repeated names) one attribute node named as written (the parser lower-cases it) with
// one text child holding the value — the name itself for a value-less boolean attribute
// (htmlIsBooleanAttr: "checked", "hidden"…), no child for another value-less one — and no
// normalisation (an HTML document declares no attribute types). The walk read the name
// lower-cased and the value composed (util/vietnamese.h), "" for no child: so are they kept here.
void StartElementKeepingAttributes(void* ctx, const xmlChar* name, const xmlChar** atts) {
  auto* ctxt = static_cast<xmlParserCtxtPtr>(ctx);
  const int depth = ctxt->nodeNr;
  xmlSAX2StartElement(ctx, name, nullptr);
  // No element was pushed (no document yet, or out of memory): libxml2 kept no attributes either.
  if (ctxt->nodeNr != depth + 1 || ctxt->node == nullptr) return;
  auto* kept = static_cast<KeptAttributes*>(ctxt->_private);
  ++kept->elements;
  if (atts == nullptr || atts[0] == nullptr) return;
  std::vector<HtmlAttribute> attrs;
  std::size_t count = 0;
  while (atts[2 * count] != nullptr) ++count;
  attrs.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    const xmlChar* att = atts[2 * i];
    const xmlChar* value = atts[2 * i + 1];
    if (value == nullptr && htmlIsBooleanAttr(att)) value = att;
    attrs.push_back(HtmlAttribute{text::Lower(AsView(att)), vietnamese::ComposeLatin(AsView(value))});
  }
  kept->lists.push_back(std::move(attrs));
  ctxt->node->_private = reinterpret_cast<void*>(kept->lists.size());
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

// htmlReadMemory(bytes, nullptr, encoding, options) as libxml2 2.9 implements it (a memory parser
// context, the HTML SAX handler, htmlDoRead), except that elements get their attributes in
// `kept` (StartElementKeepingAttributes) instead of in the tree.
xmlDoc* ReadHtmlKeepingAttributes(std::string_view bytes, const char* encoding, int options, KeptAttributes& kept) {
  xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(bytes.data(), static_cast<int>(bytes.size()));
  if (ctxt == nullptr) return nullptr;
  htmlDefaultSAXHandlerInit();
  if (ctxt->sax != nullptr) {
    std::memcpy(ctxt->sax, &htmlDefaultSAXHandler, sizeof(xmlSAXHandlerV1));
    ctxt->sax->startElement = &StartElementKeepingAttributes;
  }
  ctxt->_private = &kept;
  htmlCtxtUseOptions(ctxt, options);
  ctxt->html = 1;
  if (encoding != nullptr) {
    if (xmlCharEncodingHandlerPtr handler = FindEncodingHandler(encoding)) {
      xmlSwitchToEncoding(ctxt, handler);
      if (ctxt->input->encoding != nullptr) xmlFree(const_cast<xmlChar*>(ctxt->input->encoding));
      ctxt->input->encoding = xmlStrdup(reinterpret_cast<const xmlChar*>(encoding));
    }
  }
  htmlParseDocument(ctxt);
  xmlDoc* doc = ctxt->myDoc;
  ctxt->myDoc = nullptr;
  if (ctxt->dictNames && doc != nullptr && doc->dict == ctxt->dict) ctxt->dict = nullptr;
  xmlFreeParserCtxt(ctxt);
  return doc;
}

std::string CharsetFromContentType(std::string_view content) {
  std::string lower = text::Lower(content);
  std::size_t pos = lower.find("charset=");
  if (pos == std::string::npos) return "";
  std::string_view rest = std::string_view(lower).substr(pos + 8);
  std::size_t end = rest.find_first_of("; \t\"'");
  rest = rest.substr(0, end);
  if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) rest.remove_prefix(1);
  return std::string(text::Trim(rest));
}

// The name to give libxml2 for the charset `label`: the label itself when libxml2 resolves it to
// one of the engine's decoders (libxml_charsets.h), the decoder's name when the label only
// loosely names one ("windows_1258"), else "" — never a name libxml2 would hand to an iconv (the
// native build's glibc; the wasm build has none), so both builds decode alike.
std::string LibxmlEncodingName(const std::string& label) {
  if (label.empty()) return "";
  if (charset::Lookup(label).support != charset::Support::kUnknown) return label;
  const charset::LabelInfo loose = charset::LookupLoose(label);
  return loose.support != charset::Support::kUnknown ? std::string(loose.handler) : std::string();
}

}  // namespace

const std::string* HtmlElement::Attr(std::string_view name) const {
  for (const auto& a : attrs)
    if (a.name == name) return &a.value;
  return nullptr;
}

std::vector<int> PageModel::ElementsWithTag(std::string_view tag) const {
  std::vector<int> out;
  for (std::size_t i = 0; i < elements_.size(); ++i)
    if (elements_[i].tag == tag) out.push_back(static_cast<int>(i));
  return out;
}

// Walks a libxml2 tree once into a PageModel; each element's attributes are taken from
// `attributes` (the parse's KeptAttributes).
class PageModelBuilder {
 public:
  static void Walk(xmlDoc* doc, KeptAttributes& attributes, PageModel& model);
};

void PageModelBuilder::Walk(xmlDoc* doc, KeptAttributes& attributes, PageModel& model) {
  // What a node inherits from the nodes above it.
  struct Context {
    int depth = 0;
    int form = -1;
    bool no_text = false;    // inside script/style/template/noscript
    bool hidden = false;     // inside a hidden element
    bool after_end = false;  // inside content written after </html> (HtmlElement::after_end)
    bool in_template = false;  // inside a <template> (HtmlElement::in_template)
  };
  // A node whose children are being walked: the context it gives them, and whether the text
  // breaks after them (a block element).
  struct Open {
    xmlNode* node;
    Context children;
    bool breaks_text;
  };
  bool seen_html = false;  // an <html> element was walked: a further one holds content after </html>
  // Sized once: the walk visits at most the elements the parse made.
  model.elements_.reserve(std::min(attributes.elements, limits::kMaxPageModelNodes));
  std::unordered_set<std::string> hidden_classes, hidden_ids;  // from <style> sheets seen so far
  auto break_text = [&model] {  // AppendFolded(" ") on both texts, without its set-up
    for (std::string* t : {&model.visible_text_, &model.hidden_text_})
      if (!t->empty() && t->back() != ' ' && t->size() < kMaxVisibleText) t->push_back(' ');
  };
  std::unordered_map<std::string, int> form_by_id;
  std::vector<std::pair<int, std::string>> form_attr_refs;  // element index → form id
  // Document order along the tree's own links (first child, next sibling, parent); `open` holds
  // only the nodes being descended into.
  const Context top;
  std::vector<Open> open;
  for (xmlNode* n = doc->children; n != nullptr;) {
    // The nodes visited next, asked for while this one is read: the walk waits on each node's
    // memory otherwise (the tree was allocated piecemeal during the parse).
    __builtin_prefetch(n->children);
    __builtin_prefetch(n->next);
    const Context f = open.empty() ? top : open.back().children;
    bool descend = false;  // into n's children, with `child` as their context
    bool breaks_text = false;
    Context child = f;
    if (n->type == XML_COMMENT_NODE) {
      model.comments_.push_back(HtmlComment{vietnamese::ComposeLatin(AsView(n->content)), static_cast<int>(xmlGetLineNo(n))});
    } else if (n->type == XML_TEXT_NODE) {
      if (!f.no_text) AppendFolded(f.hidden ? model.hidden_text_ : model.visible_text_, AsView(n->content));
    } else if (n->type == XML_DOCUMENT_NODE || n->type == XML_HTML_DOCUMENT_NODE) {
      descend = true;
    } else if (n->type == XML_ELEMENT_NODE) {
      if (model.elements_.size() >= limits::kMaxPageModelNodes) {
        model.truncated_ = true;
        break;
      }
      descend = true;
      HtmlElement el;
      el.tag = text::Lower(AsView(n->name));
      const unsigned traits = TraitsOf(el.tag);
      el.line = static_cast<int>(xmlGetLineNo(n));
      el.depth = f.depth;
      if (n->_private != nullptr) el.attrs = std::move(attributes.lists[reinterpret_cast<std::size_t>(n->_private) - 1]);
      const int index = static_cast<int>(model.elements_.size());
      if (traits & kIsForm) {
        child.form = static_cast<int>(model.forms_.size());
        model.forms_.push_back(index);
        if (const std::string* id = el.Attr("id")) form_by_id.emplace(*id, child.form);
      } else if (const std::string* ref = el.Attr("form")) {
        form_attr_refs.emplace_back(index, *ref);
      }
      el.form = (traits & kIsForm) ? -1 : child.form;
      if (traits & kKeepsText) {
        el.text = TextOf(n, (traits & kIsScript) ? kMaxScriptText : kMaxElementText);
        if (!(traits & (kIsScript | kIsStyle)) && vietnamese::NeedsComposition(el.text))
          el.text = vietnamese::ComposeLatin(el.text);
      }
      if ((traits & kIsBase) && model.base_href_.empty()) {
        if (const std::string* href = el.Attr("href")) model.base_href_ = *href;
      }
      if ((traits & kIsMeta) && model.meta_charset_.empty()) {
        if (const std::string* cs = el.Attr("charset")) {
          model.meta_charset_ = text::Lower(text::Trim(*cs));
        } else if (const std::string* he = el.Attr("http-equiv"); he && text::EqualsIgnoreCase(text::Trim(*he), "content-type")) {
          if (const std::string* content = el.Attr("content")) model.meta_charset_ = CharsetFromContentType(*content);
        }
      }
      if (traits & kIsStyle) CollectHidingRules(el.text, hidden_classes, hidden_ids);
      child.no_text = f.no_text || (traits & kHidesText);
      const std::string* style = el.Attr("style");
      child.hidden = f.hidden || (traits & kIsNoscript) || el.HasAttr("hidden") || (style && StyleHides(*style)) ||
                     HiddenBySheet(el, hidden_classes, hidden_ids);
      el.hidden = child.hidden;
      if (el.tag == std::string_view("html")) {  // sizes compare first
        child.after_end = f.after_end || seen_html;
        seen_html = true;
      }
      el.after_end = child.after_end;
      el.in_template = f.in_template;
      child.in_template = f.in_template || el.tag == std::string_view("template");
      if (traits & kBreaksText) {
        break_text();
        breaks_text = true;
      }
      model.elements_.push_back(std::move(el));
    }
    child.depth = f.depth + 1;
    if (descend && n->children != nullptr) {
      open.push_back(Open{n, child, breaks_text});
      n = n->children;
      continue;
    }
    if (breaks_text) break_text();  // after its (no) children
    // On to the next node in document order: the next sibling, else that of the nearest open
    // node that has one, each closed node's text break first.
    while (n->next == nullptr && !open.empty()) {
      const Open closed = open.back();
      open.pop_back();
      if (closed.breaks_text) break_text();
      n = closed.node;
    }
    n = n->next;
  }
  for (const auto& [index, id] : form_attr_refs) {
    auto it = form_by_id.find(id);
    if (it != form_by_id.end()) model.elements_[index].form = it->second;
  }
}

PageModel PageModel::Build(std::string_view bytes, std::string_view header_charset, bool bytes_are_utf8) {
  PageModel model;
  static const bool kInit = [] {
    xmlInitParser();
    charset::RegisterCharsets();
    return true;
  }();
  (void)kInit;
  // XML_PARSE_HUGE: without it libxml2 halts silently at 256 nested elements (its
  // xmlParserMaxDepth) and the rest of the page would go unaudited; the tree is walked without
  // recursion, and limits::kMaxPageModelNodes bounds what is recorded.
  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                      HTML_PARSE_NOBLANKS | XML_PARSE_HUGE;
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return model;
  const std::string header_label = bytes_are_utf8 ? std::string("UTF-8") : text::Lower(text::Trim(header_charset));
  KeptAttributes attributes;  // of the last parse
  auto parse = [&](const std::string& encoding, int extra_options) {
    charset::ResetNotDecodedReads();
    attributes = KeptAttributes();
    return std::unique_ptr<xmlDoc, DocDeleter>(ReadHtmlKeepingAttributes(bytes, encoding.empty() ? nullptr : encoding.c_str(),
                                                                         options | extra_options, attributes));
  };
  const std::string header_encoding = LibxmlEncodingName(header_label);
  std::unique_ptr<xmlDoc, DocDeleter> doc = parse(header_encoding, 0);
  const bool header_used = doc && !header_encoding.empty();
  if (!doc && !header_encoding.empty()) doc = parse("", 0);  // let libxml2 detect the encoding itself
  std::string declared = header_used ? header_label : doc && doc->encoding ? std::string(AsView(doc->encoding)) : std::string();
  if (!header_used && !declared.empty() && charset::Lookup(declared).support == charset::Support::kUnknown) {
    // The first <meta> charset (the only one libxml2 reads) names a charset libxml2 does not
    // resolve to one of the engine's decoders, and the parser switched to it if an iconv knew it
    // (the native build's glibc). Parse again: with the decoder the name loosely names, from the
    // start; else ignoring every <meta> charset, as a parser without a decoder for it does.
    const std::string meta_encoding = LibxmlEncodingName(declared);
    doc = parse(meta_encoding, meta_encoding.empty() ? HTML_PARSE_IGNORE_ENC : 0);
    if (meta_encoding.empty()) declared.clear();
  }
  if (!doc) return model;
  model.parsed_ = true;
  model.decoded_as_ = declared.empty() ? std::string("UTF-8") : declared;
  model.text_decoded_ = !charset::NotDecodedWasRead();
  // No name led there: libxml2 detected UCS-4 or EBCDIC from the first four bytes.
  if (!model.text_decoded_ && charset::Lookup(model.decoded_as_).support != charset::Support::kNotDecoded)
    model.decoded_as_ = "UCS-4 or EBCDIC (detected from its first bytes)";
  PageModelBuilder::Walk(doc.get(), attributes, model);
  for (std::string* t : {&model.visible_text_, &model.hidden_text_}) {
    while (!t->empty() && t->back() == ' ') t->pop_back();  // the folded trailing space
    if (vietnamese::NeedsComposition(*t)) *t = vietnamese::ComposeLatin(*t);
  }
  return model;
}

}  // namespace portal_check
