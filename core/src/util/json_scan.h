// A linear, non-recursive JSON skimmer: finds where a JSON value ends without building it, and
// rejects nesting deeper than a limit before any recursive parser sees the text. Used to split a
// HAR into entries (so only one entry is ever parsed at a time) and to guard picojson, whose
// parser recurses once per nesting level.
#ifndef PORTAL_CHECK_UTIL_JSON_SCAN_H_
#define PORTAL_CHECK_UTIL_JSON_SCAN_H_

#include <cstddef>
#include <string_view>

#include "portal_check/status.h"
#include "util/json.h"

namespace portal_check::json {

// Advances `pos` past white space.
void SkipSpace(std::string_view text, std::size_t& pos);

// Skips one JSON value starting at `pos` (white space first). On success `pos` is just past the
// value. Errors: kInvalidArgument naming the byte offset (truncated input, bad token, unbalanced
// brackets); kResourceExhausted when nesting exceeds `max_depth`. Strings are checked for
// termination and escapes; numbers and literals are checked only for their characters.
Status SkipValue(std::string_view text, std::size_t& pos, std::size_t max_depth);

// Parses `text` into `out` with picojson after SkipValue has proven its depth is at most
// `max_depth` and that nothing but white space follows the value.
Status ParseBounded(std::string_view text, std::size_t max_depth, Value& out);

}  // namespace portal_check::json

#endif  // PORTAL_CHECK_UTIL_JSON_SCAN_H_
