#include "normalize/referrer_policy.h"

#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kPrivate[] = {"no-referrer", "same-origin", "strict-origin",
                                         "strict-origin-when-cross-origin"};
constexpr std::string_view kUnsafe[] = {"origin", "origin-when-cross-origin", "unsafe-url",
                                        "no-referrer-when-downgrade"};

bool InList(std::string_view token, const std::string_view* list, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i)
    if (text::EqualsIgnoreCase(token, list[i])) return true;
  return false;
}

// The last policy-naming token of a comma-separated value, lower-cased.
std::optional<std::string> LastValidToken(std::string_view joined) {
  std::optional<std::string> found;
  for (std::string_view token : text::Split(joined, ',')) {
    if (IsReferrerPolicyToken(token)) found = text::Lower(text::Trim(token));
  }
  return found;
}

}  // namespace

ReferrerClass ClassifyReferrerPolicy(std::string_view policy) {
  return InList(policy, kPrivate, std::size(kPrivate)) ? ReferrerClass::kPrivate : ReferrerClass::kUnsafe;
}

bool IsReferrerPolicyToken(std::string_view token) {
  token = text::Trim(token);
  return InList(token, kPrivate, std::size(kPrivate)) || InList(token, kUnsafe, std::size(kUnsafe));
}

std::optional<std::string> ParseReferrerPolicyHeader(const std::vector<std::string_view>& lines) {
  std::optional<std::string> found;
  for (std::string_view line : lines) {
    if (auto token = LastValidToken(line)) found = std::move(token);
  }
  return found;
}

std::optional<std::string> ParseReferrerMeta(std::string_view content) {
  const std::string value = text::Lower(text::Trim(content));
  if (value == "never") return std::string("no-referrer");
  if (value == "default") return std::string("strict-origin-when-cross-origin");
  if (value == "always") return std::string("unsafe-url");
  if (value == "origin-when-crossorigin") return std::string("origin-when-cross-origin");
  if (IsReferrerPolicyToken(value)) return value;
  return std::nullopt;
}

std::string ObservatoryReferrerResult(const std::optional<std::string>& header, const std::string* meta_content) {
  if (!header && meta_content == nullptr) return "referrer-policy-not-implemented";
  std::string joined = header ? *header : std::string();
  if (meta_content != nullptr) {
    if (header) joined += ", ";
    joined += *meta_content;
  }
  const std::optional<std::string> policy = LastValidToken(joined);
  if (!policy) return "referrer-policy-header-invalid";
  return ClassifyReferrerPolicy(*policy) == ReferrerClass::kPrivate ? "referrer-policy-private"
                                                                     : "referrer-policy-unsafe";
}

}  // namespace portal_check
