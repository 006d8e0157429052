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
// the id itself never enters the report (and the rest of the URL, like every output string, then
// passes through the output redaction, report/secret_redaction.h). The URL parts are read by
// normalize/url_spans.h, which the output and bundle redaction read them by too.
#include <algorithm>
#include <iterator>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "normalize/page_model.h"
#include "normalize/url_spans.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kId = "cookie.session-in-url";
constexpr std::size_t kMaxScanBytes = 8 * 1024;
constexpr std::size_t kMaxLocations = 20;

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

// Every session id in `url` (fragment excluded), in order: session path/query parameters whose
// value looks like an id, and cookieless "(S(..))" / "(F(..))" segments of kMinSessionIdBytes or more.
std::vector<Hit> FindSessionIds(std::string_view url, const SessionParamNames& names) {
  url = url.substr(0, std::min(url.size(), kMaxScanBytes));
  url = url.substr(0, url.find('#'));
  std::vector<Hit> hits;
  // A parameter span holds its value after a '=', a cookieless segment opens with '(': a URL with
  // neither (most links) has no span to read.
  if (url.find('=') == std::string_view::npos && url.find('(') == std::string_view::npos) return hits;
  if (text::StartsWithIgnoreCase(text::Trim(url), "data:")) return hits;
  for (const UrlSpan& s : FindUrlSpans(url)) {
    const std::string_view value = url.substr(s.begin, s.end - s.begin);
    if (s.kind == UrlSpanKind::kPathParam || s.kind == UrlSpanKind::kQueryParam) {
      if (names.Matches(s.name) && LooksLikeSessionId(value)) hits.push_back(Hit{std::string(s.name), s.begin, s.end});
    } else if (s.kind == UrlSpanKind::kCookieless && s.name != "A" && value.size() >= kMinSessionIdBytes) {
      hits.push_back(Hit{s.name == "S" ? "asp.net-cookieless-session" : "asp.net-cookieless-forms-ticket", s.begin, s.end});
    }
  }
  return hits;
}

// `url` with every hit's value replaced by kRedactedValue (overlapping hits merged).
std::string Redact(std::string_view url, std::vector<Hit> hits) {
  std::sort(hits.begin(), hits.end(), [](const Hit& a, const Hit& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t pos = 0;
  for (const Hit& h : hits) {
    if (h.begin < pos) continue;
    out.append(url.substr(pos, h.begin - pos));
    out.append(kRedactedValue);
    pos = h.end;
  }
  out.append(url.substr(std::min(pos, url.size()), kMaxScanBytes));
  return out;
}

class SessionInUrlCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const SessionParamNames& names = ctx.Compiled(&BuildSessionParamNames);
    DetailList locations;
    std::int64_t count = 0;
    Look(view.exchange.url, UrlSource{"page-url", {}}, 0, names, locations, count);
    // Source by source (kSources order), each in document order: one pass over the elements
    // collects the (source, element) pairs in document order, then one short pass per source.
    std::vector<std::pair<std::size_t, const HtmlElement*>> found;
    for (const HtmlElement& e : view.page->elements()) {
      const std::size_t s = SourceOf(e.tag);
      if (s < std::size(kSources) && e.HasAttr(kSources[s].attr)) found.emplace_back(s, &e);
    }
    for (std::size_t s = 0; s < std::size(kSources); ++s)
      for (const auto& [source, e] : found)
        if (source == s) Look(*e->Attr(kSources[s].attr), kSources[s], e->line, names, locations, count);
    CheckResult r = PageResult(view);
    r.outcome = count > 0 ? "present" : "none";
    if (count > 0) {
      r.details.Int("count", count);
      r.details.Set("locations", std::move(locations));
    }
    out.Emit(std::move(r));
  }

 private:
  // `where`: "tag[attr]", or the tag alone when attr is empty (the page URL).
  void Look(std::string_view url, const UrlSource& where, int line, const SessionParamNames& names,
            DetailList& locations, std::int64_t& count) {
    std::vector<Hit> hits = FindSessionIds(url, names);
    if (hits.empty()) return;
    ++count;
    if (locations.size() >= kMaxLocations) return;
    Details loc;
    loc.Str("where", where.attr.empty() ? std::string(where.tag)
                                                : std::string(where.tag) + "[" + std::string(where.attr) + "]");
    loc.Str("parameter", hits.front().parameter, 128);
    loc.Str("url", Redact(url.substr(0, url.find('#')), hits), 512);
    if (line > 0) loc.Int("line", line);
    locations.Add(std::move(loc));
  }
};

}  // namespace

extern const CheckDescriptor kCookieSessionInUrlCheck;  // listed in checks/registry.cc
const CheckDescriptor kCookieSessionInUrlCheck{kId, CheckInput::kPages, &MakeCheck<SessionInUrlCheck>};

}  // namespace portal_check
