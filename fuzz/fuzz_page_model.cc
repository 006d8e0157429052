// Page model (libxml2 HTML parser + the model builder). The first byte picks the header charset and
// whether the bytes are already UTF-8. The model built from the parser's events must equal the one
// built from libxml2's tree (normalize/html_events.h) for the same bytes and encoding: a difference
// traps.
#include <cstdlib>

#include "fuzz_util.h"
#include "normalize/html_events.h"
#include "normalize/page_model.h"
#include "normalize/page_model_builder.h"
#include "page_model_text.h"

using namespace portal_check;

namespace {
std::string ModelText(std::string_view bytes, const char* encoding, HtmlEventSource source) {
  PageModel model;
  PageModelBuilder builder(model, 16);
  const HtmlParseResult r = ParseHtml(bytes, encoding, 0, source, builder);
  builder.Finish();
  return std::to_string(r.parsed) + r.encoding + testing::PageModelText(model);
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kCharsets[] = {"", "utf-8", "windows-1258", "iso-8859-1", "shift_jis", "utf-16", "bogus-x"};
  std::string_view charset = kCharsets[data[0] % 7];
  bool utf8 = (data[0] & 0x80) != 0;
  const std::string_view bytes = fuzz::AsView(data + 1, size - 1);
  PageModel m = PageModel::Build(bytes, charset, utf8);
  for (int i : m.forms()) (void)m.elements().at(static_cast<std::size_t>(i));
  for (int i : m.ElementsWithTag("a")) (void)m.elements().at(static_cast<std::size_t>(i));
  (void)m.visible_text().size();
  static const char* const kEncodings[] = {nullptr, "UTF-8", "windows-1258"};
  const char* encoding = kEncodings[(data[0] >> 3) % 3];
  if (ModelText(bytes, encoding, HtmlEventSource::kParserEvents) != ModelText(bytes, encoding, HtmlEventSource::kTree))
    std::abort();
  return 0;
}
