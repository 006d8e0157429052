// transport.mixed-content: http:// subresources of an https page (W3C Mixed Content).
//
// Sources, for every https page:
//   - the page model: active = <script src>, <iframe/frame src>, <link rel=stylesheet href>,
//     <object data>, <embed src>, <form action>, formaction on buttons/inputs; passive = <img src
//     srcset>, <input type=image src>, <audio/video src>, <video poster>, <source src srcset>.
//     References resolve against the page URL, or its <base href> when it has one.
//   - later exchanges in the HAR fetched over http:// whose Referer is this page: active when the
//     request is blockable (script, xhr, fetch, stylesheet, document/iframe, font, websocket,
//     eventsource, manifest; or, without `_resourceType`, a script/style/HTML/JSON response),
//     passive otherwise (images, media: "optionally-blockable").
// Outcomes: active (any active reference; fails), passive-only (passes with a warning), none.
// Results are emitted in OnFinish, because requests that reveal mixed content come after the page.
// An http page gets not-applicable at once. Details list at most 50 URLs per kind.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_links.h"
#include "evidence/limits.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 50;

struct Reference {
  std::string url;     // SafeUtf8
  std::string source;  // "script", "img", "request:script", ...
};

struct RefList {
  std::vector<Reference> listed;
  std::size_t count = 0;  // distinct listed URLs plus every reference past the list's cap

  void Add(const std::string& url, std::string_view source) {
    for (const Reference& r : listed)
      if (r.url == url) return;
    ++count;
    if (listed.size() < kMaxListed) listed.push_back(Reference{url, std::string(source)});
  }
  DetailList ToJson() const {
    DetailList a;
    for (const Reference& r : listed) {
      Details o;
      o.Str("url", r.url);
      o.Str("source", r.source);
      a.Add(std::move(o));
    }
    return a;
  }
};

struct PageState {
  std::string page;
  RefList active, passive;
};

// The URL without its fragment, as the key pages and Referer values are matched on.
std::string WithoutFragment(std::string_view url) {
  std::size_t hash = url.find('#');
  return std::string(url.substr(0, hash));
}

// The URL candidates of a srcset attribute (HTML "parse a srcset attribute", without descriptors).
std::vector<std::string_view> SrcsetUrls(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; };
  while (i < s.size()) {
    while (i < s.size() && (is_space(s[i]) || s[i] == ',')) ++i;
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    std::string_view url = s.substr(start, i - start);
    bool ended_by_comma = false;
    while (!url.empty() && url.back() == ',') {
      url.remove_suffix(1);
      ended_by_comma = true;
    }
    if (!url.empty()) out.push_back(url);
    if (ended_by_comma) continue;
    int parens = 0;  // skip descriptors up to the next top-level comma
    while (i < s.size() && !(s[i] == ',' && parens == 0)) {
      if (s[i] == '(') ++parens;
      else if (s[i] == ')' && parens > 0) --parens;
      ++i;
    }
  }
  return out;
}

bool RelHasStylesheet(const std::string* rel) {
  if (rel == nullptr) return false;
  for (std::string_view token : text::SplitWhitespace(*rel))
    if (text::EqualsIgnoreCase(token, "stylesheet")) return true;
  return false;
}

// Whether an http:// request seen in the HAR is blockable ("active") mixed content.
bool RequestIsActive(const Exchange& ex) {
  std::string type = text::Lower(ex.resource_type);
  if (!type.empty()) {
    for (std::string_view t : {"script", "xhr", "fetch", "stylesheet", "document", "iframe", "sub_frame",
                               "subdocument", "font", "websocket", "eventsource", "manifest"})
      if (type == t) return true;
    return false;
  }
  const std::string& m = ex.mime_type;
  return text::ContainsIgnoreCase(m, "javascript") || text::ContainsIgnoreCase(m, "ecmascript") ||
         m == "text/css" || ex.IsHtml() || text::ContainsIgnoreCase(m, "json");
}

class TransportMixedContent : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (view.url->IsHttp()) NoteHttpRequest(view.exchange);
    if (view.page == nullptr || !view.url->IsHttpOrHttps()) return;
    std::string page = text::SafeUtf8(view.exchange.url, limits::kMaxUrlBytes);
    if (!view.url->IsHttps()) {
      out.Emit(ReasonResult("not-applicable", "page served over http: mixed content applies to https pages", page));
      return;
    }
    PageState state;
    state.page = std::move(page);
    ScanPage(*view.page, *view.url, state);
    by_referer_[WithoutFragment(view.url->href())] = pages_.size();
    pages_.push_back(std::move(state));
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override {
    for (PageState& s : pages_) {
      CheckResult r = PageResult(s.page);
      r.outcome = s.active.count ? "active" : s.passive.count ? "passive-only" : "none";
      r.details.Set("active", s.active.ToJson());
      r.details.Set("passive", s.passive.ToJson());
      r.details.Int("active_count", static_cast<std::int64_t>(s.active.count));
      r.details.Int("passive_count", static_cast<std::int64_t>(s.passive.count));
      if (s.active.count > s.active.listed.size() || s.passive.count > s.passive.listed.size())
        r.details.Bool("truncated", true);
      out.Emit(std::move(r));
    }
  }

 private:
  // Records an http:// request whose Referer is an https page seen earlier.
  void NoteHttpRequest(const Exchange& ex) {
    std::optional<std::string_view> referer = ex.request_headers.Get("Referer");
    if (!referer) return;
    std::optional<Url> ref = Url::Parse(*referer);
    if (!ref) return;
    auto it = by_referer_.find(WithoutFragment(ref->href()));
    if (it == by_referer_.end()) return;
    PageState& s = pages_[it->second];
    std::string url = text::SafeUtf8(ex.url, limits::kMaxUrlBytes);
    std::string source = "request:" + (ex.resource_type.empty() ? std::string("unknown") : text::SafeUtf8(ex.resource_type, 32));
    if (RequestIsActive(ex))
      s.active.Add(url, source);
    else
      s.passive.Add(url, source);
  }

  static void AddIfHttp(const Url& base, const std::string* ref, bool active, std::string_view source, PageState& s) {
    if (ref == nullptr || text::Trim(*ref).empty()) return;
    // A reference without scheme and authority keeps the base's scheme: no need to resolve it
    // when that is not http.
    if (!base.IsHttp() && page_links::IsHostRelative(*ref)) return;
    std::optional<Url> u = base.Resolve(*ref);
    if (!u || !u->IsHttp()) return;
    (active ? s.active : s.passive).Add(text::SafeUtf8(u->href(), limits::kMaxUrlBytes), source);
  }

  static void AddSrcset(const Url& base, const std::string* srcset, std::string_view source, PageState& s) {
    if (srcset == nullptr) return;
    for (std::string_view candidate : SrcsetUrls(*srcset)) {
      std::string c(candidate);
      AddIfHttp(base, &c, false, source, s);
    }
  }

  static void ScanElement(const HtmlElement& e, const Url& base, PageState& s) {
    const std::string_view t = e.tag;  // compares size first
    if (t == "script") AddIfHttp(base, e.Attr("src"), true, "script", s);
    else if (t == "iframe" || t == "frame") AddIfHttp(base, e.Attr("src"), true, t, s);
    else if (t == "link" && RelHasStylesheet(e.Attr("rel"))) AddIfHttp(base, e.Attr("href"), true, "stylesheet", s);
    else if (t == "object") AddIfHttp(base, e.Attr("data"), true, "object", s);
    else if (t == "embed") AddIfHttp(base, e.Attr("src"), true, "embed", s);
    else if (t == "form") AddIfHttp(base, e.Attr("action"), true, "form", s);
    else if (t == "img") {
      AddIfHttp(base, e.Attr("src"), false, "img", s);
      AddSrcset(base, e.Attr("srcset"), "img", s);
    } else if (t == "audio" || t == "video" || t == "source") {
      AddIfHttp(base, e.Attr("src"), false, t, s);
      if (t == "video") AddIfHttp(base, e.Attr("poster"), false, "video", s);
      if (t == "source") AddSrcset(base, e.Attr("srcset"), "source", s);
    }
    if (t == "button" || t == "input") AddIfHttp(base, e.Attr("formaction"), true, "form", s);
    if (t == "input") {
      const std::string* type = e.Attr("type");
      if (type && text::EqualsIgnoreCase(text::Trim(*type), "image")) AddIfHttp(base, e.Attr("src"), false, "img", s);
    }
  }

  static void ScanPage(const PageModel& model, const Url& page_url, PageState& s) {
    std::optional<Url> base = page_url;
    if (!model.base_href().empty()) {
      std::optional<Url> b = page_url.Resolve(model.base_href());
      if (b) base = b;
    }
    for (const HtmlElement& e : model.elements()) ScanElement(e, *base, s);
  }

  std::vector<PageState> pages_;
  std::unordered_map<std::string, std::size_t> by_referer_;  // page URL without fragment -> pages_ index
};

}  // namespace

extern const CheckDescriptor kTransportMixedContentCheck;  // listed in checks/registry.cc
const CheckDescriptor kTransportMixedContentCheck{"transport.mixed-content", CheckInput::kExchangesWithUrl, &MakeCheck<TransportMixedContent>};

}  // namespace portal_check
