// page.cms: which CMS or portal platform serves each page, its version, and whether that version
// is still supported (rules/data/cms.json: markers per product and the oldest supported release
// as of the table's date).
//
// Evidence, per page: <meta name="generator"> contents, response headers named by the table
// (X-Generator, Liferay-Portal, MicrosoftSharePointTeamServices, …), asset markers in the src/href
// of <script>, <link>, <img>, <iframe> and <form action> (lower-cased URL text contains the marker),
// versions in those asset URLs (an "asset_versions" row: URLs containing `contains` matched with
// `pattern`), and literal markers in inline scripts and comments. Generator and header patterns
// match case-insensitively; a version needs no dot there ("Drupal 7").
// Version precedence per product: generator, then header, then asset URL.
// Outcomes: outdated (a product's version is older than its oldest supported release), current
// (a version at or above it), unknown-version (recognised, no version), none (nothing recognised).
// With several products the worst wins: outdated, current, unknown-version.
#include <algorithm>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/factories.h"
#include "engine/audit_context.h"
#include "normalize/page_model.h"
#include "normalize/semver.h"
#include "normalize/version_pattern.h"
#include "util/text.h"

namespace portal_check {

using namespace std::string_view_literals;  // tag and attribute names compare size first
namespace {

struct HeaderMarker {
  std::string name;
  std::optional<VersionPattern> pattern;  // nullopt: the header's presence is the marker
};

struct AssetVersion {
  std::string contains;  // lower-case
  VersionPattern pattern;
};

struct Product {
  std::string name, title, oldest_supported, source;
  std::vector<VersionPattern> generator;  // lower-case
  std::vector<HeaderMarker> headers;
  std::vector<std::string> assets;        // lower-case
  std::vector<AssetVersion> asset_versions;
  std::vector<std::string> html;          // literal, case-sensitive
};

std::string Str(const json::Value& v, std::string_view key) {
  const std::string* s = json::FindString(v, key);
  return s ? *s : std::string();
}

std::vector<std::string> Strings(const json::Value& v, std::string_view key) {
  std::vector<std::string> out;
  if (const json::Array* arr = json::FindArray(v, key))
    for (const json::Value& s : *arr)
      if (s.is<std::string>() && !s.get<std::string>().empty()) out.push_back(s.get<std::string>());
  return out;
}

std::vector<Product> LoadProducts(const json::Value& data) {
  std::vector<Product> out;
  const json::Array* rows = json::FindArray(data, "products");
  if (!rows) return out;
  for (const json::Value& row : *rows) {
    Product p;
    p.name = Str(row, "name");
    if (p.name.empty()) continue;
    p.title = Str(row, "title");
    p.oldest_supported = Str(row, "oldest_supported");
    p.source = Str(row, "source");
    for (const std::string& g : Strings(row, "generator")) p.generator.emplace_back(g, true);
    if (const json::Array* hs = json::FindArray(row, "headers"))
      for (const json::Value& h : *hs) {
        HeaderMarker m{Str(h, "name"), std::nullopt};
        const std::string pattern = Str(h, "pattern");
        if (!pattern.empty()) m.pattern.emplace(pattern, true);
        if (!m.name.empty()) p.headers.push_back(std::move(m));
      }
    for (const std::string& a : Strings(row, "assets")) p.assets.push_back(text::Lower(a));
    if (const json::Array* avs = json::FindArray(row, "asset_versions"))
      for (const json::Value& av : *avs) {
        const std::string contains = Str(av, "contains"), pattern = Str(av, "pattern");
        if (!contains.empty() && !pattern.empty()) p.asset_versions.push_back({text::Lower(contains), VersionPattern(pattern, true)});
      }
    p.html = Strings(row, "html");
    out.push_back(std::move(p));
  }
  return out;
}

constexpr std::size_t kMaxAssets = 2000;

// What one page shows, read once.
struct PageFacts {
  std::vector<std::string> generators;  // lower-case
  std::vector<std::string> assets;      // lower-case URL text
  std::vector<std::string_view> texts;  // inline scripts and comments
};

PageFacts ReadFacts(const PageModel& page) {
  PageFacts f;
  for (const HtmlElement& el : page.elements()) {
    if (el.tag == "meta"sv) {
      const std::string* name = el.Attr("name");
      const std::string* content = el.Attr("content");
      if (name && content && text::EqualsIgnoreCase(text::Trim(*name), "generator")) f.generators.push_back(text::Lower(*content));
    } else if (el.tag == "script"sv || el.tag == "link"sv || el.tag == "img"sv || el.tag == "iframe"sv || el.tag == "form"sv) {
      for (std::string_view attr : {"src", "href", "action"})
        if (const std::string* v = el.Attr(attr); v && f.assets.size() < kMaxAssets) f.assets.push_back(text::Lower(*v));
      if (el.tag == "script"sv && !el.HasAttr("src") && !el.text.empty()) f.texts.push_back(el.text);
    }
  }
  for (const HtmlComment& c : page.comments()) f.texts.push_back(c.text);
  return f;
}

struct Finding {
  const Product* product;
  std::vector<std::string> markers;
  std::string version, version_source;
};

std::optional<Finding> Recognise(const Product& p, const PageFacts& f, const HeaderList& headers) {
  Finding out{&p, {}, "", ""};
  auto set_version = [&](const std::string& v, const char* source) {
    if (out.version.empty() && !v.empty()) {
      out.version = v;
      out.version_source = source;
    }
  };
  for (const std::string& g : f.generators)
    for (const VersionPattern& pat : p.generator)
      if (auto m = pat.Find(g, false)) {
        out.markers.push_back("generator");
        set_version(m->version, "generator");
      }
  for (const HeaderMarker& h : p.headers)
    for (std::string_view value : headers.GetAll(h.name)) {
      if (!h.pattern) {
        out.markers.push_back("header:" + h.name);
        continue;
      }
      if (auto m = h.pattern->Find(text::Lower(value), false)) {
        out.markers.push_back("header:" + h.name);
        set_version(m->version, "header");
      }
    }
  for (const std::string& marker : p.assets)
    for (const std::string& a : f.assets)
      if (a.find(marker) != std::string::npos) {
        out.markers.push_back("asset:" + marker);
        break;
      }
  for (const AssetVersion& av : p.asset_versions)
    for (const std::string& a : f.assets)
      if (a.find(av.contains) != std::string::npos)
        if (auto m = av.pattern.Find(a, true)) {
          set_version(m->version, "asset");
          break;
        }
  for (const std::string& lit : p.html)
    for (std::string_view t : f.texts)
      if (t.find(lit) != std::string_view::npos) {
        out.markers.push_back("html:" + lit);
        break;
      }
  if (out.markers.empty()) return std::nullopt;
  std::vector<std::string> unique;  // several patterns may name the same marker
  for (std::string& m : out.markers)
    if (std::find(unique.begin(), unique.end(), m) == unique.end()) unique.push_back(std::move(m));
  out.markers = std::move(unique);
  return out;
}

class CmsCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (view.page == nullptr) return;
    if (!loaded_) {
      products_ = LoadProducts(ctx.Data("cms"));
      loaded_ = true;
    }
    const PageFacts facts = ReadFacts(*view.page);
    CheckResult r = PageResult(view);
    bool outdated = false, current = false;
    json::Array found;
    for (const Product& p : products_) {
      std::optional<Finding> f = Recognise(p, facts, view.exchange.response_headers);
      if (!f) continue;
      json::Object o;
      o["product"] = json::Str(p.name);
      o["title"] = json::Str(p.title);
      o["version"] = f->version.empty() ? json::Value() : json::Str(text::SafeUtf8(f->version, 64));
      if (!f->version.empty()) o["version_source"] = json::Str(f->version_source);
      o["oldest_supported"] = json::Str(p.oldest_supported);
      json::Array markers;
      for (const std::string& m : f->markers) markers.push_back(json::Str(text::SafeUtf8(m, 128)));
      o["markers"] = json::Value(markers);
      std::optional<semver::Version> v = semver::Parse(f->version), oldest = semver::Parse(p.oldest_supported);
      if (v && oldest) {
        const bool old = semver::Compare(*v, *oldest) < 0;
        o["supported"] = json::Bool(!old);
        (old ? outdated : current) = true;
      }
      found.push_back(json::Value(o));
    }
    r.outcome = outdated ? "outdated" : current ? "current" : found.empty() ? "none" : "unknown-version";
    r.details["products"] = json::Value(found);
    out.Emit(std::move(r));
  }

 private:
  bool loaded_ = false;
  std::vector<Product> products_;
};

}  // namespace

std::unique_ptr<Check> MakePageCmsCheck() { return std::make_unique<CmsCheck>(); }

}  // namespace portal_check
