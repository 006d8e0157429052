// Set-Cookie parsing per RFC 6265bis (draft-ietf-httpbis-rfc6265bis) section 5.6 and the
// cookie-date algorithm of section 5.1.1. Linear scanners only; no regex, no exceptions.
#include "normalize/set_cookie.h"

#include <algorithm>
#include <array>
#include <utility>

#include "ruleset/data_lists.h"
#include "normalize/observatory_view.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {
namespace {

// RFC 6265bis 5.6: name+value longer than this makes the whole cookie ignored; an attribute
// value longer than kMaxAttributeValue makes that attribute ignored.
constexpr std::size_t kMaxNameValue = 4096;
constexpr std::size_t kMaxAttributeValue = 1024;

// WSP = SP / HTAB (the only white space RFC 6265bis trims).
std::string_view TrimWsp(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

// CTL characters other than HTAB abort parsing (5.6 step 1).
bool HasForbiddenControl(std::string_view s) {
  for (unsigned char c : s)
    if ((c <= 0x08) || (c >= 0x0A && c <= 0x1F) || c == 0x7F) return true;
  return false;
}

// Max-Age (5.6.2): an optional '-' then digits only. Saturates instead of overflowing.
std::optional<std::int64_t> ParseMaxAge(std::string_view v) {
  if (v.empty()) return std::nullopt;
  bool negative = v.front() == '-';
  std::string_view digits = negative ? v.substr(1) : v;
  if (!text::IsDigits(digits)) return std::nullopt;
  constexpr std::int64_t kCap = INT64_C(0x7fffffffffffffff) / 10 - 10;
  std::int64_t n = 0;
  for (char c : digits) {
    if (n > kCap) { n = kCap; break; }
    n = n * 10 + (c - '0');
  }
  return negative ? -n : n;
}

void ApplyAttribute(std::string_view name, std::string_view value, bool has_equals, SetCookie& c) {
  if (value.size() > kMaxAttributeValue) {
    c.problems.push_back("attribute value over 1024 bytes ignored: " + text::SafeUtf8(name, 64));
    return;
  }
  if (text::EqualsIgnoreCase(name, "expires")) {
    if (auto t = ParseCookieDate(value)) {
      c.expires = t;
      c.has_expiry = true;
    } else {
      c.problems.push_back("unparsable Expires ignored");
    }
  } else if (text::EqualsIgnoreCase(name, "max-age")) {
    if (auto n = ParseMaxAge(value)) {
      c.max_age = n;
      c.has_expiry = true;
    } else {
      c.problems.push_back("invalid Max-Age ignored");
    }
  } else if (text::EqualsIgnoreCase(name, "domain")) {
    if (value.empty()) {
      c.problems.push_back("empty Domain ignored");
      return;
    }
    if (value.front() == '.') value.remove_prefix(1);
    c.domain = text::Lower(value);
  } else if (text::EqualsIgnoreCase(name, "path")) {
    if (value.empty() || value.front() != '/') {
      c.problems.push_back("Path not starting with '/' ignored (default path applies)");
      c.path.reset();
      return;
    }
    c.path = std::string(value);
  } else if (text::EqualsIgnoreCase(name, "secure")) {
    c.secure = true;
  } else if (text::EqualsIgnoreCase(name, "httponly")) {
    c.http_only = true;
  } else if (text::EqualsIgnoreCase(name, "samesite")) {
    c.same_site = std::string(value);
    if (!has_equals || !(text::EqualsIgnoreCase(value, "strict") || text::EqualsIgnoreCase(value, "lax") ||
                         text::EqualsIgnoreCase(value, "none")))
      c.problems.push_back("invalid SameSite value");
  } else if (text::EqualsIgnoreCase(name, "partitioned")) {
    c.partitioned = true;
  } else if (text::EqualsIgnoreCase(name, "priority") || text::EqualsIgnoreCase(name, "version") ||
             text::EqualsIgnoreCase(name, "comment")) {
    // Known non-standard attributes (Chrome Priority; RFC 2109 leftovers): no effect.
  } else if (!name.empty()) {
    c.problems.push_back("unknown attribute ignored: " + text::SafeUtf8(name, 64));
  }
}

// Walks the unparsed-attributes (each starting after a ';'), last attribute of a name wins
// because each one overwrites the field it sets.
void ParseAttributes(std::string_view rest, SetCookie& c) {
  while (!rest.empty()) {
    std::size_t end = rest.find(';');
    std::string_view av = rest.substr(0, end);
    rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
    std::size_t eq = av.find('=');
    std::string_view name = TrimWsp(av.substr(0, eq));
    std::string_view value = eq == std::string_view::npos ? std::string_view() : TrimWsp(av.substr(eq + 1));
    ApplyAttribute(name, value, eq != std::string_view::npos, c);
  }
}

// ---- cookie-date (5.1.1) ----

bool IsDateDelimiter(unsigned char c) {
  return c == 0x09 || (c >= 0x20 && c <= 0x2F) || (c >= 0x3B && c <= 0x40) || (c >= 0x5B && c <= 0x60) ||
         (c >= 0x7B && c <= 0x7E);
}
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits leading digits of `s` followed by end or a non-digit. Returns the number
// and the rest via `pos`; nullopt when the shape does not match.
std::optional<int> LeadingNumber(std::string_view s, std::size_t min_digits, std::size_t max_digits,
                                 std::size_t& pos) {
  std::size_t i = pos;
  int n = 0;
  while (i < s.size() && IsDigit(s[i]) && i - pos < max_digits) n = n * 10 + (s[i++] - '0');
  if (i - pos < min_digits) return std::nullopt;
  if (i < s.size() && IsDigit(s[i])) return std::nullopt;
  pos = i;
  return n;
}

// day-of-month = 1*2DIGIT ( non-digit *OCTET ); year = 2*4DIGIT ( non-digit *OCTET )
bool NumberToken(std::string_view t, std::size_t min_digits, std::size_t max_digits, int& out) {
  std::size_t pos = 0;
  auto n = LeadingNumber(t, min_digits, max_digits, pos);
  if (!n) return false;
  out = *n;
  return true;
}

// time = hms-time ( non-digit *OCTET ); hms-time = 1*2DIGIT ":" 1*2DIGIT ":" 1*2DIGIT
bool ParseTimeToken(std::string_view t, int& h, int& m, int& s) {
  std::size_t pos = 0;
  auto a = LeadingNumber(t, 1, 2, pos);
  if (!a || pos >= t.size() || t[pos] != ':') return false;
  ++pos;
  auto b = LeadingNumber(t, 1, 2, pos);
  if (!b || pos >= t.size() || t[pos] != ':') return false;
  ++pos;
  auto c = LeadingNumber(t, 1, 2, pos);
  if (!c) return false;
  h = *a, m = *b, s = *c;
  return true;
}

int MonthOf(std::string_view t) {
  static constexpr std::array<std::string_view, 12> kMonths = {"jan", "feb", "mar", "apr", "may", "jun",
                                                               "jul", "aug", "sep", "oct", "nov", "dec"};
  if (t.size() < 3) return 0;
  for (std::size_t i = 0; i < kMonths.size(); ++i)
    if (text::EqualsIgnoreCase(t.substr(0, 3), kMonths[i])) return static_cast<int>(i) + 1;
  return 0;
}

// Days from 1970-01-01 to the civil date (Howard Hinnant's algorithm).
std::int64_t DaysFromCivil(std::int64_t y, int m, int d) {
  y -= m <= 2;
  const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
  const std::int64_t yoe = y - era * 400;
  const std::int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const std::int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

// ---- name lists ----

bool MatchesAny(std::string_view name, const json::Value& list, std::string_view key,
                bool (*match)(std::string_view, std::string_view)) {
  const json::Array* arr = json::FindArray(list, key);
  if (arr == nullptr) return false;
  for (const json::Value& v : *arr)
    if (v.is<std::string>() && match(name, v.get<std::string>())) return true;
  return false;
}

bool ListHas(std::string_view name, const json::Value& list, std::string_view exact, std::string_view prefixes,
             std::string_view contains) {
  return MatchesAny(name, list, exact, text::EqualsIgnoreCase) ||
         MatchesAny(name, list, prefixes, text::StartsWithIgnoreCase) ||
         MatchesAny(name, list, contains, text::ContainsIgnoreCase);
}

// Classifies `name` with a data list of the documented shape; nullopt when the list is absent.
std::optional<bool> ClassifyWithList(std::string_view name, const json::Value& list) {
  if (!list.is<json::Object>()) return std::nullopt;
  if (name.empty()) return false;
  if (ListHas(name, list, "exclude_exact", "exclude_prefixes", "exclude_contains")) return false;
  return ListHas(name, list, "exact", "prefixes", "contains");
}

// The domain a store keys the cookie by: its Domain attribute, else the host that set it.
std::string_view StoreDomain(const ObservedCookie& o) { return o.cookie.domain ? *o.cookie.domain : o.host; }

bool SameKey(const ObservedCookie& a, const ObservedCookie& b) {
  return a.cookie.name == b.cookie.name && StoreDomain(a) == StoreDomain(b) && a.store_path == b.store_path;
}

// Adds `c` to `jar` as a cookie store does: replaces a cookie with the same key.
void PutInJar(PageCookieJar& jar, ObservedCookie c) {
  auto it = std::find_if(jar.cookies.begin(), jar.cookies.end(),
                         [&](const ObservedCookie& o) { return SameKey(o, c); });
  if (it != jar.cookies.end()) jar.cookies.erase(it);
  if (jar.cookies.size() >= PageCookieTracker::kMaxCookiesPerJar) {
    jar.truncated = true;
    return;
  }
  jar.cookies.push_back(std::move(c));
}

}  // namespace

ResponseCookies ReadResponseCookies(const Exchange& exchange, const std::optional<Url>& url) {
  ResponseCookies out;
  for (std::string_view raw : exchange.response_headers.GetAll("set-cookie")) {
    std::optional<SetCookie> parsed = ParseSetCookie(raw);
    if (!parsed) {
      ++out.ignored;
      continue;
    }
    ObservedCookie o;
    o.cookie = std::move(*parsed);
    o.set_by = exchange.url;
    if (url) {
      o.host = url->host();
      o.site = url->Site();
      o.over_https = url->IsHttps();
    }
    o.store_path = o.cookie.path ? *o.cookie.path : DefaultCookiePath(url ? url->path() : std::string_view());
    o.exchange_index = exchange.index;
    out.cookies.push_back(std::move(o));
  }
  return out;
}

std::optional<SetCookie> ParseSetCookie(std::string_view header_value) {
  if (HasForbiddenControl(header_value)) return std::nullopt;
  std::size_t semi = header_value.find(';');
  std::string_view pair = header_value.substr(0, semi);
  std::string_view attrs = semi == std::string_view::npos ? std::string_view() : header_value.substr(semi + 1);
  std::size_t eq = pair.find('=');
  std::string_view name = eq == std::string_view::npos ? std::string_view() : TrimWsp(pair.substr(0, eq));
  std::string_view value = TrimWsp(eq == std::string_view::npos ? pair : pair.substr(eq + 1));
  if (name.empty() && value.empty()) return std::nullopt;
  if (name.size() + value.size() > kMaxNameValue) return std::nullopt;
  SetCookie c;
  c.name = std::string(name);
  c.value = std::string(value);
  if (name.empty()) c.problems.push_back("empty cookie name");
  ParseAttributes(attrs, c);
  return c;
}

std::optional<std::int64_t> ParseCookieDate(std::string_view text) {
  bool found_time = false, found_day = false, found_month = false, found_year = false;
  int hour = 0, minute = 0, second = 0, day = 0, month = 0, year = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && IsDateDelimiter(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    while (j < text.size() && !IsDateDelimiter(static_cast<unsigned char>(text[j]))) ++j;
    std::string_view token = text.substr(i, j - i);
    i = j;
    if (token.empty()) continue;
    int n = 0;
    if (!found_time && ParseTimeToken(token, hour, minute, second)) {
      found_time = true;
    } else if (!found_day && NumberToken(token, 1, 2, n)) {
      day = n;
      found_day = true;
    } else if (!found_month && MonthOf(token) != 0) {
      month = MonthOf(token);
      found_month = true;
    } else if (!found_year && NumberToken(token, 2, 4, n)) {
      year = n;
      found_year = true;
    }
  }
  if (found_year && year >= 70 && year <= 99) year += 1900;
  if (found_year && year >= 0 && year <= 69) year += 2000;
  if (!found_time || !found_day || !found_month || !found_year) return std::nullopt;
  if (day < 1 || day > 31 || year < 1601 || hour > 23 || minute > 59 || second > 59) return std::nullopt;
  if (day > DaysInMonth(year, month)) return std::nullopt;
  return DaysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second;
}

bool IsSessionCookie(std::string_view name, const DataLists& ctx) {
  if (auto r = ClassifyWithList(name, ctx.Data("session-cookies"))) return *r;
  return IsObservatorySessionCookie(name);
}

bool IsAntiCsrfCookie(std::string_view name, const DataLists& ctx) {
  if (auto r = ClassifyWithList(name, ctx.Data("anti-csrf-cookies"))) return *r;
  return text::ContainsIgnoreCase(name, "csrf") || text::ContainsIgnoreCase(name, "xsrf");
}

bool IsObservatorySessionCookie(std::string_view name) {
  return text::ContainsIgnoreCase(name, "login") || text::ContainsIgnoreCase(name, "sess");
}

bool IsObservatoryAntiCsrfCookie(std::string_view name) { return text::ContainsIgnoreCase(name, "csrf"); }

std::string DefaultCookiePath(std::string_view url_path) {
  if (url_path.empty() || url_path.front() != '/') return "/";
  const std::size_t last = url_path.rfind('/');
  if (last == 0) return "/";
  return std::string(url_path.substr(0, last));
}

bool BrowserRefusesPrefix(const ObservedCookie& o) {
  const SetCookie& c = o.cookie;
  const bool secure_prefix = text::StartsWithIgnoreCase(c.name, "__Secure-");
  const bool host_prefix = text::StartsWithIgnoreCase(c.name, "__Host-");
  if (!secure_prefix && !host_prefix) return false;
  if (!c.secure || !o.over_https) return true;
  return host_prefix && (c.domain || !c.path || *c.path != "/");
}

bool ObservatoryJarKeeps(const ObservedCookie& o) {
  const SetCookie& c = o.cookie;
  if (c.name.empty() || c.name == "heroku-session-affinity") return false;
  if (!CookieDomainAccepted(c, o.host)) return false;
  if (c.name.rfind("__Secure-", 0) == 0 && !c.secure) return false;
  if (c.name.rfind("__Host-", 0) == 0 && (!c.secure || c.domain || o.store_path != "/")) return false;
  return true;
}

bool ObservatorySameSiteMalformed(std::string_view set_cookie_value) {
  for (std::string_view part : text::Split(set_cookie_value, ';', true)) {
    const std::size_t eq = part.find('=');
    if (!text::EqualsIgnoreCase(observatory::JsTrim(part.substr(0, eq)), "samesite")) continue;
    if (eq == std::string_view::npos) return true;
    std::string_view value = part.substr(eq + 1);
    value = observatory::JsTrim(value.substr(0, value.find('=')));
    if (value.empty()) return true;
    if (!text::EqualsIgnoreCase(value, "lax") && !text::EqualsIgnoreCase(value, "strict") &&
        !text::EqualsIgnoreCase(value, "none"))
      return true;
  }
  return false;
}

bool CookieDomainAccepted(const SetCookie& cookie, std::string_view host) {
  if (!cookie.domain) return true;
  const std::string& d = *cookie.domain;
  if (d == host) return true;
  if (IsIpLiteral(host)) return false;
  if (host.size() <= d.size() + 1) return false;
  if (host.substr(host.size() - d.size()) != d || host[host.size() - d.size() - 1] != '.') return false;
  return !RegistrableDomain(d).empty();  // a public suffix (e.g. gov.vn) is refused
}

PageCookieJar PageCookieTracker::OnExchange(const Exchange& exchange, const std::optional<Url>& url) {
  return OnExchange(exchange, url, ReadResponseCookies(exchange, url));
}

PageCookieJar PageCookieTracker::OnExchange(const Exchange& exchange, const std::optional<Url>& url,
                                            const ResponseCookies& own) {
  PageCookieJar jar;
  // Cookies carried here by a redirect chain whose last hop pointed at this URL. Hops keep every
  // cookie; the end of the chain keeps those set by its own site.
  if (url) {
    auto it = std::find_if(pending_.begin(), pending_.end(),
                           [&](const Pending& p) { return p.target == url->href(); });
    if (it != pending_.end()) {
      for (ObservedCookie& c : it->jar.cookies)
        if (exchange.IsRedirect() || c.site == url->Site()) PutInJar(jar, std::move(c));
      jar.ignored = it->jar.ignored;
      jar.truncated = it->jar.truncated;
      pending_.erase(it);
    }
  }
  // The response's own Set-Cookie fields.
  jar.ignored += own.ignored;
  for (const ObservedCookie& c : own.cookies) PutInJar(jar, c);
  if (!exchange.IsRedirect()) {
    jar.carried = static_cast<std::size_t>(std::count_if(
        jar.cookies.begin(), jar.cookies.end(),
        [&](const ObservedCookie& c) { return c.exchange_index != exchange.index; }));
    return jar;
  }
  // A redirect: park the jar under the resolved target, for the next hop or the page.
  std::optional<Url> target = url ? url->Resolve(exchange.redirect_url) : Url::Parse(exchange.redirect_url);
  if (target && (!jar.cookies.empty() || jar.ignored > 0)) {
    if (pending_.size() >= kMaxPendingChains) pending_.erase(pending_.begin());
    pending_.push_back(Pending{target->href(), std::move(jar)});
  }
  return PageCookieJar{};
}

}  // namespace portal_check
