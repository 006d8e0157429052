// Referrer Policy (W3C Referrer Policy, section 8.1) from the Referrer-Policy header and from
// <meta name=referrer> (HTML "standard metadata names"), and the Mozilla HTTP Observatory's
// reading of the same inputs, which differs in a few corners (see EvaluateObservatoryReferrer).
#ifndef PORTAL_CHECK_NORMALIZE_REFERRER_POLICY_H_
#define PORTAL_CHECK_NORMALIZE_REFERRER_POLICY_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check {

enum class ReferrerClass { kPrivate, kUnsafe };

// The class of a policy token already known to be valid (lower-case):
// no-referrer, same-origin, strict-origin, strict-origin-when-cross-origin are private; origin,
// origin-when-cross-origin, unsafe-url, no-referrer-when-downgrade are unsafe.
ReferrerClass ClassifyReferrerPolicy(std::string_view policy);

// True when `token` (ASCII case-insensitive, trimmed) names one of the eight policies.
bool IsReferrerPolicyToken(std::string_view token);

// The policy a browser takes from the Referrer-Policy header lines: the lines are joined, split
// on commas, and the last token that names a policy wins (unknown tokens are skipped, which lets
// sites list a fallback first). Returns the lower-case policy, or nullopt when no token is valid.
std::optional<std::string> ParseReferrerPolicyHeader(const std::vector<std::string_view>& lines);

// The policy one <meta name=referrer content=…> sets: the content lower-cased and trimmed, with
// the legacy keywords mapped as HTML requires (never → no-referrer, default →
// strict-origin-when-cross-origin, always → unsafe-url, origin-when-crossorigin →
// origin-when-cross-origin). A comma list is not allowed in the meta form. Returns nullopt when
// the content names no policy (the browser then leaves the policy unchanged).
std::optional<std::string> ParseReferrerMeta(std::string_view content);

// The Observatory's result for the same inputs (mdn-http-observatory referrer-policy test): the
// header as its retriever reads it (`header`: observatory::Header, repeated fields joined with
// ", "; nullopt when absent) and the content its retriever keeps from <meta name=referrer> (the
// last non-empty one, read only when the body counts as HTML there; nullptr when none) are joined
// with ", " and the last token (case-insensitive, trimmed) that names a policy decides; legacy
// meta keywords are not mapped. Returns one of "referrer-policy-private", "-unsafe",
// "-header-invalid", "-not-implemented" (the full codes).
std::string ObservatoryReferrerResult(const std::optional<std::string>& header, const std::string* meta_content);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_REFERRER_POLICY_H_
