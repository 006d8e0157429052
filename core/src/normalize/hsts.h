// Strict-Transport-Security (RFC 6797 section 6.1) parsing.
#ifndef PORTAL_CHECK_NORMALIZE_HSTS_H_
#define PORTAL_CHECK_NORMALIZE_HSTS_H_

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check {

struct HstsPolicy {
  bool valid = false;                  // parseable per RFC 6797 with exactly one max-age
  std::optional<std::int64_t> max_age; // seconds (capped at INT64 max on overflow)
  bool include_subdomains = false;
  bool preload = false;
  std::vector<std::string> problems;   // human-readable syntax problems (English, stable text)
};

// Parses one Strict-Transport-Security header value. Never fails: problems go in `problems`
// and `valid` is false.
HstsPolicy ParseHsts(std::string_view value);

// The Observatory's six-month threshold (15552000 s) and the one-year "strong" threshold.
inline constexpr std::int64_t kHstsSixMonths = 15552000;
inline constexpr std::int64_t kHstsOneYear = 31536000;

// True when `policy` protects cookies from being read over http in a browser: valid and max-age
// at least six months (the Observatory's threshold, kept for our own cookie verdict).
inline bool HstsProtects(const HstsPolicy& policy) {
  return policy.valid && policy.max_age && *policy.max_age >= kHstsSixMonths;
}

// The Mozilla HTTP Observatory's reading of the header (its strict-transport-security test,
// @mdn/mdn-http-observatory 1.4.8), for the checks that report its verdict. `value` is the header
// as its retriever reads it (observatory::Header in normalize/observatory_view.h: repeated fields
// joined with ", "); nullopt when absent. Returns one of "hsts-not-implemented",
// "hsts-header-invalid", "hsts-implemented-max-age-less-than-six-months",
// "hsts-implemented-max-age-at-least-six-months". Its quirks, reproduced: a comma anywhere is
// "invalid"; only the first 1024 characters count; the last "max-age=" wins; a max-age that is
// not a number (JavaScript's parseInt gives NaN, e.g. when quoted) passes as at least six months.
std::string_view ObservatoryHstsResult(const std::optional<std::string>& value);
// True when that result passes the Observatory's test (what its cookie test softens with).
inline bool ObservatoryHstsPasses(std::string_view result) {
  return result == "hsts-implemented-max-age-at-least-six-months";
}

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_HSTS_H_
