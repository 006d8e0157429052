// Small, allocation-light text helpers over std::string_view. No regex anywhere in core/:
// every scanner here is linear in its input.
#ifndef PORTAL_CHECK_UTIL_TEXT_H_
#define PORTAL_CHECK_UTIL_TEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check::text {

// HTTP optional white space (SP, HTAB) and also CR/LF, trimmed from both ends.
std::string_view Trim(std::string_view s);
// ASCII-only lower-casing (HTTP tokens are ASCII; non-ASCII bytes pass through unchanged).
std::string Lower(std::string_view s);
// EqualsIgnoreCase for two strings of the same size. REQUIRES: a.size() == b.size().
bool EqualsIgnoreCaseSameSize(std::string_view a, std::string_view b);
// Inline: the sizes (which tell most header names apart) are compared without a call.
inline bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && EqualsIgnoreCaseSameSize(a, b);
}
bool StartsWithIgnoreCase(std::string_view s, std::string_view prefix);
bool EndsWithIgnoreCase(std::string_view s, std::string_view suffix);
bool ContainsIgnoreCase(std::string_view haystack, std::string_view needle);
// Splits on `sep`, trims each part; empty parts are kept only when `keep_empty`.
std::vector<std::string_view> Split(std::string_view s, char sep, bool keep_empty = false);
// Splits on runs of ASCII white space.
std::vector<std::string_view> SplitWhitespace(std::string_view s);
// The next word of `s` split so (SplitWhitespace's words, one at a time, without a vector) from
// `pos` on, advancing `pos` past it; empty when no word is left.
std::string_view NextWhitespaceWord(std::string_view s, std::size_t& pos);
// True when every byte is an ASCII digit and s is non-empty.
bool IsDigits(std::string_view s);
// RFC 9110 section 5.6.2 tchar (a byte of an HTTP token).
bool IsTchar(char c);
// Returns `s` as valid UTF-8: each invalid sequence is replaced with U+FFFD and NUL bytes with
// U+2400 (a visible stand-in), so reports never carry broken text. Truncates to `max_bytes`
// (at a character boundary) and appends "…" when it had to.
std::string SafeUtf8(std::string_view s, std::size_t max_bytes = 4096);
// True when `s` is valid UTF-8 with no NUL byte, i.e. SafeUtf8 would change nothing but a cut.
bool IsCleanUtf8(std::string_view s);

// The value (0-15) of the hex digit `c`, or -1.
int HexDigitValue(char c);
// A form-encoded name or value decoded: '+' as a space, every "%XX" (two hex digits) as its byte.
// A '%' not followed by two hex digits is kept as written, or, with `strict`, makes the result
// nullopt (as decodeURIComponent refuses it).
std::optional<std::string> FormDecode(std::string_view s, bool strict = false);

}  // namespace portal_check::text

#endif  // PORTAL_CHECK_UTIL_TEXT_H_
