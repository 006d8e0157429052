// Set-Cookie parsing (RFC 6265bis section 5.6) and session-cookie classification.
#ifndef PORTAL_CHECK_NORMALIZE_SET_COOKIE_H_
#define PORTAL_CHECK_NORMALIZE_SET_COOKIE_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/exchange.h"
#include "normalize/url.h"

namespace portal_check {

class DataLists;

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
  // Additions (after the original members, so existing initialisers keep working):
  std::optional<std::int64_t> max_age;   // the last valid Max-Age, seconds (may be <= 0)
  std::optional<std::int64_t> expires;   // the last parseable Expires, seconds since the epoch
  bool partitioned = false;              // the Partitioned attribute (CHIPS)
};

// Parses one Set-Cookie header value. Returns nullopt when it holds no cookie name/value pair
// (such a header is ignored by browsers, and reported by the checks as invalid).
std::optional<SetCookie> ParseSetCookie(std::string_view header_value);

// True when `name` is a session cookie: a known framework session name or a name containing one
// of the session markers, both read from the ruleset's data list "session-cookies".
//
// Data list format (all members optional arrays of strings, ASCII case-insensitive):
//   {"exact": [...], "prefixes": [...], "contains": [...],
//    "exclude_exact": [...], "exclude_prefixes": [...], "exclude_contains": [...]}
// An excluded name is never a session cookie (e.g. JS-readable XSRF-TOKEN). When the ruleset has
// no "session-cookies" list, the Observatory's own markers ("sess", "login") are used instead,
// so a missing list never makes every cookie look harmless.
bool IsSessionCookie(std::string_view name, const DataLists& ctx);

// ---------------------------------------------------------------------------------------------
// Additions for the cookie checks.

// True when `name` is an anti-CSRF cookie name per the data list "anti-csrf-cookies" (same
// format as "session-cookies"). Without the list: the name contains "csrf" or "xsrf".
bool IsAntiCsrfCookie(std::string_view name, const DataLists& ctx);

// The Observatory's own classification, kept to compute what the Observatory would report:
// a session cookie contains "login" or "sess"; an anti-CSRF cookie contains "csrf".
bool IsObservatorySessionCookie(std::string_view name);
bool IsObservatoryAntiCsrfCookie(std::string_view name);

// Parses a cookie-date (RFC 6265bis section 5.1.1, the algorithm browsers use for Expires) into
// seconds since the Unix epoch. Returns nullopt when the algorithm fails.
std::optional<std::int64_t> ParseCookieDate(std::string_view text);

// True when a browser on `host` (lower-case) would store a cookie with this Domain attribute:
// no Domain, or a Domain that domain-matches `host` and is not a public suffix (unless equal to
// `host`). IP literal hosts accept only a Domain equal to the host.
bool CookieDomainAccepted(const SetCookie& cookie, std::string_view host);

// A cookie as one response set it.
struct ObservedCookie {
  SetCookie cookie;
  std::string set_by;        // URL of the response that set it
  std::string host;          // its host, lower-case ("" when the URL did not parse)
  std::string site;          // its registrable domain (Url::Site())
  bool over_https = false;   // set by an https response
  std::size_t exchange_index = 0;
  // The cookie's path in a cookie store: its Path attribute, or the default-path of the setting
  // URL when the attribute is absent or does not start with '/' (RFC 6265bis 5.1.4, 5.6.4). A
  // store keys cookies by name, domain (the Domain attribute, else the host) and this path.
  std::string store_path;
};

// The default-path of a request URL's path (RFC 6265bis 5.1.4): "/" for an empty path, a path
// not starting with '/' or one with a single '/'; else the path up to its last '/' (excluded).
std::string DefaultCookiePath(std::string_view url_path);

// True when a current browser refuses the cookie for its name prefix (RFC 6265bis 4.1.3, matched
// ASCII case-insensitively as Chrome and Firefox do): "__Secure-" needs the Secure attribute and
// an https origin; "__Host-" needs those, no Domain attribute and a Path attribute of "/".
bool BrowserRefusesPrefix(const ObservedCookie& observed);

// True when the Mozilla HTTP Observatory's cookie jar keeps the cookie (tough-cookie 5 as
// http-cookie-agent fills it, then the Observatory's own filter), given that it parsed: a
// non-empty name other than "heroku-session-affinity" (which the Observatory deletes by name,
// case-sensitively), a Domain attribute the host accepts, and tough-cookie's prefix rules, which
// are case-sensitive and do not look at the scheme: "__Secure-" needs Secure; "__Host-" needs
// Secure, no Domain attribute and a store path of "/" (a missing Path defaults to it).
bool ObservatoryJarKeeps(const ObservedCookie& observed);

// The Observatory's check of raw Set-Cookie text for a malformed SameSite: every ';'-separated
// part, the name=value pair included (so a cookie named "samesite" counts), whose key (text
// before the first '=', trimmed, lower-cased) is "samesite" and whose value (text between the
// first and any second '=', trimmed) is empty or not lax/strict/none (case-insensitive).
bool ObservatorySameSiteMalformed(std::string_view set_cookie_value);

// The cookies a page's response leaves in a browser's jar, as the Observatory's cookie test sees
// them: those set along the redirect chain that ended at the page (same-site hops only), then the
// page response's own. A later cookie with the same name, domain (Domain attribute, else host) and
// store path replaces an earlier one.
struct PageCookieJar {
  std::vector<ObservedCookie> cookies;  // in setting order (after replacement)
  std::size_t ignored = 0;              // Set-Cookie fields holding no cookie (ignored by browsers)
  std::size_t carried = 0;              // how many of `cookies` came from redirect hops
  bool truncated = false;               // a limit below dropped cookies
};

// The cookies of one response's own Set-Cookie fields, in field order, and how many fields held no
// cookie (ParseSetCookie said nullopt).
struct ResponseCookies {
  std::vector<ObservedCookie> cookies;
  std::size_t ignored = 0;
};
ResponseCookies ReadResponseCookies(const Exchange& exchange, const std::optional<Url>& url);

// Follows redirect chains across exchanges (fed in HAR order) so that cookies set on a hop are
// credited to the page the chain ends at. Bounded: at most kMaxPendingChains unfinished chains
// (the oldest is dropped) and kMaxCookiesPerJar cookies per jar.
class PageCookieTracker {
 public:
  static constexpr std::size_t kMaxPendingChains = 16;
  static constexpr std::size_t kMaxCookiesPerJar = 64;

  // Call for every exchange. For a redirect, remembers the cookies carried so far (keyed by the
  // resolved redirect target) and returns an empty jar. For any other exchange, returns its jar
  // (carried cookies first, then its own Set-Cookie fields).
  PageCookieJar OnExchange(const Exchange& exchange, const std::optional<Url>& url);
  // The same with the response's own cookies already read (ReadResponseCookies(exchange, url)).
  PageCookieJar OnExchange(const Exchange& exchange, const std::optional<Url>& url, const ResponseCookies& own);

 private:
  struct Pending {
    std::string target;  // resolved redirect target href
    PageCookieJar jar;
  };
  std::vector<Pending> pending_;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_SET_COOKIE_H_
