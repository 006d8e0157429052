// cookie.session-in-url: session identifiers carried in URLs (ZAP 00003). A session id in a URL
// leaks through Referer, browser history, proxy and server logs, and shared links, and invites
// session fixation.
//
// Evidence: each HTML page's own URL and the URLs in its page model: a/area href, link href,
// form action, button/input formaction, script/iframe/frame/img src.
//
// What counts as a session id (linear scan of each URL, fragment excluded, first 8 KiB):
//   - a path parameter ";name=value" or a query parameter "name=value" whose name (ASCII
//     case-insensitive) is a session parameter: the "url_parameters" / "url_parameter_prefixes"
//     members of rules/data/session-cookies.json, plus every "exact" session-cookie name of that
//     list that contains "sess" or ends in "sid" (PHPSESSID, ASP.NET_SessionId, connect.sid, ...);
//     and the value is at least 8 bytes and not all digits (so "?sid=12", a section id common on
//     portals, does not count);
//   - ASP.NET cookieless state in the path: "(S(...))" session and "(F(...))" forms ticket.
// Details name where each id was found and the URL with every id value replaced by "[redacted]";
// the id itself never enters the report.
#include <algorithm>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/check.h"
#include "checks/factories.h"
#include "engine/audit_context.h"
#include "normalize/page_model.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kId = "cookie.session-in-url";
constexpr std::size_t kMaxScanBytes = 8 * 1024;
constexpr std::size_t kMaxLocations = 20;
constexpr std::size_t kMinValueBytes = 8;
constexpr std::string_view kRedacted = "[redacted]";

// Where a URL was found: element tag and attribute.
struct UrlSource {
  std::string_view tag, attr;
};
constexpr UrlSource kSources[] = {{"a", "href"},         {"area", "href"},        {"link", "href"},
                                  {"form", "action"},    {"button", "formaction"}, {"input", "formaction"},
                                  {"script", "src"},     {"iframe", "src"},        {"frame", "src"},
                                  {"img", "src"}};

// The index in kSources of the source with tag `tag` (the tags are distinct), or
// std::size(kSources) when none.
std::size_t SourceOf(std::string_view tag) {
  std::size_t i = 0;
  while (i < std::size(kSources) && kSources[i].tag != tag) ++i;
  return i;
}

// One session id found in a URL: the parameter name and the byte range of its value.
struct Hit {
  std::string parameter;
  std::size_t begin = 0, end = 0;
};

// The names that count as session parameters, read once per audit from the data list.
struct ParamNames {
  std::vector<std::string> exact, prefixes;

  static ParamNames From(const AuditContext& ctx) {
    ParamNames n;
    n.exact = ctx.DataStrings("session-cookies", "url_parameters");
    n.prefixes = ctx.DataStrings("session-cookies", "url_parameter_prefixes");
    for (std::string& name : ctx.DataStrings("session-cookies", "exact")) {
      std::string lower = text::Lower(name);
      bool ends_sid = lower.size() >= 3 && lower.compare(lower.size() - 3, 3, "sid") == 0;
      if (ends_sid || lower.find("sess") != std::string::npos) n.exact.push_back(std::move(name));
    }
    if (n.exact.empty()) n.exact = {"jsessionid", "phpsessid", "sid", "sessionid", "session_id"};
    return n;
  }

  bool Matches(std::string_view name) const {
    for (const std::string& e : exact)
      if (text::EqualsIgnoreCase(name, e)) return true;
    for (const std::string& p : prefixes)
      if (text::StartsWithIgnoreCase(name, p)) return true;
    return false;
  }
};

bool LooksLikeId(std::string_view value) { return value.size() >= kMinValueBytes && !text::IsDigits(value); }

// Scans "name=value" parameters in url[from, to), separated by any of `seps`.
void ScanParams(std::string_view url, std::size_t from, std::size_t to, std::string_view seps,
                const ParamNames& names, std::vector<Hit>& hits) {
  std::size_t i = from;
  while (i < to) {
    std::size_t end = i;
    while (end < to && seps.find(url[end]) == std::string_view::npos) ++end;
    std::string_view param = url.substr(i, end - i);
    std::size_t eq = param.find('=');
    if (eq != std::string_view::npos) {
      std::string_view name = param.substr(0, eq);
      std::string_view value = param.substr(eq + 1);
      if (names.Matches(name) && LooksLikeId(value)) hits.push_back(Hit{std::string(name), i + eq + 1, end});
    }
    i = end + 1;
  }
}

// Path parameters: every ";name=value" up to the next '/' or ';'.
void ScanPathParams(std::string_view url, std::size_t path_end, const ParamNames& names, std::vector<Hit>& hits) {
  std::size_t semi = url.find(';');
  while (semi != std::string_view::npos && semi < path_end) {
    std::size_t end = semi + 1;
    while (end < path_end && url[end] != '/' && url[end] != ';') ++end;
    ScanParams(url, semi + 1, end, ";", names, hits);
    semi = url.find(';', end);
  }
}

// ASP.NET cookieless state: "(S(id))" and "(F(ticket))", possibly grouped as "(A(..)S(..)F(..))".
void ScanCookieless(std::string_view url, std::size_t path_end, std::vector<Hit>& hits) {
  for (std::size_t i = 0; i + 2 < path_end; ++i) {
    char kind = url[i + 1];
    if ((url[i] != '(' && url[i] != ')') || (kind != 'S' && kind != 'F') || url[i + 2] != '(') continue;
    std::size_t close = url.find(')', i + 3);
    if (close == std::string_view::npos || close > path_end) break;
    if (close - (i + 3) >= kMinValueBytes)
      hits.push_back(Hit{kind == 'S' ? "asp.net-cookieless-session" : "asp.net-cookieless-forms-ticket", i + 3, close});
    i = close;
  }
}

// Every session id in `url` (fragment excluded), in order.
std::vector<Hit> FindSessionIds(std::string_view url, const ParamNames& names) {
  url = url.substr(0, std::min(url.size(), kMaxScanBytes));
  url = url.substr(0, url.find('#'));
  std::vector<Hit> hits;
  if (text::StartsWithIgnoreCase(text::Trim(url), "data:")) return hits;
  std::size_t query = url.find('?');
  std::size_t path_end = query == std::string_view::npos ? url.size() : query;
  ScanPathParams(url, path_end, names, hits);
  ScanCookieless(url, path_end, hits);
  if (query != std::string_view::npos) ScanParams(url, query + 1, url.size(), "&;", names, hits);
  return hits;
}

// `url` with every hit's value replaced by kRedacted (overlapping hits merged).
std::string Redact(std::string_view url, std::vector<Hit> hits) {
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t pos = 0;
  for (const Hit& h : hits) {
    if (h.begin < pos) continue;
    out.append(url.substr(pos, h.begin - pos));
    out.append(kRedacted);
    pos = h.end;
  }
  out.append(url.substr(std::min(pos, url.size()), kMaxScanBytes));
  return out;
}

class SessionInUrlCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (view.page == nullptr) return;
    if (!names_) names_ = ParamNames::From(ctx);
    json::Array locations;
    std::int64_t count = 0;
    Look(view.exchange.url, UrlSource{"page-url", {}}, 0, locations, count);
    // Source by source (kSources order), each in document order: one pass over the elements
    // collects the (source, element) pairs in document order, then one short pass per source.
    std::vector<std::pair<std::size_t, const HtmlElement*>> found;
    for (const HtmlElement& e : view.page->elements()) {
      const std::size_t s = SourceOf(e.tag);
      if (s < std::size(kSources) && e.HasAttr(kSources[s].attr)) found.emplace_back(s, &e);
    }
    for (std::size_t s = 0; s < std::size(kSources); ++s)
      for (const auto& [source, e] : found)
        if (source == s) Look(*e->Attr(kSources[s].attr), kSources[s], e->line, locations, count);
    CheckResult r = PageResult(view);
    r.outcome = count > 0 ? "present" : "none";
    if (count > 0) {
      r.details["count"] = json::Int(count);
      r.details["locations"] = json::Value(std::move(locations));
    }
    out.Emit(std::move(r));
  }

 private:
  // `where`: "tag[attr]", or the tag alone when attr is empty (the page URL).
  void Look(std::string_view url, const UrlSource& where, int line, json::Array& locations, std::int64_t& count) {
    std::vector<Hit> hits = FindSessionIds(url, *names_);
    if (hits.empty()) return;
    ++count;
    if (locations.size() >= kMaxLocations) return;
    json::Object loc;
    loc["where"] = json::Str(where.attr.empty() ? std::string(where.tag)
                                                : std::string(where.tag) + "[" + std::string(where.attr) + "]");
    loc["parameter"] = json::Str(text::SafeUtf8(hits.front().parameter, 128));
    loc["url"] = json::Str(text::SafeUtf8(Redact(url.substr(0, url.find('#')), hits), 512));
    if (line > 0) loc["line"] = json::Int(line);
    locations.push_back(json::Value(std::move(loc)));
  }

  std::optional<ParamNames> names_;
};

}  // namespace

CheckDescriptor CookieSessionInUrlDescriptor() {
  return CheckDescriptor{kId, {"none", "present"}, [] { return std::unique_ptr<Check>(new SessionInUrlCheck()); }};
}

}  // namespace portal_check
