// Which exchange of a HAR is the audit's main document, and which URL is the audit's target.
//
// The target is the URL a user would say they audited: the start of the redirect chain that led
// to the main document (http://portal.gov.vn/ when it redirects to https://portal.gov.vn/vi/).
// The main document is the first page's top-level HTML document: log.pages[0] and the entries
// whose pageref names it, when the HAR's pages came before its entries; otherwise the first
// top-level HTML navigation in entry order. WebSockets, sub-resources (scripts, XHR, images,
// DevTools resource types other than "document"), site probes and non-rendered statuses are
// never the main document (Exchange::IsPage), and a frame request (Sec-Fetch-Dest) only when no
// other document is.
#ifndef PORTAL_CHECK_ENGINE_TARGET_CHOICE_H_
#define PORTAL_CHECK_ENGINE_TARGET_CHOICE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/exchange.h"

namespace portal_check {

struct TargetChoice {
  std::string target;                        // the start URL ("" when no exchange has an http(s) URL)
  std::optional<std::size_t> main_document;  // position in `seen` of the main document; nullopt: none seen
};

// log.pages[0] when the HAR's pages came before its entries; empty strings otherwise.
struct FirstPage {
  std::string id;
  std::string title;  // DevTools and Web Inspector write the page's URL here
};

enum class FinalChoice {
  kNotYet,        // more entries may come
  kSearchLimit,   // a search limit was reached: choose now; without a document, the first http(s) URL
  kEndOfInput,    // no more entries: choose now; without a document, no target at all
};

// Chooses from `seen`, the exchanges read so far in entry order. Returns nullopt while the
// choice should wait for more entries: the first page's document has not come yet, or it came
// with a Referer (perhaps a frame of a page the recording missed) and a later document without
// one may still come. Otherwise chooses, the first document being the fallback.
std::optional<TargetChoice> ChooseTarget(const std::vector<Exchange>& seen, const FirstPage& first_page,
                                         FinalChoice final);

// The start of the redirect chain in `seen` that ends at seen[last]: the URL of the earliest
// exchange whose redirects, hop by hop, lead to seen[last].url (seen[last].url itself when none).
std::string RedirectChainStart(const std::vector<Exchange>& seen, std::size_t last);

}  // namespace portal_check

#endif  // PORTAL_CHECK_ENGINE_TARGET_CHOICE_H_
