// The page model: one HTML document parsed once with libxml2 (HTML_PARSE_NONET, no entity
// loading, no network) into the facts every HTML check reads. No check parses HTML itself. The
// model is built from the parser's SAX events as it reads (normalize/html_events.h), without a
// tree, as the tree libxml2 would have built would give it; only a page whose lines reach 65535
// is parsed with the tree (libxml2 finds such lines through it). Every text and attribute value
// is UTF-8 with Latin letters canonically composed (util/vietnamese.h), whatever the page's
// encoding, so all builds see the same text.
#ifndef PORTAL_CHECK_NORMALIZE_PAGE_MODEL_H_
#define PORTAL_CHECK_NORMALIZE_PAGE_MODEL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check {

struct HtmlAttribute {
  std::string name;   // lower-case
  std::string value;  // UTF-8 text, entities decoded
};

struct HtmlElement {
  std::string tag;                    // lower-case local name ("script", "a", "input", ...)
  std::vector<HtmlAttribute> attrs;   // in source order
  int line = 0;                       // 1-based source line (0 when unknown)
  int form = -1;                      // index into PageModel::forms() of the owning form, or -1
  int depth = 0;                      // nesting depth below <html>
  // Hidden from a visitor by this element or an ancestor: <noscript>, the `hidden` attribute, or a
  // style with display:none, visibility:hidden, opacity:0, font-size:0, a far off-screen position
  // (left/top/text-indent ≤ -999px) or a box of at most 1px with overflow:hidden — inline, or from
  // a simple single-class/single-id rule of a <style> sheet that precedes the element.
  bool hidden = false;
  // Written after the document's end tag </html> (this element or an ancestor). libxml2 2.9's HTML
  // parser puts such content into a further <html> element (a second root, or a child of the
  // first when the end tag closed an implied body); the model marks that element and everything
  // below it. Pages do not put content there; spam kits append links there.
  bool after_end = false;
  // Inside a <template> element's content (a descendant of one; the <template> itself is not).
  // HTML keeps template content inert: its scripts never run, its <meta> elements set no policy,
  // and the DOM's querySelectorAll (what the Mozilla HTTP Observatory reads pages with) does not
  // reach it. libxml2 parses it as ordinary children, so the model lists those elements; checks
  // that judge what a browser applies skip them.
  bool in_template = false;
  std::string text;                   // for <script>, <style>, <title>, <a>, <label>, <button>,
                                      // <option>, <legend>, <textarea>, <h1>–<h6>: its text
                                      // content (cut at 64 KiB; scripts at 1 MiB)
  // The attribute's value, or nullptr when absent. Names compare lower-case.
  const std::string* Attr(std::string_view name) const;
  bool HasAttr(std::string_view name) const { return Attr(name) != nullptr; }
};

struct HtmlComment {
  std::string text;
  int line = 0;
};

class PageModel {
 public:
  // Builds the model from a response body.
  //   bytes:          the body (cut to limits::kMaxBodyBytes by the caller)
  //   header_charset: the charset parameter of Content-Type ("" when none)
  //   bytes_are_utf8: true when the HAR gave the body as text (already decoded to UTF-8)
  // Never fails: unparsable input gives an empty model with parsed() == false.
  static PageModel Build(std::string_view bytes, std::string_view header_charset, bool bytes_are_utf8);

  bool parsed() const { return parsed_; }
  // Every element in document order (at most limits::kMaxPageModelNodes; see truncated()).
  const std::vector<HtmlElement>& elements() const { return elements_; }
  // Indices into elements() of the <form> elements, in document order.
  const std::vector<int>& forms() const { return forms_; }
  // Indices into elements() with the given tag, in document order.
  std::vector<int> ElementsWithTag(std::string_view tag) const;
  const std::vector<HtmlComment>& comments() const { return comments_; }
  // Visible text (outside script/style/template and hidden elements), white space folded, block
  // elements (p, div, td, li, br, …) separated by a space, cut at 1 MiB.
  const std::string& visible_text() const { return visible_text_; }
  // Text inside hidden elements (see HtmlElement::hidden), white space folded, cut at 1 MiB.
  const std::string& hidden_text() const { return hidden_text_; }
  // <base href> (first one), or "".
  const std::string& base_href() const { return base_href_; }
  // The charset a <meta charset> or <meta http-equiv=Content-Type> declares, lower-case, or "".
  const std::string& meta_charset() const { return meta_charset_; }
  // The encoding libxml2 decoded the document with ("UTF-8", "windows-1258", ...), as the header
  // or the page named it. Charsets: normalize/charset_labels.h; a name the engine does not know
  // is ignored (the page is read as UTF-8, or ISO-8859-1 when it is not valid UTF-8).
  const std::string& decoded_as() const { return decoded_as_; }
  // False when the page (or its part after a <meta charset>) is in a charset the engine does not
  // decode (charset_labels.h, Support::kNotDecoded: Shift_JIS, GBK, Big5, EUC-KR, ...): that part
  // was read as ASCII, every other byte as U+FFFD, so its text is not the page's text.
  // decoded_as() names that charset.
  bool text_decoded() const { return text_decoded_; }
  // True when the element limit cut the model short.
  bool truncated() const { return truncated_; }

 private:
  friend class PageModelBuilder;
  bool parsed_ = false;
  bool truncated_ = false;
  bool text_decoded_ = true;
  std::vector<HtmlElement> elements_;
  std::vector<int> forms_;
  std::vector<HtmlComment> comments_;
  std::string visible_text_, hidden_text_, base_href_, meta_charset_, decoded_as_;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_PAGE_MODEL_H_
