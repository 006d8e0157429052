// The charset names a page may declare (Content-Type's charset parameter, <meta charset>, <meta
// http-equiv>) and what the engine does with each. One list for every build: the native build's
// glibc iconv and the wasm build's (absent) iconv are never asked, so both decode alike.
//
// The labels are the WHATWG Encoding Standard's, plus the spellings glibc, musl and libxml2 accept
// for the same charsets. A label decodes as the charset it names, as glibc's iconv decodes that
// charset: "iso-8859-1" and "us-ascii" stay ISO-8859-1 and ASCII (libxml2's own decoders), not
// WHATWG's windows-1252, so that reports stay what they were before the engine had its own tables.
#ifndef PORTAL_CHECK_NORMALIZE_CHARSET_LABELS_H_
#define PORTAL_CHECK_NORMALIZE_CHARSET_LABELS_H_

#include <cstddef>
#include <string_view>

#include "normalize/charset_tables.h"

namespace portal_check::charset {

enum class Support {
  kUnknown,     // not a name this engine knows: the parser ignores it, as a name without decoder
  kBuiltin,     // decoded by libxml2 itself: UTF-8, UTF-16 (LE, BE), ISO-8859-1, ASCII
  kTable,       // decoded by the engine: one of kSingleByteCharsets
  kNotDecoded,  // a multi-byte charset the engine does not decode (Shift_JIS, EUC-JP, ISO-2022-JP,
                // GBK, gb18030, Big5, EUC-KR, ISO-2022-KR/CN, HZ, UCS-2/4, UTF-32, UTF-7, EBCDIC):
                // ASCII bytes are read as they are, every other byte as U+FFFD (libxml_charsets.h)
};

// The name the libxml2 handler of the charsets libxml_charsets.h reads but does not decode.
inline constexpr std::string_view kNotDecodedHandler = "X-PORTAL-CHECK-NOT-DECODED";

struct LabelInfo {
  Support support = Support::kUnknown;
  // The libxml2 handler that decodes it: "UTF-8", "WINDOWS-1258", kNotDecodedHandler; "" if unknown.
  std::string_view handler;
  const SingleByteCharset* table = nullptr;  // for kTable
};

// What `label` names. The match is libxml2's: ASCII case ignored, nothing else (no trimming).
LabelInfo Lookup(std::string_view label);
// What `label` names when only its ASCII letters and digits count, case ignored ("Windows_1258",
// "ISO 8859 2", "utf8 "), as musl's iconv matched names: for a name libxml2 would not resolve,
// PageModel::Build passes the handler's name instead. Lookup's answer first when it has one.
LabelInfo LookupLoose(std::string_view label);

struct Label {
  std::string_view label;    // lower-case
  std::string_view handler;  // upper-case: a libxml2 handler name (LabelInfo::handler)
};
// Every label this engine knows (libxml_charsets.cc makes each an alias of its handler).
extern const Label kLabels[];
extern const std::size_t kLabelCount;

}  // namespace portal_check::charset

#endif  // PORTAL_CHECK_NORMALIZE_CHARSET_LABELS_H_
