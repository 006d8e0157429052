// The engine's charset decoders, registered with libxml2 so that the HTML parser finds them before
// any iconv: the native build's glibc iconv and the wasm build (whose libxml2 has no iconv) then
// decode every page alike. After RegisterCharsets(), every label of charset_labels.h resolves in
// libxml2 (xmlFindCharEncodingHandler, through an alias) to libxml2's own decoder, to a table of
// charset_tables.h, or to the not-decoded handler (charset_decode.h, DecodeAsciiOnly).
#ifndef PORTAL_CHECK_NORMALIZE_LIBXML_CHARSETS_H_
#define PORTAL_CHECK_NORMALIZE_LIBXML_CHARSETS_H_

namespace portal_check::charset {

// Registers the handlers and the aliases, once (later calls only return the first one's result).
// Call after xmlInitParser(), before any parse. False when libxml2 refused one (its table of
// handlers is full) or an earlier handler of the same name shadows one (a libxml2 built with
// LIBXML_ISO8859X): tests/unit/charset_test.cc requires true.
bool RegisterCharsets();

// Whether the not-decoded handler read anything, per thread: PageModel::Build resets it before a
// parse and reads it after, to know whether part of the page was read as ASCII only.
void ResetNotDecodedReads();
bool NotDecodedWasRead();

}  // namespace portal_check::charset

#endif  // PORTAL_CHECK_NORMALIZE_LIBXML_CHARSETS_H_
