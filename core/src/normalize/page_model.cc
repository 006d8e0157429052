#include "normalize/page_model.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <memory>
#include <unordered_map>
#include <utility>

#include "evidence/limits.h"
#include "util/text.h"

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

bool KeepsText(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "title" || tag == "a" || tag == "label" ||
         tag == "button" || tag == "option" || tag == "textarea" || tag == "legend";
}

bool HidesText(std::string_view tag) {
  return tag == "script" || tag == "style" || tag == "template" || tag == "noscript";
}

// The text content of `node`, cut at `max` bytes.
std::string TextOf(xmlNode* node, std::size_t max) {
  std::string out;
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

void AppendFolded(std::string& out, std::string_view piece) {
  for (char c : piece) {
    if (out.size() >= kMaxVisibleText) return;
    bool space = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f';
    if (space) {
      if (!out.empty() && out.back() != ' ') out.push_back(' ');
    } else {
      out.push_back(c);
    }
  }
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

// Walks a libxml2 tree once into a PageModel.
class PageModelBuilder {
 public:
  static void Walk(xmlDoc* doc, PageModel& model);
};

void PageModelBuilder::Walk(xmlDoc* doc, PageModel& model) {
  struct Frame {
    xmlNode* node;
    int depth;
    int form;
    bool hidden;
  };
  std::vector<Frame> stack;
  xmlNode* root = xmlDocGetRootElement(doc);
  for (xmlNode* c = doc->last; c; c = c->prev) stack.push_back({c, 0, -1, false});
  (void)root;
  std::unordered_map<std::string, int> form_by_id;
  std::vector<std::pair<int, std::string>> form_attr_refs;  // element index → form id
  while (!stack.empty()) {
    Frame f = stack.back();
    stack.pop_back();
    xmlNode* n = f.node;
    if (n->type == XML_COMMENT_NODE) {
      model.comments_.push_back(HtmlComment{std::string(AsView(n->content)), static_cast<int>(xmlGetLineNo(n))});
      continue;
    }
    if (n->type == XML_TEXT_NODE) {
      if (!f.hidden) AppendFolded(model.visible_text_, AsView(n->content));
      continue;
    }
    if (n->type != XML_ELEMENT_NODE && n->type != XML_DOCUMENT_NODE && n->type != XML_HTML_DOCUMENT_NODE) continue;
    int form = f.form;
    bool hidden = f.hidden;
    if (n->type == XML_ELEMENT_NODE) {
      if (model.elements_.size() >= limits::kMaxPageModelNodes) {
        model.truncated_ = true;
        break;
      }
      HtmlElement el;
      el.tag = text::Lower(AsView(n->name));
      el.line = static_cast<int>(xmlGetLineNo(n));
      el.depth = f.depth;
      for (xmlAttr* a = n->properties; a; a = a->next) {
        xmlChar* v = xmlNodeListGetString(doc, a->children, 1);
        el.attrs.push_back(HtmlAttribute{text::Lower(AsView(a->name)), std::string(AsView(v))});
        if (v) xmlFree(v);
      }
      const int index = static_cast<int>(model.elements_.size());
      if (el.tag == "form") {
        form = static_cast<int>(model.forms_.size());
        model.forms_.push_back(index);
        if (const std::string* id = el.Attr("id")) form_by_id.emplace(*id, form);
      } else if (const std::string* ref = el.Attr("form")) {
        form_attr_refs.emplace_back(index, *ref);
      }
      el.form = el.tag == "form" ? -1 : form;
      if (KeepsText(el.tag)) el.text = TextOf(n, el.tag == "script" ? kMaxScriptText : kMaxElementText);
      if (el.tag == "base" && model.base_href_.empty()) {
        if (const std::string* href = el.Attr("href")) model.base_href_ = *href;
      }
      if (el.tag == "meta" && model.meta_charset_.empty()) {
        if (const std::string* cs = el.Attr("charset")) {
          model.meta_charset_ = text::Lower(text::Trim(*cs));
        } else if (const std::string* he = el.Attr("http-equiv"); he && text::EqualsIgnoreCase(text::Trim(*he), "content-type")) {
          if (const std::string* content = el.Attr("content")) model.meta_charset_ = CharsetFromContentType(*content);
        }
      }
      hidden = hidden || HidesText(el.tag);
      model.elements_.push_back(std::move(el));
    }
    for (xmlNode* c = n->last; c; c = c->prev) stack.push_back({c, f.depth + 1, form, hidden});
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
    return true;
  }();
  (void)kInit;
  const int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER |
                      HTML_PARSE_NOBLANKS;
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return model;
  std::string charset = bytes_are_utf8 ? std::string("UTF-8") : text::Lower(text::Trim(header_charset));
  std::unique_ptr<xmlDoc, DocDeleter> doc(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr,
                                                         charset.empty() ? nullptr : charset.c_str(), options));
  if (!doc && !charset.empty()) {
    // An unknown charset name: let libxml2 detect the encoding itself.
    doc.reset(htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, nullptr, options));
  }
  if (!doc) return model;
  model.parsed_ = true;
  model.decoded_as_ = doc->encoding ? std::string(AsView(doc->encoding)) : std::string(charset.empty() ? "UTF-8" : charset);
  PageModelBuilder::Walk(doc.get(), model);
  // Visible text: trim the folded trailing space.
  while (!model.visible_text_.empty() && model.visible_text_.back() == ' ') model.visible_text_.pop_back();
  return model;
}

}  // namespace portal_check
