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
// Only assets of the page's own site count (Url::SameSite against the page URL; relative URLs
// always do): a /wp-content/ image hot-linked from another site says nothing about this one.
// Only URLs of the product's own files carry its version (the table names them: WordPress's
// wp-emoji-release.min.js, block-library CSS, ...; never /wp-includes/js/jquery/jquery.js, whose
// ?ver= is jQuery's, nor a plugin's URL).
// Further version sources of the table:
//  - "html_versions": patterns over inline scripts and comments ("wp-emoji-release.min.js?ver={v}"
//    in WordPress's emoji settings);
//  - "build_versions" ({contains, pattern}): a 4-digit build number ABCD in asset URLs, read as
//    version A.B.CD (Liferay's b=6201 → 6.2.1; its ReleaseInfo build numbers are so made);
//  - "version_lines" ({assets | html: literals that must all occur, version}): markers that only
//    one release line has (Drupal 7's Drupal.settings with ajaxPageState, Joomla 3's /media/jui/,
//    Magento 1's /skin/frontend/): the version is that line ("7"), from source "marker".
// Version precedence per product: generator, header, asset URL, html, build, marker.
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
#include "checks/support/page_links.h"
#include "checks/audit_context.h"
#include "normalize/form_model.h"
#include "normalize/page_model.h"
#include "normalize/semver.h"
#include "normalize/url.h"
#include "normalize/version_pattern.h"
#include "util/needle_index.h"
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
  std::size_t contains_id = 0;  // `contains` in CmsTable::asset_literals
};

// A marker that only one release line shows: every literal must occur (assets: in one same-site
// asset URL, lower-case; html: in one inline script or comment, case-sensitive).
struct VersionLine {
  std::vector<std::string> assets, html;
  std::string version;
  std::vector<std::size_t> asset_ids;  // `assets` in CmsTable::asset_literals
};

struct Product {
  std::string name, title, oldest_supported, source;
  std::vector<VersionPattern> generator;  // lower-case
  std::vector<HeaderMarker> headers;
  std::vector<std::string> assets;        // lower-case
  std::vector<std::size_t> asset_ids;     // `assets` in CmsTable::asset_literals
  std::vector<AssetVersion> asset_versions;
  std::vector<VersionPattern> html_versions;
  std::vector<AssetVersion> build_versions;
  std::vector<VersionLine> version_lines;
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

std::vector<AssetVersion> AssetVersions(const json::Value& row, std::string_view key) {
  std::vector<AssetVersion> out;
  if (const json::Array* avs = json::FindArray(row, key))
    for (const json::Value& av : *avs) {
      const std::string contains = Str(av, "contains"), pattern = Str(av, "pattern");
      if (!contains.empty() && !pattern.empty()) out.push_back({text::Lower(contains), VersionPattern(pattern, true), 0});
    }
  return out;
}

// "A.B.CD" for a 4-digit build number "ABCD" ("6201" → "6.2.1", "7413" → "7.4.13"); "" otherwise.
std::string VersionOfBuild(std::string_view build) {
  if (build.size() != 4) return "";
  for (char c : build)
    if (c < '0' || c > '9') return "";
  const int patch = (build[2] - '0') * 10 + (build[3] - '0');
  return std::string(1, build[0]) + "." + std::string(1, build[1]) + "." + std::to_string(patch);
}

// The products of data list "cms".
std::vector<Product> BuildProducts(const DataLists& lists) {
  std::vector<Product> out;
  const json::Array* rows = json::FindArray(lists.Data("cms"), "products");
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
    p.asset_versions = AssetVersions(row, "asset_versions");
    p.build_versions = AssetVersions(row, "build_versions");
    for (const std::string& h : Strings(row, "html_versions")) p.html_versions.emplace_back(h, false);
    if (const json::Array* lines = json::FindArray(row, "version_lines"))
      for (const json::Value& l : *lines) {
        VersionLine line{Strings(l, "assets"), Strings(l, "html"), Str(l, "version"), {}};
        for (std::string& a : line.assets) a = text::Lower(a);
        if (!line.version.empty() && (!line.assets.empty() || !line.html.empty())) p.version_lines.push_back(std::move(line));
      }
    p.html = Strings(row, "html");
    out.push_back(std::move(p));
  }
  return out;
}

// The products, and every literal they look for in asset URLs as one index: one pass over a
// page's assets tells which literals occur in any of them (PageFacts::asset_literal_seen), and the
// per-asset searches run only for those.
struct CmsTable {
  std::vector<Product> products;
  NeedleIndex asset_literals;  // each distinct literal once, lower-case
};

// The table of data list "cms" (read once per ruleset through Compiled).
CmsTable BuildTable(const DataLists& lists) {
  CmsTable t;
  t.products = BuildProducts(lists);
  auto id_of = [&t](std::string_view literal) {
    for (std::size_t i = 0; i < t.asset_literals.size(); ++i)
      if (t.asset_literals.needle(i) == literal) return i;
    return t.asset_literals.Add(literal);
  };
  for (Product& p : t.products) {
    for (const std::string& a : p.assets) p.asset_ids.push_back(id_of(a));
    for (AssetVersion& av : p.asset_versions) av.contains_id = id_of(av.contains);
    for (AssetVersion& bv : p.build_versions) bv.contains_id = id_of(bv.contains);
    for (VersionLine& line : p.version_lines)
      for (const std::string& a : line.assets) line.asset_ids.push_back(id_of(a));
  }
  return t;
}

constexpr std::size_t kMaxAssets = 2000;

// What one page shows, read once.
struct PageFacts {
  std::vector<std::string> generators;  // lower-case
  std::vector<std::string> assets;      // lower-case URL text
  // By CmsTable::asset_literals index: whether that literal occurs in some asset.
  std::vector<char> asset_literal_seen;
  std::vector<std::string_view> texts;  // inline scripts and comments
};

// Whether literal `id` of CmsTable::asset_literals occurs in some asset of `f`.
bool InSomeAsset(const PageFacts& f, std::size_t id) { return f.asset_literal_seen[id] != 0; }

// Whether asset reference `ref` of a page at `base` (the document base URL) is on the page's own
// site (`page_site`); always true without a page URL.
bool SameSiteAsset(std::string_view ref, const std::optional<Url>& base, const std::string& page_site) {
  if (!base || page_links::IsHostRelative(ref)) return true;
  const std::optional<Url> u = base->Resolve(ref);
  return !u || !u->IsHttpOrHttps() || u->Site() == page_site;
}

PageFacts ReadFacts(const PageModel& page, const std::optional<Url>& page_url, const NeedleIndex& asset_literals) {
  PageFacts f;
  const std::optional<Url> base = page_url ? std::optional<Url>(DocumentBase(page, *page_url)) : std::nullopt;
  const std::string page_site = page_url ? page_url->Site() : std::string();
  for (const HtmlElement& el : page.elements()) {
    if (el.tag == "meta"sv) {
      const std::string* name = el.Attr("name");
      const std::string* content = el.Attr("content");
      if (name && content && text::EqualsIgnoreCase(text::Trim(*name), "generator")) f.generators.push_back(text::Lower(*content));
    } else if (el.tag == "script"sv || el.tag == "link"sv || el.tag == "img"sv || el.tag == "iframe"sv || el.tag == "form"sv) {
      for (std::string_view attr : {"src", "href", "action"})
        if (const std::string* v = el.Attr(attr); v && f.assets.size() < kMaxAssets && SameSiteAsset(*v, base, page_site))
          f.assets.push_back(text::Lower(*v));
      if (el.tag == "script"sv && !el.HasAttr("src") && !el.text.empty()) f.texts.push_back(el.text);
    }
  }
  for (const HtmlComment& c : page.comments()) f.texts.push_back(c.text);
  f.asset_literal_seen.assign(asset_literals.size(), 0);
  for (const std::string& a : f.assets)
    asset_literals.Scan(a, [&f](std::size_t id, std::size_t) {
      f.asset_literal_seen[id] = 1;
      return true;
    });
  return f;
}

struct Finding {
  const Product* product;
  std::vector<std::string> markers;
  std::string version, version_source;
};

// True when every literal of `all` occurs in `text`.
bool AllIn(std::string_view text, const std::vector<std::string>& all) {
  for (const std::string& lit : all)
    if (text.find(lit) == std::string_view::npos) return false;
  return true;
}

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
  // Each asset literal is first looked for in all assets at once (InSomeAsset): most occur in none.
  for (std::size_t i = 0; i < p.assets.size(); ++i) {
    const std::string& marker = p.assets[i];
    if (!InSomeAsset(f, p.asset_ids[i])) continue;
    for (const std::string& a : f.assets)
      if (a.find(marker) != std::string::npos) {
        out.markers.push_back("asset:" + marker);
        break;
      }
  }
  for (const AssetVersion& av : p.asset_versions) {
    if (!InSomeAsset(f, av.contains_id)) continue;
    for (const std::string& a : f.assets)
      if (a.find(av.contains) != std::string::npos)
        if (auto m = av.pattern.Find(a, true)) {
          set_version(m->version, "asset");
          break;
        }
  }
  for (const VersionPattern& pat : p.html_versions)
    for (std::string_view t : f.texts)
      if (auto m = pat.Find(t, true)) {
        set_version(m->version, "html");
        break;
      }
  for (const AssetVersion& bv : p.build_versions) {
    if (!InSomeAsset(f, bv.contains_id)) continue;
    for (const std::string& a : f.assets)
      if (a.find(bv.contains) != std::string::npos)
        if (auto m = bv.pattern.Find(a, false); m && !VersionOfBuild(m->version).empty()) {
          out.markers.push_back("build:" + m->version);
          set_version(VersionOfBuild(m->version), "build");
          break;
        }
  }
  for (const VersionLine& line : p.version_lines) {
    const std::string* marker = nullptr;
    const bool all_in_some = !line.assets.empty() &&
                             std::all_of(line.asset_ids.begin(), line.asset_ids.end(), [&f](std::size_t id) { return InSomeAsset(f, id); });
    for (const std::string& a : f.assets)
      if (all_in_some && AllIn(a, line.assets)) {
        marker = &line.assets.front();
        break;
      }
    for (std::string_view t : f.texts)
      if (!marker && !line.html.empty() && AllIn(t, line.html)) {
        marker = &line.html.front();
        break;
      }
    if (!marker) continue;
    out.markers.push_back("line:" + *marker);
    set_version(line.version, "marker");
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
    const CmsTable& table = ctx.Compiled(&BuildTable);
    const PageFacts facts = ReadFacts(*view.page, view.url, table.asset_literals);
    CheckResult r = PageResult(view);
    bool outdated = false, current = false;
    DetailList found;
    for (const Product& p : table.products) {
      std::optional<Finding> f = Recognise(p, facts, view.exchange.response_headers);
      if (!f) continue;
      Details o;
      o.Str("product", p.name);
      o.Str("title", p.title);
      o.Set("version", f->version.empty() ? json::Value() : json::Str(text::SafeUtf8(f->version, 64)));
      if (!f->version.empty()) o.Str("version_source", f->version_source);
      o.Str("oldest_supported", p.oldest_supported);
      DetailList markers;
      for (const std::string& m : f->markers) markers.Str(m, 128);
      o.Set("markers", markers);
      std::optional<semver::Version> v = semver::Parse(f->version), oldest = semver::Parse(p.oldest_supported);
      if (v && oldest) {
        const bool old = semver::Compare(*v, *oldest) < 0;
        o.Bool("supported", !old);
        (old ? outdated : current) = true;
      }
      found.Add(o);
    }
    r.outcome = outdated ? "outdated" : current ? "current" : found.empty() ? "none" : "unknown-version";
    r.details.Set("products", found);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPageCmsCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageCmsCheck{"page.cms", CheckInput::kPages, &MakeCheck<CmsCheck>};

}  // namespace portal_check
