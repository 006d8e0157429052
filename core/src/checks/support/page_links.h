// Helpers shared by the page.* checks over links and resources (sri, third-party, link-opener,
// protocol-relative, privacy-policy, contact, label-badge): URL resolution against a page,
// link labels and folded phrase matching. Internal to checks/; every scanner here is linear.
#ifndef PORTAL_CHECK_CHECKS_SUPPORT_PAGE_LINKS_H_
#define PORTAL_CHECK_CHECKS_SUPPORT_PAGE_LINKS_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "normalize/page_model.h"
#include "normalize/url.h"

namespace portal_check {

class DataLists;

namespace page_links {

// The URL relative references of `page` resolve against: its <base href> resolved against
// `page_url` when that parses, else `page_url` itself.
Url BaseUrl(const PageModel& page, const Url& page_url);

// `reference` (an attribute value) resolved against `base`; nullopt when the value is absent,
// blank or unparsable.
std::optional<Url> ResolveAttr(const Url& base, const std::string* reference);

// True when `reference` (an attribute value) has neither a scheme nor an authority ("a/b", "/x",
// "?q", "#f", ""): whenever Url::Resolve resolves it, the result keeps the base URL's scheme, host
// and port. Conservative: false for anything that might carry a scheme or an authority (read as
// Url::Resolve reads it: trimmed, '\\' as '/').
bool IsHostRelative(std::string_view reference);

// True when the white-space separated token list `value` (a rel attribute) holds `token`
// (ASCII case-insensitive). nullptr holds nothing.
bool HasToken(const std::string* value, std::string_view token);

// One <a> or <area> of a page whose href resolves (ResolveAttr against BaseUrl) to an http(s) URL.
struct WebLink {
  std::size_t index = 0;  // into page.elements()
  Url url;                // the resolved href
  std::string label;      // FoldedLabel(page, index)
};

// Every WebLink of `page` (at `page_url`), in document order. Read through SharedWebLinks
// (checks/support/page_derived.h): privacy-policy and contact read the same links.
std::vector<WebLink> WebLinks(const PageModel& page, const Url& page_url);

// The text a visitor reads for element `index` (an <a>): its text, title, aria-label and the alt
// and title of the <img> elements inside it, joined by spaces and folded with
// vietnamese::FoldForMatch. REQUIRES: index < page.elements().size().
std::string FoldedLabel(const PageModel& page, std::size_t index);

// Calls `fn(i)` for each element index i inside element `index` (its descendants, in document
// order). REQUIRES: index < page.elements().size().
template <typename Fn>
void ForEachDescendant(const PageModel& page, std::size_t index, Fn fn) {
  const std::vector<HtmlElement>& all = page.elements();
  const int depth = all[index].depth;
  for (std::size_t i = index + 1; i < all.size() && all[i].depth > depth; ++i) fn(i);
}

// The strings of data list `name`'s member `key`, each folded with vietnamese::FoldForMatch;
// empty strings dropped.
std::vector<std::string> FoldedData(const DataLists& lists, std::string_view name, std::string_view key);

// The privacy-policy link phrases of data list "privacy-phrases" (FoldedData of "link_text" and
// "href_parts"), as page.privacy-policy and form.personal-data-consent match links with; read once
// once per ruleset through lists.Compiled(&BuildPrivacyPhrases).
struct PrivacyPhrases {
  std::vector<std::string> link_text, href_parts;
};
PrivacyPhrases BuildPrivacyPhrases(const DataLists& lists);

// The first phrase of `folded_phrases` found inside `folded_text`, or nullptr.
const std::string* FindAny(std::string_view folded_text, const std::vector<std::string>& folded_phrases);

// True when `host` equals `domain` or is a subdomain of it (both lower-case ASCII).
bool HostIsOrUnder(std::string_view host, std::string_view domain);

// "scheme://host" plus ":port" when the port is not the scheme's default.
std::string DisplayOrigin(const Url& url);

// The URL without its fragment.
std::string WithoutFragment(std::string_view url);

// Keeps the judgement of the audit's home page until OnFinish, for checks that judge only it
// (page.privacy-policy, page.contact): the primary page (ExchangeView::is_primary_page) when the
// audit has one, else the first page, as the header grade picks its page. Every other page gets
// not-applicable.
class HomePageJudgement {
 public:
  // True when `view` (a page) may be the judged page: the check then builds its result and hands
  // it to Keep(). False for the other pages: the check emits not-applicable for them.
  bool Candidate(const ExchangeView& view) const {
    return view.page != nullptr && (view.is_primary_page || (!primary_ && !first_));
  }
  // Keeps `r`, the judgement of `view`. REQUIRES: Candidate(view).
  void Keep(const ExchangeView& view, CheckResult r) { (view.is_primary_page ? primary_ : first_) = std::move(r); }
  // The kept judgement that will be emitted (the primary page's, else the first page's), or nullptr.
  CheckResult* Judged() { return primary_ ? &*primary_ : first_ ? &*first_ : nullptr; }
  // Emits the judged result and, when a primary page came after a first page that was kept, a
  // not-applicable with `reason` for that first page.
  void Finish(ResultSink& out, const std::string& reason);

 private:
  std::optional<CheckResult> primary_, first_;
};

}  // namespace page_links
}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_SUPPORT_PAGE_LINKS_H_
