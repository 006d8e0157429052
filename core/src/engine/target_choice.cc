#include "engine/target_choice.h"

#include "normalize/url.h"
#include "util/text.h"

namespace portal_check {
namespace {

// By scheme only: a browser also navigates to URLs that a strict parser refuses (unencoded
// "<", spaces), and those pages are audited all the same.
bool IsHttpUrl(const Exchange& ex) {
  return text::StartsWithIgnoreCase(ex.url, "http://") || text::StartsWithIgnoreCase(ex.url, "https://");
}

bool IsMainDocumentCandidate(const Exchange& ex) { return ex.IsPage() && IsHttpUrl(ex); }

bool HasReferer(const Exchange& ex) {
  const std::optional<std::string_view> referer = ex.request_headers.Get("Referer");
  return referer && !text::Trim(*referer).empty();
}

// The URL for comparing redirect targets: an empty path is "/" (RFC 9110 4.2.3), so
// "http://m.cnn.com" names the same resource as "http://m.cnn.com/".
std::string Comparable(const Url& url) {
  std::string href = url.href();
  const std::size_t scheme = href.find("://");
  if (scheme == std::string::npos) return href;
  const std::size_t end = href.find_first_of("/?#", scheme + 3);
  if (end == std::string::npos) return href + "/";
  if (href[end] != '/') href.insert(end, "/");
  return href;
}

}  // namespace

std::string RedirectChainStart(const std::vector<Exchange>& seen, std::size_t last) {
  std::size_t current = last;
  // Each step moves to an earlier exchange, so the walk ends after at most `last` steps.
  for (bool moved = true; moved;) {
    moved = false;
    const std::optional<Url> here = Url::Parse(seen[current].url);
    if (!here) break;
    for (std::size_t i = current; i-- > 0;) {
      const Exchange& hop = seen[i];
      if (!hop.IsRedirect()) continue;
      const std::optional<Url> from = Url::Parse(hop.url);
      const std::optional<Url> to = from ? from->Resolve(hop.redirect_url) : std::nullopt;
      if (to && Comparable(*to) == Comparable(*here)) {
        current = i;
        moved = true;
        break;
      }
    }
  }
  return seen[current].url;
}

std::optional<TargetChoice> ChooseTarget(const std::vector<Exchange>& seen, const FirstPage& first_page,
                                         FinalChoice final) {
  // The first page's documents, in entry order. An entry of another page may come before them;
  // one without a pageref says the producer does not link entries to pages, so pagerefs cannot
  // decide. A frame request (Sec-Fetch-Dest) is never the top-level document.
  std::optional<std::size_t> first, without_referer, any;
  for (std::size_t i = 0; i < seen.size(); ++i) {
    const Exchange& ex = seen[i];
    if (!IsMainDocumentCandidate(ex)) continue;
    if (!any) any = i;
    if (!first_page.id.empty() && !ex.pageref.empty() && ex.pageref != first_page.id) continue;
    if (ex.IsFrameRequest()) continue;
    if (!first) first = i;
    if (!without_referer && !HasReferer(ex)) without_referer = i;
  }
  // The first document is the one unless its Referer suggests a frame of a page the recording
  // missed: then a later document without a Referer (a page the user opened) is preferred. The
  // page's title naming the document's URL (DevTools and Web Inspector title pages by URL)
  // settles it at once.
  std::optional<std::size_t> main;
  if (first && (!HasReferer(seen[*first]) || seen[*first].url == first_page.title)) main = first;
  else if (without_referer) main = without_referer;
  if (!main && final != FinalChoice::kNotYet) main = first ? first : any;
  if (main) return TargetChoice{RedirectChainStart(seen, *main), main};
  if (final == FinalChoice::kNotYet) return std::nullopt;
  if (final == FinalChoice::kEndOfInput) return TargetChoice{"", std::nullopt};
  for (const Exchange& ex : seen)
    if (IsHttpUrl(ex) && !ex.IsWebSocket()) return TargetChoice{ex.url, std::nullopt};
  return TargetChoice{"", std::nullopt};
}

}  // namespace portal_check
