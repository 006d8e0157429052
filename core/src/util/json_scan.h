// A linear, non-recursive JSON skimmer: finds where a JSON value ends without building it, and
// rejects nesting deeper than a limit before any recursive parser sees the text. Used to split a
// HAR into entries (so only one entry is ever parsed at a time) and to guard picojson, whose
// parser recurses once per nesting level.
#ifndef PORTAL_CHECK_UTIL_JSON_SCAN_H_
#define PORTAL_CHECK_UTIL_JSON_SCAN_H_

#include <cstddef>
#include <cstdint>
#include <cstring>
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

// Advances `pos` past white space.
void SkipSpace(std::string_view text, std::size_t& pos);

// Skips one JSON value starting at `pos` (white space first). On success `pos` is just past the
// value. Errors: kInvalidArgument naming the byte offset (truncated input, bad token, unbalanced
// brackets); kResourceExhausted when nesting exceeds `max_depth`. Strings are checked for
// termination and escapes; numbers and literals are checked only for their characters.
Status SkipValue(std::string_view text, std::size_t& pos, std::size_t max_depth);

// Parses `text` into `out` with picojson after SkipValue has proven its depth is at most
// `max_depth` and that nothing but white space follows the value. Valid input takes a faster
// path that builds the same value (util/json_fast_parse.h); anything else gets exactly the
// errors above (or picojson's message).
Status ParseBounded(std::string_view text, std::size_t max_depth, Value& out);

}  // namespace portal_check::json

#endif  // PORTAL_CHECK_UTIL_JSON_SCAN_H_
