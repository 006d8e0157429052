// Content-Security-Policy lexical layer: character classes, splitting, the directive and keyword
// catalogues, and the classification of one source expression. Shared by parsing
// (csp_parse.h), evaluation (csp_evaluate.h) and the Observatory emulation (csp_observatory.h).
// Everything is a linear scan over std::string_view; no regex, no exceptions.
#ifndef PORTAL_CHECK_NORMALIZE_CSP_SOURCE_H_
#define PORTAL_CHECK_NORMALIZE_CSP_SOURCE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "util/text.h"

namespace portal_check::csp {

// True when `value` matches CSP's base64-value grammar: 1*(ALPHA / DIGIT / "+" / "/" / "-" /
// "_") followed by at most two "=".
bool IsBase64Value(std::string_view value);
// Minimum nonce length, in base64 characters, for a nonce to void 'unsafe-inline' here.
// 16 base64 characters carry 96 bits; shorter nonces are guessable or static.
inline constexpr std::size_t kMinNonceChars = 16;
// True when `value` (the part after "'nonce-", without the closing quote) is well-formed base64
// and at least kMinNonceChars long.
bool IsAdequateNonce(std::string_view value);
// True when `algorithm` is sha256/sha384/sha512 (case-insensitive) and `value` is base64 or
// base64url (padding optional) that decodes to exactly 32/48/64 bytes.
bool IsValidHash(std::string_view algorithm, std::string_view value);

namespace lex {

// CSP's "ASCII whitespace": TAB, LF, FF, CR, SPACE.
inline bool IsCspSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
inline bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

inline std::string_view TrimWith(std::string_view s, bool (*is_space)(char)) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Splits on runs of the given white space; never yields empty tokens.
inline std::vector<std::string_view> SplitSpace(std::string_view s, bool (*is_space)(char)) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Splits on `sep`, keeping empty parts (JavaScript's String.prototype.split).
inline std::vector<std::string_view> SplitKeep(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

inline bool IsAsciiText(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

inline bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

inline bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

template <typename Container>
inline bool Contains(const Container& c, std::string_view v) {
  for (const auto& x : c)
    if (x == v) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Directive catalogue
// ---------------------------------------------------------------------------------------------

inline constexpr std::string_view kKnownDirectives[] = {
    "child-src", "connect-src", "default-src", "fenced-frame-src", "font-src", "frame-src",
    "img-src", "manifest-src", "media-src", "object-src", "script-src", "script-src-elem",
    "script-src-attr", "style-src", "style-src-elem", "style-src-attr", "worker-src",
    "base-uri", "sandbox", "form-action", "frame-ancestors", "report-uri", "report-to",
    "require-trusted-types-for", "trusted-types", "upgrade-insecure-requests", "webrtc",
    // deprecated but still recognised
    "block-all-mixed-content", "plugin-types", "prefetch-src", "reflected-xss", "referrer",
    "require-sri-for", "navigate-to", "disown-opener"};

inline constexpr std::string_view kDeprecatedDirectives[] = {
    "block-all-mixed-content", "plugin-types", "prefetch-src", "reflected-xss", "referrer",
    "require-sri-for", "navigate-to", "disown-opener"};

inline constexpr std::string_view kIgnoredInMeta[] = {"frame-ancestors", "report-uri", "sandbox"};

inline bool IsKnownDirective(std::string_view name) { return Contains(kKnownDirectives, name); }

inline constexpr std::string_view kQuotedKeywords[] = {
    "'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'unsafe-hashes'",
    "'report-sample'", "'unsafe-allow-redirects'", "'wasm-unsafe-eval'",
    "'inline-speculation-rules'", "'trusted-types-eval'", "'report-sha256'", "'report-sha384'",
    "'report-sha512'", "'unsafe-webtransport-hashes'"};

inline constexpr std::string_view kBareKeywords[] = {"self",          "none",          "unsafe-inline",
                                              "unsafe-eval",   "strict-dynamic", "unsafe-hashes",
                                              "report-sample", "wasm-unsafe-eval", "inline-speculation-rules"};

// The Observatory's "dangerously broad" sources (exact values, lower-case).
inline constexpr std::string_view kBroad[] = {"ftp:", "http:", "https:", "*",
                                       "http://*", "http://*.*", "https://*", "https://*.*"};

inline bool IsBroad(std::string_view lower) { return Contains(kBroad, lower); }

// An http: or ftp: source (scheme-only or with a host), lower-case input.
inline bool IsInsecureSchemeSource(std::string_view lower) {
  return StartsWith(lower, "http:") || StartsWith(lower, "ftp:");
}

inline bool IsNoncePrefix(std::string_view lower) { return StartsWith(lower, "'nonce-"); }
inline bool IsHashPrefix(std::string_view lower) {
  return StartsWith(lower, "'sha256-") || StartsWith(lower, "'sha384-") ||
         StartsWith(lower, "'sha512-");
}

// The base64 part of a quoted nonce/hash ("'nonce-abc'" -> "abc"); "" with ok=false when the
// closing quote is missing.
inline std::string_view QuotedTail(std::string_view raw, std::size_t prefix_len, bool& ok) {
  ok = raw.size() > prefix_len && raw.back() == '\'';
  if (!ok) return {};
  return raw.substr(prefix_len, raw.size() - prefix_len - 1);
}

// The base64 value of a nonce-source or hash-source that matches CSP's grammar ("'nonce-" or
// "'sha256-" / "-384-" / "-512-", base64-value, closing quote), or nullopt.
inline std::optional<std::string_view> SourceBase64(std::string_view raw) {
  const std::string lower = text::Lower(raw.substr(0, 8));
  const std::size_t prefix = IsNoncePrefix(lower) ? 7 : IsHashPrefix(lower) ? 8 : 0;
  if (prefix == 0) return std::nullopt;
  bool closed = false;
  const std::string_view tail = QuotedTail(raw, prefix, closed);
  if (!closed || !IsBase64Value(tail)) return std::nullopt;
  return tail;
}

// A plain scheme that lets <script>, <object> or <base> load from anywhere on it.
inline bool IsPlainXssScheme(std::string_view lower) { return lower == "http:" || lower == "https:" || lower == "data:"; }

// A source that allows any host: "*" once its scheme and "//" are dropped ("*", "https://*", "//*").
inline bool IsWildcardSource(std::string_view lower) {
  const std::size_t scheme = lower.find("://");
  if (scheme != std::string_view::npos) lower.remove_prefix(scheme + 3);
  if (StartsWith(lower, "//")) lower.remove_prefix(2);
  return lower == "*";
}


}  // namespace lex
}  // namespace portal_check::csp

#endif  // PORTAL_CHECK_NORMALIZE_CSP_SOURCE_H_
