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

// The request's Referer names a URL that no earlier exchange of `seen` fetched.
bool ReferrerOutsideTheHar(const std::vector<Exchange>& seen, std::size_t i) {
  const std::optional<std::string_view> referer = seen[i].request_headers.Get("Referer");
  if (!referer || text::Trim(*referer).empty()) return false;
  const std::string_view r = text::Trim(*referer);
  for (std::size_t k = 0; k < i; ++k)
    if (seen[k].url == r) return false;
  return true;
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

std::optional<TargetChoice> ChooseTarget(const std::vector<Exchange>& seen, std::string_view first_page_id,
                                         FinalChoice final) {
  // First pass: a top-level navigation of the first page. A frame request never is one; nor is a
  // document whose Referer names no exchange of the HAR while a later document may come without
  // one (an iframe of a page the recording missed, before the page the user opened).
  std::optional<std::size_t> main, fallback;
  for (std::size_t i = 0; i < seen.size() && !main; ++i) {
    const Exchange& ex = seen[i];
    if (!IsMainDocumentCandidate(ex)) continue;
    if (!fallback) fallback = i;
    // An entry of another page may come before the first page's document; one without a
    // pageref says the producer does not link entries to pages, so pagerefs cannot decide.
    if (!first_page_id.empty() && !ex.pageref.empty() && ex.pageref != first_page_id) continue;
    if (ex.IsFrameRequest() || ReferrerOutsideTheHar(seen, i)) continue;
    main = i;
  }
  if (!main && final != FinalChoice::kNotYet) main = fallback;
  if (main) return TargetChoice{RedirectChainStart(seen, *main), main};
  if (final == FinalChoice::kNotYet) return std::nullopt;
  if (final == FinalChoice::kEndOfInput) return TargetChoice{"", std::nullopt};
  for (const Exchange& ex : seen)
    if (IsHttpUrl(ex) && !ex.IsWebSocket()) return TargetChoice{ex.url, std::nullopt};
  return TargetChoice{"", std::nullopt};
}

}  // namespace portal_check
