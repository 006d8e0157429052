// Vietnamese text: the same words arrive precomposed (UTF-8 pages, "ệ" = U+1EC7) or with
// combining tone marks (windows-1258 pages: "ê" + U+0323). Keyword and label matching must see
// them as equal, and the same evidence must give the same report bytes in every build.
#ifndef PORTAL_CHECK_UTIL_VIETNAMESE_H_
#define PORTAL_CHECK_UTIL_VIETNAMESE_H_

#include <string>
#include <string_view>

namespace portal_check::vietnamese {

// Canonical composition (as Unicode NFC does) of Latin letters followed by combining marks, for
// the letters U+00C0–U+024F and U+1EA0–U+1EF9: "Vie\u0302\u0323t" and "Vi\u00EA\u0323t" both
// become "Vi\u1EC7t". Other text is copied unchanged; invalid UTF-8 bytes are copied as they are.
std::string ComposeLatin(std::string_view utf8);

// False only when ComposeLatin(utf8) == utf8 for certain (no combining mark U+0300–U+036F and no
// overlong UTF-8 sequence occurs), which is what almost all text is: a cheap byte scan that lets
// callers skip the copy.
bool NeedsComposition(std::string_view utf8);

// A matching key: ASCII lower-case, Latin letters without their diacritics (đ → d), combining
// marks dropped, anything else unchanged. "Chính sách BẢO MẬT" → "chinh sach bao mat".
// Use it on both sides of a comparison (the text and the phrase list).
std::string FoldForMatch(std::string_view utf8);

}  // namespace portal_check::vietnamese

#endif  // PORTAL_CHECK_UTIL_VIETNAMESE_H_
