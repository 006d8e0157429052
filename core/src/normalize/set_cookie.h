// Set-Cookie parsing (RFC 6265bis section 5.6) and session-cookie classification.
#ifndef PORTAL_CHECK_NORMALIZE_SET_COOKIE_H_
#define PORTAL_CHECK_NORMALIZE_SET_COOKIE_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check {

class AuditContext;

struct SetCookie {
  std::string name;
  std::string value;                 // as sent (reports show only a short prefix/hash of it)
  bool secure = false;
  bool http_only = false;
  std::optional<std::string> same_site;  // the attribute's value as written; nullopt when absent
  std::optional<std::string> domain;     // as written, leading dot removed, lower-cased
  std::optional<std::string> path;
  bool has_expiry = false;               // Expires or Max-Age present
  std::vector<std::string> problems;     // syntax problems (English, stable text)
};

// Parses one Set-Cookie header value. Returns nullopt when it holds no cookie name/value pair
// (such a header is ignored by browsers, and reported by the checks as invalid).
std::optional<SetCookie> ParseSetCookie(std::string_view header_value);

// True when `name` is a session cookie: a known framework session name or a name containing one
// of the session markers, both read from the ruleset's data list "session-cookies".
bool IsSessionCookie(std::string_view name, const AuditContext& ctx);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_SET_COOKIE_H_
