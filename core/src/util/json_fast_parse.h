// A linear, non-recursive JSON parser into picojson values that scans string contents in runs
// (one append per run of plain bytes, escapes decoded once) instead of picojson's per-character
// input. It is the fast path of json::ParseBounded (util/json_scan.h), which falls back to
// SkipValue + picojson on any failure so that errors, their messages and picojson's own
// behaviour on odd input stay exactly as they were.
#ifndef PORTAL_CHECK_UTIL_JSON_FAST_PARSE_H_
#define PORTAL_CHECK_UTIL_JSON_FAST_PARSE_H_

#include <cstddef>
#include <string_view>

#include "util/json.h"

namespace portal_check::json {

// Parses `text` (one JSON value, surrounded by white space only) into `out`. Returns true only
// when SkipValue(text, max_depth) would succeed with nothing but white space after the value AND
// picojson::parse would succeed on `text`; `out` is then exactly the value picojson builds (same
// types, same int64/double choice for numbers, the last of duplicate members kept). Returns
// false in every other case, including valid input it does not handle (a number picojson would
// throw on, max_depth over picojson's own array limit of 100); `out` is then unspecified.
bool FastParse(std::string_view text, std::size_t max_depth, Value& out);

}  // namespace portal_check::json

#endif  // PORTAL_CHECK_UTIL_JSON_FAST_PARSE_H_
