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

// True when `policy` is what the Observatory's cookie test accepts as protection by HSTS:
// valid and max-age at least six months.
inline bool HstsProtects(const HstsPolicy& policy) {
  return policy.valid && policy.max_age && *policy.max_age >= kHstsSixMonths;
}

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_HSTS_H_
