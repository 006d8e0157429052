// Page model (libxml2 HTML parser + our walk). The first byte picks the header charset and
// whether the bytes are already UTF-8.
#include "fuzz_util.h"
#include "normalize/page_model.h"

using namespace portal_check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static const char* const kCharsets[] = {"", "utf-8", "windows-1258", "iso-8859-1", "shift_jis", "utf-16", "bogus-x"};
  std::string_view charset = kCharsets[data[0] % 7];
  bool utf8 = (data[0] & 0x80) != 0;
  PageModel m = PageModel::Build(fuzz::AsView(data + 1, size - 1), charset, utf8);
  for (int i : m.forms()) (void)m.elements().at(static_cast<std::size_t>(i));
  for (int i : m.ElementsWithTag("a")) (void)m.elements().at(static_cast<std::size_t>(i));
  (void)m.visible_text().size();
  return 0;
}
