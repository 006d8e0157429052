#include "normalize/page_model.h"

#include <algorithm>
#include <string>

#include <libxml/HTMLparser.h>

#include "normalize/charset_labels.h"
#include "normalize/html_events.h"
#include "normalize/libxml_charsets.h"
#include "normalize/page_model_builder.h"
#include "util/text.h"

namespace portal_check {
namespace {

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

PageModel PageModel::Build(std::string_view bytes, std::string_view header_charset, bool bytes_are_utf8) {
  static const bool kInit = [] {
    xmlInitParser();
    charset::RegisterCharsets();
    return true;
  }();
  (void)kInit;
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return PageModel();
  const std::string header_label = bytes_are_utf8 ? std::string("UTF-8") : text::Lower(text::Trim(header_charset));
  // An upper bound of the elements (each starts at a '<', but for the few the parser implies),
  // for sizing the element list once.
  const std::size_t expected_elements = static_cast<std::size_t>(std::count(bytes.begin(), bytes.end(), '<')) + 4;
  // One parse into a fresh model (not finished when nothing was parsed). The parser's events
  // build it; when a line reaches PageModelBuilder::kFirstCappedLine, the tree gives the lines.
  PageModel model;
  auto parse = [&](const std::string& encoding, int extra_options) {
    const char* name = encoding.empty() ? nullptr : encoding.c_str();
    HtmlParseResult r;
    for (HtmlEventSource source : {HtmlEventSource::kParserEvents, HtmlEventSource::kTree}) {
      charset::ResetNotDecodedReads();
      model = PageModel();
      PageModelBuilder builder(model, expected_elements);
      r = ParseHtml(bytes, name, extra_options, source, builder);
      if (!r.parsed) break;
      builder.Finish();
      if (!builder.saw_capped_line()) break;
    }
    return r;
  };
  const std::string header_encoding = LibxmlEncodingName(header_label);
  HtmlParseResult doc = parse(header_encoding, 0);
  const bool header_used = doc.parsed && !header_encoding.empty();
  if (!doc.parsed && !header_encoding.empty()) doc = parse("", 0);  // let libxml2 detect the encoding itself
  std::string declared = header_used ? header_label : doc.encoding;
  if (!header_used && !declared.empty() && charset::Lookup(declared).support == charset::Support::kUnknown) {
    // The first <meta> charset (the only one libxml2 reads) names a charset libxml2 does not
    // resolve to one of the engine's decoders, and the parser switched to it if an iconv knew it
    // (the native build's glibc). Parse again: with the decoder the name loosely names, from the
    // start; else ignoring every <meta> charset, as a parser without a decoder for it does.
    const std::string meta_encoding = LibxmlEncodingName(declared);
    doc = parse(meta_encoding, meta_encoding.empty() ? HTML_PARSE_IGNORE_ENC : 0);
    if (meta_encoding.empty()) declared.clear();
  }
  if (!doc.parsed) return PageModel();
  model.parsed_ = true;
  model.decoded_as_ = declared.empty() ? std::string("UTF-8") : declared;
  model.text_decoded_ = !charset::NotDecodedWasRead();
  // No name led there: libxml2 detected UCS-4 or EBCDIC from the first four bytes.
  if (!model.text_decoded_ && charset::Lookup(model.decoded_as_).support != charset::Support::kNotDecoded)
    model.decoded_as_ = "UCS-4 or EBCDIC (detected from its first bytes)";
  return model;
}

}  // namespace portal_check
