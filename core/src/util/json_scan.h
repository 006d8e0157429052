// Reading JSON text: the project's one JSON parser (json::ParseBounded, linear and
// non-recursive, errors as values) and the string-run scanner it shares with the HAR splitter
// (evidence/har_stream.h).
#ifndef PORTAL_CHECK_UTIL_JSON_SCAN_H_
#define PORTAL_CHECK_UTIL_JSON_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

#include "portal_check/status.h"
#include "util/json.h"

namespace portal_check::json {

// The length of the longest prefix of `text` that is plain JSON string content: bytes other than
// '"', '\\' and control bytes (below 0x20), for scanners that take string contents a run at a
// time. Inline: it is called once per run, and runs are short (escapes are frequent in HTML).
inline std::size_t PlainStringPrefix(std::string_view text) {
  // Eight bytes at a time while none of them is a stop (the usual bit tricks for "some byte is
  // zero" / "some byte is below n", exact for the word as a whole), then byte by byte.
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  std::size_t i = 0;
  for (; i + 8 <= text.size(); i += 8) {
    std::uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    const std::uint64_t quote = x ^ (kOnes * '"'), backslash = x ^ (kOnes * '\\');
    const std::uint64_t stops = ((quote - kOnes) & ~quote) | ((backslash - kOnes) & ~backslash) | ((x - kOnes * 0x20) & ~x);
    if (const std::uint64_t found = stops & kHighs) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      // The lowest flagged byte is the first stop (a borrow only moves up, past it).
      return i + static_cast<std::size_t>(__builtin_ctzll(found)) / 8;
#else
      break;
#endif
    }
  }
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x20 || c == '"' || c == '\\') break;
    ++i;
  }
  return i;
}

// Parses `text` (one JSON value with nothing but white space around it) into `out`, with at most
// `max_depth` nested arrays/objects. Values are picojson's (util/json.h): numbers are int64 when
// strtoimax reads the whole number, else double; strings are decoded to UTF-8 bytes, invalid UTF-8
// kept as is, a lone surrogate escape (\uD800-\uDFFF without its pair) decoded as U+FFFD as
// JSON.parse plus UTF-8 encoding would. On success returns OK and replaces `out`. Every error
// leaves `out` unchanged and returns a Status whose message names the byte offset in `text`:
// kResourceExhausted "JSON nested deeper than N levels (limit kMaxJsonDepth) at byte B";
// kInvalidArgument for a number out of double's range ("JSON number out of range"), an invalid
// number, token or escape, a control character in a string, truncated input ("unexpected end of
// JSON", "unterminated JSON string"), a missing separator, data after the value, and a member
// name an object already has (DuplicateMemberMessage). Never throws.
Status ParseBounded(std::string_view text, std::size_t max_depth, Value& out);

// "duplicate member '<name>' at byte <at>": the name as valid UTF-8, cut to 64 bytes. Shared by
// ParseBounded and the HAR splitter so that both word a duplicate the same way.
std::string DuplicateMemberMessage(std::string_view name, std::size_t at);

}  // namespace portal_check::json

#endif  // PORTAL_CHECK_UTIL_JSON_SCAN_H_
