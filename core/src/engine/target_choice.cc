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
      if (to && to->href() == here->href()) {
        current = i;
        moved = true;
        break;
      }
    }
  }
  return seen[current].url;
}

std::optional<TargetChoice> ChooseTarget(const std::vector<Exchange>& seen, std::string_view first_page_id, bool final) {
  std::optional<std::size_t> main;
  for (std::size_t i = 0; i < seen.size() && !main; ++i) {
    const Exchange& ex = seen[i];
    if (!IsMainDocumentCandidate(ex)) continue;
    // An entry of another page may come before the first page's document; one without a
    // pageref says the producer does not link entries to pages, so pagerefs cannot decide.
    if (first_page_id.empty() || ex.pageref.empty() || ex.pageref == first_page_id) main = i;
  }
  if (!main && final) {
    for (std::size_t i = 0; i < seen.size() && !main; ++i)
      if (IsMainDocumentCandidate(seen[i])) main = i;
  }
  if (main) return TargetChoice{RedirectChainStart(seen, *main), main};
  if (!final) return std::nullopt;
  for (const Exchange& ex : seen)
    if (IsHttpUrl(ex) && !ex.IsWebSocket()) return TargetChoice{ex.url, std::nullopt};
  return TargetChoice{seen.empty() ? std::string() : seen.front().url, std::nullopt};
}

}  // namespace portal_check
