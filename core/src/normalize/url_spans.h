// The parts of one URL that may carry a secret, found by one linear scan (no parsing, no
// normalisation, no regex): shared by cookie.session-in-url and the output redaction
// (report/secret_redaction.h) so that both read a URL the same way. web/host/bundle/redact-url.mjs
// scans the same parts for bundles (tests/js/redaction-parity.test.mjs compares them).
#ifndef PORTAL_CHECK_NORMALIZE_URL_SPANS_H_
#define PORTAL_CHECK_NORMALIZE_URL_SPANS_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check {

class DataLists;

// What a check writes in place of a secret value it names in a URL (cookie.session-in-url's
// locations). The output redaction keeps it as it is: it is no secret, and re-marking it would
// give the same id two different markers in one report.
inline constexpr std::string_view kRedactedValue = "[redacted]";

enum class UrlSpanKind {
  kUserinfoUser,      // "scheme://USER:pass@host" or "//USER@host"
  kUserinfoPassword,  // "scheme://user:PASSWORD@host"
  kPathParam,         // ";name=VALUE" in the path, up to the next '/' or ';'
  kCookieless,        // ASP.NET cookieless state "(S(VALUE))", "(F(..))", "(A(..))", also grouped
  kQueryParam,        // "name=VALUE" after '?', separated by '&' or ';'
  kFragmentParam,     // "name=VALUE" after '#', separated by '&' or ';'
};

// One span: the value's bytes are url[begin, end). `name` is the parameter name as written
// (untrimmed, not decoded); for kCookieless the letter "S", "F" or "A"; empty for userinfo.
struct UrlSpan {
  UrlSpanKind kind;
  std::string_view name;
  std::size_t begin = 0, end = 0;
};

// Every span of `url`, in the order: userinfo, path parameters, cookieless segments, query, then
// fragment. The path is url[0, first '?' before the first '#'); path parameters are looked for
// from the URL's start (as cookie.session-in-url always did). Empty values are included.
std::vector<UrlSpan> FindUrlSpans(std::string_view url);

// The minimum length of a value that cookie.session-in-url takes for a session id.
inline constexpr std::size_t kMinSessionIdBytes = 8;

// A session id to cookie.session-in-url: at least kMinSessionIdBytes bytes and not all digits
// ("?sid=12", a section id common on portals, is not one).
bool LooksLikeSessionId(std::string_view value);

// The names that count as session parameters (ASCII case-insensitive): the "url_parameters" /
// "url_parameter_prefixes" members of data list "session-cookies", plus every "exact"
// session-cookie name that contains "sess" or ends in "sid" (PHPSESSID, ASP.NET_SessionId, ...).
struct SessionParamNames {
  std::vector<std::string> exact, prefixes;

  bool Matches(std::string_view name) const;
};

// The session parameter names of `lists`; a check reads them once per ruleset through
// lists.Compiled(&BuildSessionParamNames).
SessionParamNames BuildSessionParamNames(const DataLists& lists);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_URL_SPANS_H_
