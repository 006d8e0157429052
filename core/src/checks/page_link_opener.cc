// page.link-opener: links that open another origin in a new browsing context must not hand it
// window.opener (reverse tabnabbing: the opened page can navigate the portal's tab to a phishing
// copy).
//
// A link is an <a> or <area> with an href resolving (against the page URL or <base href>) to an
// http(s) URL of another origin, and a target that opens a new context: "_blank" (ASCII
// case-insensitive) or a name other than _self/_parent/_top that no <iframe>/<frame name> of the
// page carries. It is protected when its rel holds noopener or noreferrer, and not protected when
// rel holds "opener" (which asks for the opener explicitly). Browsers since 2021 imply noopener
// for target=_blank, but not for named targets, and older browsers (still common on government
// office machines) imply nothing, so the check follows ZAP 10108 and webhint disown-opener.
// Outcomes: missing-noopener (any unprotected link), ok (links, all protected), not-applicable
// (no such link). Details: "unprotected" (at most 20: url, target, rel), "unprotected_count",
// "protected_count".
#include <memory>
#include <set>
#include <string>
#include <string_view>

#include "checks/check.h"
#include "checks/support/page_links.h"
#include "evidence/limits.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {

using namespace std::string_view_literals;  // tag and attribute names compare size first
namespace {

constexpr std::size_t kMaxListed = 20;

// True when `target` opens a new browsing context (see the file comment).
bool OpensNewContext(std::string_view target, const std::set<std::string>& frame_names) {
  target = text::Trim(target);
  if (target.empty()) return false;
  if (text::EqualsIgnoreCase(target, "_blank")) return true;
  if (text::EqualsIgnoreCase(target, "_self") || text::EqualsIgnoreCase(target, "_parent") ||
      text::EqualsIgnoreCase(target, "_top"))
    return false;
  return frame_names.count(std::string(target)) == 0;
}

class LinkOpenerCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const PageModel& page = *view.page;
    std::set<std::string> frame_names;
    for (const HtmlElement& e : page.elements())
      if ((e.tag == "iframe"sv || e.tag == "frame"sv) && e.Attr("name")) frame_names.insert(*e.Attr("name"));
    const Url base = page_links::BaseUrl(page, *view.url);
    DetailList unprotected;
    std::size_t bad = 0, good = 0;
    for (const HtmlElement& e : page.elements()) {
      if (e.tag != "a"sv && e.tag != "area"sv) continue;
      const std::string* target = e.Attr("target");
      if (target == nullptr || !OpensNewContext(*target, frame_names)) continue;
      const std::optional<Url> u = page_links::ResolveAttr(base, e.Attr("href"));
      if (!u || !u->IsHttpOrHttps() || u->SameOrigin(*view.url)) continue;
      const std::string* rel = e.Attr("rel");
      const bool safe = (page_links::HasToken(rel, "noopener") || page_links::HasToken(rel, "noreferrer")) &&
                        !page_links::HasToken(rel, "opener");
      if (safe) {
        ++good;
        continue;
      }
      if (++bad > kMaxListed) continue;
      Details o;
      o.Str("url", u->href(), limits::kMaxUrlBytes);
      o.Str("target", *target, 64);
      o.Set("rel", rel ? json::Str(text::SafeUtf8(*rel, 128)) : json::Value());
      unprotected.Add(std::move(o));
    }
    CheckResult r = PageResult(view);
    r.outcome = bad ? "missing-noopener" : good ? "ok" : "not-applicable";
    if (!bad && !good) r.details.Str("reason", "no link opens another origin in a new window");
    r.details.Set("unprotected", std::move(unprotected));
    r.details.Int("unprotected_count", static_cast<std::int64_t>(bad));
    r.details.Int("protected_count", static_cast<std::int64_t>(good));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPageLinkOpenerCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageLinkOpenerCheck{"page.link-opener", CheckInput::kPagesWithUrl, &MakeCheck<LinkOpenerCheck>};

}  // namespace portal_check
