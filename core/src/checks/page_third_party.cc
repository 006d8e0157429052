// page.third-party: the third-party origins a page uses, and scripts from hosts known to be
// malicious or compromised.
//
// Third party = another registrable domain than the page's (Url::SameSite). Sources, resolved
// against the page URL or its <base href>:
//   - the page model: <script src> (script), <iframe>/<frame> src (frame), <object data> and
//     <embed src> (object), <form action> and formaction (form), <link rel=stylesheet> (stylesheet,
//     or font when the host is a font service), <link rel=preload as=font> (font), <img src srcset>
//     and <input type=image> (image), <audio>/<video>/<source> (media); analytics when the host is
//     in data list "third-party-hosts" "analytics", font when in its "fonts"; inline scripts that
//     write an analytics host (loader snippets) add that host as analytics.
//   - later HAR requests whose Referer is the page (dynamically injected resources), by their
//     `_resourceType` (script, stylesheet, font, image, document/iframe → frame; else "request").
// malicious-host when a script, frame or object (page model or HAR request of type script,
// document/iframe or a JavaScript response) comes from a host of data list
// "malicious-script-hosts" "hosts" or a subdomain of one, or an inline script writes such a host
// (preceded by '/' or '.' or a quote, not followed by a host character). Otherwise inventory (info,
// also with no third party at all).
// Results are emitted in OnFinish (the HAR requests come after the page). Details: "origins"
// (at most 50, sorted: origin and kinds), "count" (distinct third-party origins) and, when
// malicious, "malicious" (at most 20: url, host, listed, source).
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <utility>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_links.h"
#include "checks/audit_context.h"
#include "evidence/limits.h"
#include "normalize/page_model.h"
#include "util/needle_index.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxOrigins = 50;
constexpr std::size_t kMaxMalicious = 20;

// A host list of the data (lower-case, empty entries dropped: they name no host) with an index of
// its entries for HostInScript.
struct HostList {
  std::vector<std::string> hosts;
  NeedleIndex index;  // hosts[i] as needle i, ASCII case-insensitive

  void Load(const DataLists& lists, std::string_view list, std::string_view key) {
    for (const std::string& h : lists.DataStrings(list, key)) {
      if (h.empty()) continue;
      hosts.push_back(text::Lower(h));
      index.Add(hosts.back(), /*ignore_case=*/true);
    }
  }
};

struct Lists {
  HostList malicious, analytics;
  std::vector<std::string> fonts;
};

// The host lists of data lists "malicious-script-hosts" and "third-party-hosts" (read once per
// audit through Compiled).
Lists BuildLists(const DataLists& data) {
  Lists lists;
  lists.malicious.Load(data, "malicious-script-hosts", "hosts");
  lists.analytics.Load(data, "third-party-hosts", "analytics");
  for (const std::string& h : data.DataStrings("third-party-hosts", "fonts")) lists.fonts.push_back(text::Lower(h));
  return lists;
}

const std::string* Listed(std::string_view host, const std::vector<std::string>& list) {
  for (const std::string& d : list)
    if (page_links::HostIsOrUnder(host, d)) return &d;
  return nullptr;
}

bool IsHostChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.';
}

// The first entry of `list` (in list order) written in `script` as a host name (see the file
// comment), matched ASCII case-insensitively: the entry, and the whole host written there,
// lower-cased (e.g. "cdn.polyfill.io" for entry "polyfill.io"). One pass over the script.
std::optional<std::pair<const std::string*, std::string>> HostInScript(std::string_view script, const HostList& list) {
  std::size_t best = list.hosts.size(), best_at = 0;  // the earliest entry found, and where
  list.index.Scan(script, [&](std::size_t entry, std::size_t at) {
    if (entry >= best) return true;  // positions ascend: keep the first place of the earliest entry
    const char before = at == 0 ? ' ' : script[at - 1];
    const std::size_t end = at + list.hosts[entry].size();
    const bool starts = before == '/' || before == '.' || before == '"' || before == '\'';
    // not followed by a host character: "polyfill.io.example" is another host
    if (!starts || (end < script.size() && IsHostChar(script[end]))) return true;
    best = entry;
    best_at = at;
    return best > 0;  // nothing can precede entry 0
  });
  if (best == list.hosts.size()) return std::nullopt;
  const std::size_t end = best_at + list.hosts[best].size();
  std::size_t from = best_at;
  while (from > 0 && best_at - from < 253 && IsHostChar(script[from - 1])) --from;
  return std::make_pair(&list.hosts[best], text::Lower(script.substr(from, end - from)));
}

struct PageState {
  std::string page;
  Url url;
  std::map<std::string, std::set<std::string>> origins;  // display origin → kinds
  std::size_t origin_count = 0;
  DetailList malicious;
};

class ThirdPartyCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const Lists& lists = ctx.Compiled(&BuildLists);
    NoteRequest(view, lists);
    if (view.page == nullptr || !view.url->IsHttpOrHttps()) return;
    PageState s{text::SafeUtf8(view.exchange.url, limits::kMaxUrlBytes), *view.url, {}, 0, {}};
    ScanPage(*view.page, s, lists);
    by_referer_[page_links::WithoutFragment(view.url->href())] = pages_.size();
    pages_.push_back(std::move(s));
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override {
    for (PageState& s : pages_) {
      CheckResult r = PageResult(s.page);
      r.outcome = s.malicious.empty() ? "inventory" : "malicious-host";
      DetailList origins;
      for (const auto& [origin, kinds] : s.origins) {
        Details o;
        o.Str("origin", origin);
        DetailList k;
        for (const std::string& kind : kinds) k.Str(kind);
        o.Set("kinds", std::move(k));
        origins.Add(std::move(o));
      }
      r.details.Set("origins", std::move(origins));
      r.details.Int("count", static_cast<std::int64_t>(s.origin_count));
      if (!s.malicious.empty()) r.details.Set("malicious", std::move(s.malicious));
      out.Emit(std::move(r));
    }
  }

 private:
  void AddOrigin(PageState& s, const Url& u, std::string kind, const Lists& lists) const {
    if (!u.IsHttpOrHttps() || u.SameSite(s.url)) return;
    if (Listed(u.host(), lists.analytics.hosts)) kind = "analytics";
    else if ((kind == "stylesheet" || kind == "request") && Listed(u.host(), lists.fonts)) kind = "font";
    const std::string origin = text::SafeUtf8(page_links::DisplayOrigin(u), 512);
    auto it = s.origins.find(origin);
    if (it == s.origins.end()) {
      ++s.origin_count;
      if (s.origins.size() >= kMaxOrigins) return;
      it = s.origins.emplace(origin, std::set<std::string>{}).first;
    }
    it->second.insert(std::move(kind));
  }

  void AddMalicious(PageState& s, std::string_view url, std::string_view host, const std::string& listed,
                    std::string_view source) const {
    if (s.malicious.size() >= kMaxMalicious) return;
    Details o;
    o.Str("url", url, limits::kMaxUrlBytes);
    o.Str("host", host, 256);
    o.Str("listed", listed);
    o.Str("source", source);
    s.malicious.Add(o);
  }

  // A reference from the page model: records its origin and, for active kinds, a listed host.
  // `relative_adds_nothing`: references without scheme and authority (page_links::IsHostRelative),
  // which resolve to the base URL's scheme and host, record nothing, so they are not resolved.
  void Reference(PageState& s, const Url& base, bool relative_adds_nothing, const std::string* ref,
                 std::string_view kind, const Lists& lists) const {
    if (relative_adds_nothing && ref != nullptr && page_links::IsHostRelative(*ref)) return;
    std::optional<Url> u = page_links::ResolveAttr(base, ref);
    if (!u) return;
    AddOrigin(s, *u, std::string(kind), lists);
    if (kind == "script" || kind == "frame" || kind == "object") {
      if (const std::string* hit = Listed(u->host(), lists.malicious.hosts)) AddMalicious(s, u->href(), u->host(), *hit, kind);
    }
  }

  void ScanPage(const PageModel& page, PageState& s, const Lists& lists) const {
    const Url base = page_links::BaseUrl(page, s.url);
    // What AddOrigin and the malicious-host test would do with the base URL's scheme and host.
    const bool relative_adds_nothing = (!base.IsHttpOrHttps() || base.SameSite(s.url)) &&
                                       Listed(base.host(), lists.malicious.hosts) == nullptr;
    auto reference = [&](const std::string* ref, std::string_view kind) {
      Reference(s, base, relative_adds_nothing, ref, kind, lists);
    };
    for (const HtmlElement& e : page.elements()) {
      const std::string_view t = e.tag;  // compares size first
      if (t == "script") {
        if (e.HasAttr("src")) {
          reference(e.Attr("src"), "script");
        } else if (!e.text.empty()) {
          if (auto hit = HostInScript(e.text, lists.malicious))
            AddMalicious(s, "inline script (line " + std::to_string(e.line) + ")", hit->second, *hit->first, "inline-script");
          if (auto a = HostInScript(e.text, lists.analytics)) {
            if (std::optional<Url> u = Url::Parse("https://" + a->second + "/")) AddOrigin(s, *u, "analytics", lists);
          }
        }
      } else if (t == "iframe" || t == "frame") {
        reference(e.Attr("src"), "frame");
      } else if (t == "object") {
        reference(e.Attr("data"), "object");
      } else if (t == "embed") {
        reference(e.Attr("src"), "object");
      } else if (t == "form") {
        reference(e.Attr("action"), "form");
      } else if (t == "link") {
        const std::string* as = e.Attr("as");
        if (page_links::HasToken(e.Attr("rel"), "stylesheet")) reference(e.Attr("href"), "stylesheet");
        else if (page_links::HasToken(e.Attr("rel"), "preload") && as && text::EqualsIgnoreCase(text::Trim(*as), "font"))
          reference(e.Attr("href"), "font");
      } else if (t == "img") {
        reference(e.Attr("src"), "image");
      } else if (t == "audio" || t == "video" || t == "source") {
        reference(e.Attr("src"), "media");
      }
      if (t == "button" || t == "input") reference(e.Attr("formaction"), "form");
      if (t == "input" && e.Attr("type") && text::EqualsIgnoreCase(text::Trim(*e.Attr("type")), "image"))
        reference(e.Attr("src"), "image");
    }
  }

  // A request made by a page seen earlier (by its Referer).
  void NoteRequest(const ExchangeView& view, const Lists& lists) {
    const Exchange& ex = view.exchange;
    std::optional<std::string_view> referer = ex.request_headers.Get("Referer");
    if (!referer || !view.url->IsHttpOrHttps()) return;
    std::optional<Url> ref = Url::Parse(*referer);
    if (!ref) return;
    auto it = by_referer_.find(page_links::WithoutFragment(ref->href()));
    if (it == by_referer_.end()) return;
    PageState& s = pages_[it->second];
    const std::string type = text::Lower(ex.resource_type);
    const bool js = text::ContainsIgnoreCase(ex.mime_type, "javascript") || text::ContainsIgnoreCase(ex.mime_type, "ecmascript");
    std::string kind = "request";
    if (type == "script" || (type.empty() && js)) kind = "script";
    else if (type == "document" || type == "iframe" || type == "sub_frame" || type == "subdocument") kind = "frame";
    else if (type == "stylesheet" || type == "font" || type == "image" || type == "media") kind = type;
    AddOrigin(s, *view.url, kind, lists);
    if (kind == "script" || kind == "frame") {
      if (const std::string* hit = Listed(view.url->host(), lists.malicious.hosts))
        AddMalicious(s, view.url->href(), view.url->host(), *hit, "request:" + kind);
    }
  }

  std::vector<PageState> pages_;
  std::unordered_map<std::string, std::size_t> by_referer_;
};

}  // namespace

extern const CheckDescriptor kPageThirdPartyCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageThirdPartyCheck{"page.third-party", CheckInput::kExchangesWithUrl, &MakeCheck<ThirdPartyCheck>};

}  // namespace portal_check
