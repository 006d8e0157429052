// page.label-badge: a Tín Nhiệm Mạng (NCSC trust label) badge, when a page shows one, must be the
// badge issued to this very site. A badge copied from another site is a fraud indicator.
//
// The badge NCSC hands out (as seen on labelled sites) is
//   <a href="https://tinnhiemmang.vn/danh-ba-tin-nhiem/<slug>-<unix time>" title="Chung nhan Tin
//      Nhiem Mang" target="_blank"><img src="https://tinnhiemmang.vn/handle_cert?id=<host>"></a>
// where <slug> is the labelled host with its dots removed (ctict.cantho.gov.vn →
// "ctictcanthogovvn", www.thegioididong.com → "thegioididongcom") and the image is drawn for the
// host named by `id`. Sites often copy the image locally (handle_cert.png) or lazy-load it
// (data-src, <picture><source srcset>); those variants are accepted.
//
// On every page (each judged against its own host), references are resolved against the page URL
// or <base href>; host tinnhiemmang.vn or www.tinnhiemmang.vn:
//   - a badge link: an <a> to that host whose path is under /danh-ba-tin-nhiem/, or that holds an
//     <img>, or whose label holds "chung nhan" (folded). Valid when https, under
//     /danh-ba-tin-nhiem/ with a slug, and the slug (without its "-<digits>" suffix, letters and
//     digits only) equals the page host's letters and digits, with or without a leading "www".
//     Otherwise mismatch: link-not-https, link-not-directory-entry or slug-names-other-site.
//   - a badge image: src, data-src, data-original, data-lazy-src or srcset candidates of <img>
//     and <source> whose path holds "handle_cert". Its `id` query parameter (also "host" or
//     "domain"; a URL is reduced to its host) must equal the page host, ignoring case, a trailing
//     dot and a leading "www." on either side: otherwise mismatch (id-names-other-site). An image
//     without id (a generic logo) only counts as presence.
// Outcomes: absent (no badge link or image), valid, mismatch. Details: "host", "links" and
// "images" (at most 10 each: url, status, and the id or slug read).
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_links.h"
#include "evidence/limits.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {

using namespace std::string_view_literals;  // tag and attribute names compare size first
namespace {

constexpr std::size_t kMaxListed = 10;
constexpr char kDirectory[] = "/danh-ba-tin-nhiem/";

bool IsLabelHost(const Url& u) { return u.host() == "tinnhiemmang.vn" || u.host() == "www.tinnhiemmang.vn"; }

// Lower-case host without a trailing dot and a leading "www.".
std::string BareHost(std::string_view host) {
  std::string h = text::Lower(text::Trim(host));
  while (!h.empty() && h.back() == '.') h.pop_back();
  if (h.rfind("www.", 0) == 0) h.erase(0, 4);
  return h;
}

std::string AlnumOnly(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c >= 'A' && c <= 'Z') out.push_back(static_cast<char>(c - 'A' + 'a'));
    else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out.push_back(c);
  }
  return out;
}

// The host an image's query names (id, host or domain parameter), or "" when none.
std::string NamedHost(std::string_view query) {
  for (std::string_view pair : text::Split(query, '&')) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    const std::string key = text::Lower(pair.substr(0, eq));
    if (key != "id" && key != "host" && key != "domain") continue;
    std::string value(text::Trim(*text::FormDecode(pair.substr(eq + 1))));
    if (value.find("://") != std::string::npos) {
      if (std::optional<Url> u = Url::Parse(value)) value = u->host();
    }
    value = value.substr(0, value.find('/'));
    if (!value.empty()) return value;
  }
  return "";
}

struct Verdict {
  DetailList links, images;
  std::size_t badges = 0, mismatches = 0;
};

// Lists {url, status, and `read_key`: `read` when not empty} in `list` unless it holds kMaxListed.
void List(DetailList& list, const Url& u, const std::string& status, const char* read_key, const std::string& read) {
  if (list.size() >= kMaxListed) return;
  Details o;
  o.Str("url", u.href(), limits::kMaxUrlBytes);
  o.Str("status", status);
  if (!read.empty()) o.Str(read_key, read, 256);
  list.Add(o);
}

void AddLink(const Url& u, const std::string& host, Verdict& v) {
  ++v.badges;
  std::string status = "valid";
  std::string slug;
  if (u.path().rfind(kDirectory, 0) == 0) slug = u.path().substr(sizeof(kDirectory) - 1);
  slug = slug.substr(0, slug.find('/'));
  std::string_view name = slug;
  const std::size_t dash = name.rfind('-');
  if (dash != std::string_view::npos && text::IsDigits(name.substr(dash + 1))) name = name.substr(0, dash);
  const std::string want = AlnumOnly(BareHost(host)), want_www = "www" + want;
  if (!u.IsHttps()) status = "link-not-https";
  else if (name.empty()) status = "link-not-directory-entry";
  else if (AlnumOnly(name) != want && AlnumOnly(name) != want_www)
    status = "slug-names-other-site";
  if (status != "valid") ++v.mismatches;
  List(v.links, u, status, "slug", slug);
}

void AddImage(const Url& u, const std::string& host, Verdict& v) {
  ++v.badges;
  const std::string named = NamedHost(u.query());
  std::string status = named.empty() ? "no-id" : BareHost(named) == BareHost(host) ? "valid" : "id-names-other-site";
  if (status == "id-names-other-site") ++v.mismatches;
  List(v.images, u, status, "id", named);
}

class LabelBadgeCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const PageModel& page = *view.page;
    const Url base = page_links::BaseUrl(page, *view.url);
    const std::string& host = view.url->host();
    Verdict v;
    std::string seen_image;  // the last image URL added (lazy images repeat it in src and data-src)
    // A reference resolves to a label host only when its own authority names one (so its text holds
    // the name) or when it has none and the base URL is on a label host: skip resolving the others.
    const bool base_is_label = IsLabelHost(base);
    auto may_name_label = [&](std::string_view ref) {
      return base_is_label || text::ContainsIgnoreCase(ref, "tinnhiemmang.vn");
    };
    auto image = [&](std::string_view ref) {
      if (!may_name_label(ref)) return;
      const std::string r(ref);
      const std::optional<Url> u = page_links::ResolveAttr(base, &r);
      if (!u || !IsLabelHost(*u) || u->path().find("handle_cert") == std::string::npos || u->href() == seen_image) return;
      seen_image = u->href();
      AddImage(*u, host, v);
    };
    for (std::size_t i = 0; i < page.elements().size(); ++i) {
      const HtmlElement& e = page.elements()[i];
      if (e.tag == "a"sv) {
        const std::string* href = e.Attr("href");
        if (href == nullptr || !may_name_label(*href)) continue;
        const std::optional<Url> u = page_links::ResolveAttr(base, href);
        if (!u || !IsLabelHost(*u)) continue;
        bool has_image = false;
        page_links::ForEachDescendant(page, i, [&](std::size_t d) {
          has_image = has_image || page.elements()[d].tag == "img"sv;
        });
        if (u->path().rfind(kDirectory, 0) == 0 || has_image ||
            page_links::FoldedLabel(page, i).find("chung nhan") != std::string::npos)
          AddLink(*u, host, v);
      } else if (e.tag == "img"sv || e.tag == "source"sv) {
        for (const char* attr : {"src", "data-src", "data-original", "data-lazy-src"})
          if (const std::string* s = e.Attr(attr)) image(*s);
        if (const std::string* srcset = e.Attr("srcset"); srcset && may_name_label(*srcset))
          for (std::string_view candidate : text::Split(*srcset, ',')) {
            const std::vector<std::string_view> parts = text::SplitWhitespace(candidate);
            if (!parts.empty()) image(parts.front());
          }
      }
    }
    CheckResult r = PageResult(view);
    r.outcome = v.badges == 0 ? "absent" : v.mismatches ? "mismatch" : "valid";
    r.details.Str("host", host, 256);
    r.details.Set("links", std::move(v.links));
    r.details.Set("images", std::move(v.images));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPageLabelBadgeCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageLabelBadgeCheck{"page.label-badge", CheckInput::kPagesWithUrl, &MakeCheck<LabelBadgeCheck>};

}  // namespace portal_check
