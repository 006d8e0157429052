// page.vulnerable-library: JavaScript libraries each page uses, their versions, and the advisories
// that affect them (rules/data/js-libraries.json detects; rules/data/js-advisories.json, generated
// from retire.js, and rules/data/js-advisories-supplement.json advise: checks/support/js_libraries.h).
//
// Evidence, per page: the URL of each <script src> (resolved against <base href> and the page
// URL), the text of each inline <script> (as the page model keeps it: the first 64 KiB), and the
// body of every script response in the HAR (JavaScript MIME type or `_resourceType` script, 2xx)
// whose URL a page references. A script may arrive before or after its page, so script
// detections are kept in a map URL → detections and every page's result is emitted at OnFinish.
// Bounds: kMaxPages pages, kMaxScriptsPerPage script URLs per page, kMaxScriptUrls script
// responses, JsLibraryTable::kMaxPerScript libraries per script, kMaxReported libraries per page.
//
// Per script a library's version from the script's body wins over one from its URL. A library
// recognised without a version is dropped when the same page shows a version of it elsewhere.
// Outcomes: vulnerable (some library's version is in an advisory's range; details carry each
// advisory's own severity and the library's worst), unknown-version (a library is recognised but
// its version is not), none (no library, or only versions without known advisories).
// Details: "libraries" (per library: library, title, version, source, detection — "file content",
// "URL" or "inline" —, url, severity, advisories with id, ids, severity, fixed, summary, urls) and
// "advisory_data" (the date and source of the advisory data the verdict rests on).
#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/support/js_libraries.h"
#include "checks/audit_context.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxPages = 2000;
constexpr std::size_t kMaxScriptsPerPage = 256;
constexpr std::size_t kMaxScriptUrls = 4096;
constexpr std::size_t kMaxReported = 64;

bool IsScriptResponse(const Exchange& e) {
  if (e.status < 200 || e.status >= 300 || e.body.empty()) return false;
  return e.IsScript();
}

struct PageRecord {
  std::string url;
  std::vector<std::string> scripts;    // resolved script URLs, in document order
  std::vector<JsDetection> direct;     // from script URLs and inline scripts
};

// The library table of data lists "js-libraries", "js-advisories" and "js-advisories-supplement"
// (read once per ruleset through Compiled; detections point into it until the audit ends).
JsLibraryTable BuildTable(const DataLists& lists) {
  return JsLibraryTable::FromData(lists.Data("js-libraries"), lists.Data("js-advisories"), lists.Data("js-advisories-supplement"));
}

class VulnerableLibraryCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink&) override {
    const JsLibraryTable& table = ctx.Compiled(&BuildTable);
    if (view.page != nullptr) {
      if (pages_.size() < kMaxPages) pages_.push_back(ReadPage(view, table));
      return;
    }
    if (view.url && IsScriptResponse(view.exchange) && bodies_.size() < kMaxScriptUrls &&
        bodies_.count(view.url->href()) == 0) {
      bodies_[view.url->href()] = table.DetectInBody(view.exchange.body, "banner", view.url->href());
    }
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override {
    for (const PageRecord& page : pages_) out.Emit(Judge(page, ctx.Compiled(&BuildTable)));
  }

 private:
  PageRecord ReadPage(const ExchangeView& view, const JsLibraryTable& table) const {
    PageRecord rec;
    rec.url = view.exchange.url;
    std::optional<Url> base = view.url;
    if (base && !view.page->base_href().empty())
      if (std::optional<Url> b = base->Resolve(view.page->base_href())) base = b;
    for (int i : view.page->ElementsWithTag("script")) {
      const HtmlElement& el = view.page->elements()[static_cast<std::size_t>(i)];
      if (const std::string* src = el.Attr("src")) {
        if (!base || rec.scripts.size() >= kMaxScriptsPerPage) continue;
        std::optional<Url> u = base->Resolve(*src);
        if (!u || !u->IsHttpOrHttps()) continue;
        rec.scripts.push_back(u->href());
        for (JsDetection& d : table.DetectInUrl(*u)) rec.direct.push_back(std::move(d));
      } else if (!el.text.empty()) {
        for (JsDetection& d : table.DetectInBody(el.text, "inline", "")) rec.direct.push_back(std::move(d));
      }
    }
    return rec;
  }

  // Every detection of the page: per script URL the body's detection of a library wins over the
  // URL's; then duplicates (library, version) and versionless repeats are dropped.
  std::vector<JsDetection> Collect(const PageRecord& page) const {
    std::vector<JsDetection> all;
    std::set<std::pair<std::string, const JsLibrary*>> from_body;
    for (const std::string& s : page.scripts) {
      auto it = bodies_.find(s);
      if (it == bodies_.end()) continue;
      for (const JsDetection& d : it->second) {
        if (!from_body.insert({s, d.library}).second) continue;
        all.push_back(d);
      }
    }
    for (const JsDetection& d : page.direct) {
      if (d.source == "url" && from_body.count({d.url, d.library}) > 0) {
        // The body named no version: keep the URL's version if it has one.
        for (JsDetection& b : all)
          if (b.url == d.url && b.library == d.library && b.version.empty()) b.version = d.version;
        continue;
      }
      all.push_back(d);
    }
    std::set<const JsLibrary*> versioned;
    for (const JsDetection& d : all)
      if (!d.version.empty()) versioned.insert(d.library);
    std::vector<JsDetection> kept;
    std::set<std::pair<const JsLibrary*, std::string>> seen;
    for (const JsDetection& d : all) {
      if (d.version.empty() && versioned.count(d.library) > 0) continue;
      if (!seen.insert({d.library, d.version}).second) continue;
      kept.push_back(d);
    }
    std::stable_sort(kept.begin(), kept.end(), [](const JsDetection& a, const JsDetection& b) {
      return a.library->name != b.library->name ? a.library->name < b.library->name : a.version < b.version;
    });
    if (kept.size() > kMaxReported) kept.resize(kMaxReported);
    return kept;
  }

  CheckResult Judge(const PageRecord& page, const JsLibraryTable& table) const {
    CheckResult r = PageResult(page.url);
    bool vulnerable = false, unknown = false;
    int worst_page = 0;
    std::string worst_page_name;
    DetailList libs;
    for (const JsDetection& d : Collect(page)) {
      Details lib;
      lib.Str("library", d.library->name);
      lib.Str("title", d.library->title);
      lib.Set("version", d.version.empty() ? json::Value() : json::Str(text::SafeUtf8(d.version, 64)));
      lib.Str("source", d.source);
      lib.Str("detection", d.source == "url" ? "URL" : (d.source == "inline" ? "inline" : "file content"));
      if (!d.url.empty()) lib.Str("url", d.url, 512);
      DetailList advisories;
      int worst = 0;
      std::string worst_name;
      for (const JsAdvisory* a : JsLibraryTable::Affecting(*d.library, d.version)) {
        Details adv;
        adv.Str("id", a->id);
        DetailList ids, urls;
        for (const std::string& id : a->ids) ids.Str(id);
        for (const std::string& u : a->urls) urls.Str(u);
        adv.Set("ids", ids);
        adv.Str("severity", a->severity);
        adv.Str("fixed", a->fixed);
        if (!a->summary.empty()) adv.Str("summary", a->summary);
        adv.Set("urls", urls);
        advisories.Add(adv);
        if (SeverityRank(a->severity) > worst) {
          worst = SeverityRank(a->severity);
          worst_name = a->severity;
        }
      }
      if (!advisories.empty()) {
        vulnerable = true;
        lib.Str("severity", worst_name);
      }
      if (d.version.empty()) unknown = true;
      if (worst > worst_page) {
        worst_page = worst;
        worst_page_name = worst_name;
      }
      lib.Set("advisories", advisories);
      libs.Add(lib);
    }
    r.outcome = vulnerable ? "vulnerable" : (unknown ? "unknown-version" : "none");
    r.details.Set("libraries", libs);
    Details data;
    data.Set("date", table.data_date().empty() ? json::Value() : json::Str(table.data_date()));
    data.Set("source", table.data_source().empty() ? json::Value() : json::Str(table.data_source()));
    r.details.Set("advisory_data", data);
    if (vulnerable) r.details.Str("worst_severity", worst_page_name);
    return r;
  }

  std::vector<PageRecord> pages_;
  std::map<std::string, std::vector<JsDetection>> bodies_;
};

}  // namespace

extern const CheckDescriptor kPageVulnerableLibraryCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageVulnerableLibraryCheck{"page.vulnerable-library", CheckInput::kEveryExchange, &MakeCheck<VulnerableLibraryCheck>};

}  // namespace portal_check
