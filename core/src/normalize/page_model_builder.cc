#include "normalize/page_model_builder.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <iterator>

#include "evidence/limits.h"
#include "util/text.h"
#include "util/vietnamese.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxElementText = 64 * 1024;
constexpr std::size_t kMaxScriptText = 1024 * 1024;
constexpr std::size_t kMaxVisibleText = 1024 * 1024;
// Bounds the work of collecting one element's text, so nested markup stays linear overall.
constexpr std::size_t kMaxTextNodesVisited = 4096;

// What the builder does with an element, by tag name.
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

PageModelBuilder::PageModelBuilder(PageModel& model, std::size_t expected_elements) : model_(model) {
  model_.elements_.reserve(std::min(expected_elements, limits::kMaxPageModelNodes));
}

void PageModelBuilder::VisitNode(bool is_text) {
  // As the tree walk of each collecting element did: a node is taken while the text is shorter
  // than its cut and fewer than kMaxTextNodesVisited nodes were met; the first that is not ends it.
  std::size_t kept = 0;
  for (TextCollector& c : collectors_) {
    const std::string& text = model_.elements_[static_cast<std::size_t>(c.element)].text;
    if (text.size() >= c.max || c.visited >= kMaxTextNodesVisited) continue;  // done: dropped
    ++c.visited;
    c.taking = is_text;
    collectors_[kept++] = c;
  }
  collectors_.resize(kept);
}

void PageModelBuilder::AddText(std::string_view piece, bool new_node, bool shown) {
  if (new_node) VisitNode(true);
  for (const TextCollector& c : collectors_) {
    if (!c.taking) continue;
    std::string& text = model_.elements_[static_cast<std::size_t>(c.element)].text;
    if (text.size() < c.max) text.append(piece.substr(0, c.max - text.size()));
  }
  if (!shown || model_.truncated_ || open_.empty()) return;
  const Context& f = open_.back().children;
  if (!f.no_text) AppendFolded(f.hidden ? model_.hidden_text_ : model_.visible_text_, piece);
}

void PageModelBuilder::BreakText() {  // AppendFolded(" ") on both texts, without its set-up
  if (model_.truncated_) return;
  for (std::string* t : {&model_.visible_text_, &model_.hidden_text_})
    if (!t->empty() && t->back() != ' ' && t->size() < kMaxVisibleText) t->push_back(' ');
}

void PageModelBuilder::StartElement(std::string_view name, std::vector<HtmlAttribute> attributes, int line,
                                    bool under_first_top_element) {
  VisitNode(false);
  const bool top_level = open_.empty();
  if (model_.truncated_ || model_.elements_.size() >= limits::kMaxPageModelNodes) {
    model_.truncated_ = true;
    open_.push_back(Open{-1, 0, Context()});
    return;
  }
  const Context f = !top_level ? open_.back().children : under_first_top_element ? first_top_children_ : Context();
  Context child = f;
  HtmlElement el;
  el.tag = text::Lower(name);
  const unsigned traits = TraitsOf(el.tag);
  el.line = line;
  if (line >= kFirstCappedLine) saw_capped_line_ = true;
  el.depth = f.depth;
  el.attrs = std::move(attributes);
  const int index = static_cast<int>(model_.elements_.size());
  if (traits & kIsForm) {
    child.form = static_cast<int>(model_.forms_.size());
    model_.forms_.push_back(index);
    if (const std::string* id = el.Attr("id")) form_by_id_.emplace(*id, child.form);
  } else if (const std::string* ref = el.Attr("form")) {
    form_attr_refs_.emplace_back(index, *ref);
  }
  el.form = (traits & kIsForm) ? -1 : child.form;
  if ((traits & kIsBase) && model_.base_href_.empty()) {
    if (const std::string* href = el.Attr("href")) model_.base_href_ = *href;
  }
  if ((traits & kIsMeta) && model_.meta_charset_.empty()) {
    if (const std::string* cs = el.Attr("charset")) {
      model_.meta_charset_ = text::Lower(text::Trim(*cs));
    } else if (const std::string* he = el.Attr("http-equiv"); he && text::EqualsIgnoreCase(text::Trim(*he), "content-type")) {
      if (const std::string* content = el.Attr("content")) model_.meta_charset_ = CharsetFromContentType(*content);
    }
  }
  child.no_text = f.no_text || (traits & kHidesText);
  const std::string* style = el.Attr("style");
  // A <style>'s own rules may hide it too: applied at its end (Close), when its text is known.
  child.hidden = f.hidden || (traits & kIsNoscript) || el.HasAttr("hidden") || (style && StyleHides(*style)) ||
                 HiddenBySheet(el, hidden_classes_, hidden_ids_);
  el.hidden = child.hidden;
  if (el.tag == std::string_view("html")) {  // sizes compare first
    child.after_end = f.after_end || seen_html_;
    seen_html_ = true;
  }
  el.after_end = child.after_end;
  el.in_template = f.in_template;
  child.in_template = f.in_template || el.tag == std::string_view("template");
  child.depth = f.depth + 1;
  if (traits & kBreaksText) BreakText();
  model_.elements_.push_back(std::move(el));
  if (traits & kKeepsText) collectors_.push_back(TextCollector{index, (traits & kIsScript) ? kMaxScriptText : kMaxElementText});
  if (top_level && !seen_first_top_) {
    seen_first_top_ = true;
    first_top_children_ = child;
  }
  open_.push_back(Open{index, traits, child});
}

void PageModelBuilder::Close(const Open& open) {
  if (open.element < 0) return;
  const auto index = static_cast<std::size_t>(open.element);
  if (open.traits & kKeepsText) {
    collectors_.erase(std::remove_if(collectors_.begin(), collectors_.end(),
                                     [&open](const TextCollector& c) { return c.element == open.element; }),
                      collectors_.end());
    std::string& text = model_.elements_[index].text;
    if (!(open.traits & (kIsScript | kIsStyle)) && vietnamese::NeedsComposition(text))
      text = vietnamese::ComposeLatin(text);
    if (open.traits & kIsStyle) {
      CollectHidingRules(text, hidden_classes_, hidden_ids_);
      HtmlElement& el = model_.elements_[index];
      if (!el.hidden && HiddenBySheet(el, hidden_classes_, hidden_ids_)) el.hidden = true;
    }
  }
  if (open.traits & kBreaksText) BreakText();
}

void PageModelBuilder::EndElement() {
  if (open_.empty()) return;
  const Open open = open_.back();
  open_.pop_back();
  Close(open);
}

void PageModelBuilder::Text(std::string_view piece, bool new_node) { AddText(piece, new_node, true); }

void PageModelBuilder::CData(std::string_view piece, bool new_node) { AddText(piece, new_node, false); }

void PageModelBuilder::Comment(std::string_view content, int line) {
  VisitNode(false);
  if (model_.truncated_) return;
  if (line >= kFirstCappedLine) saw_capped_line_ = true;
  model_.comments_.push_back(HtmlComment{vietnamese::ComposeLatin(content), line});
}

void PageModelBuilder::OtherNode() { VisitNode(false); }

void PageModelBuilder::Finish() {
  while (!open_.empty()) EndElement();
  for (const auto& [index, id] : form_attr_refs_) {
    auto it = form_by_id_.find(id);
    if (it != form_by_id_.end()) model_.elements_[static_cast<std::size_t>(index)].form = it->second;
  }
  for (std::string* t : {&model_.visible_text_, &model_.hidden_text_}) {
    while (!t->empty() && t->back() == ' ') t->pop_back();  // the folded trailing space
    if (vietnamese::NeedsComposition(*t)) *t = vietnamese::ComposeLatin(*t);
  }
}

}  // namespace portal_check
