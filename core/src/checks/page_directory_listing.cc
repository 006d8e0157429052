// page.directory-listing: auto-generated directory indexes served as pages.
//
// Styles recognised (one result per HTML page — a listing is always a successful GET of HTML):
//  - "apache-nginx" (also lighttpd, LiteSpeed): the first <title> starts with "Index of /" and the
//    body carries one more listing mark: "<h1>Index of /", "Parent Directory", `href="../"` or a
//    "<pre><a href=" block (the root listing has no parent link, hence the alternatives);
//  - "iis": a link whose text is "[To Parent Directory]", or a title "host - /path" repeated in an <h1> with a
//    "<pre>" block of "<A HREF=" entries (the IIS root listing has no parent link either);
//  - "other": a title starting "Directory listing for /" (Python http.server, Tomcat, Jetty).
// Outcomes: listing (fails), none. Details: "style", "title", "entries" (the listed hrefs other
// than the parent link, at most 20, text::SafeUtf8) and "entry_count".
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 20;

std::string FirstTitle(const PageModel& page) {
  for (const HtmlElement& e : page.elements())
    if (std::string_view(e.tag) == "title") return std::string(text::Trim(e.text));
  return "";
}

// "" when the page is not a listing, else its style.
std::string ListingStyle(std::string_view body, const std::string& title) {
  if (text::StartsWithIgnoreCase(title, "Index of /")) {
    for (std::string_view mark : {"<h1>Index of /", "Parent Directory", "href=\"../\"", "<pre><a href="})
      if (text::ContainsIgnoreCase(body, mark)) return "apache-nginx";
  }
  // ">[" has no letters: a plain search for it (memchr-fast) rules most bodies out first.
  if (body.find(">[") != std::string_view::npos && text::ContainsIgnoreCase(body, ">[To Parent Directory]</A>"))
    return "iis";
  const std::size_t dash = title.find(" - /");
  if (dash != std::string::npos && dash > 0 && body.find("<pre>") != std::string_view::npos &&
      body.find("<A HREF=\"") != std::string_view::npos &&
      text::ContainsIgnoreCase(body, "<H1>" + title + "</H1>"))
    return "iis";
  if (text::StartsWithIgnoreCase(title, "Directory listing for /")) return "other";
  return "";
}

bool IsParentLink(const HtmlElement& a) {
  const std::string* href = a.Attr("href");
  if (href == nullptr) return true;
  const std::string_view t = text::Trim(a.text);
  return *href == "../" || *href == ".." || *href == "/" || t == "Parent Directory" || t == "[To Parent Directory]" ||
         t == "../" || text::StartsWithIgnoreCase(*href, "?C=");  // Apache's column-sort links
}

class DirectoryListingCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const std::string title = FirstTitle(*view.page);
    const std::string style = ListingStyle(view.exchange.body, title);
    CheckResult r = PageResult(view);
    r.outcome = style.empty() ? "none" : "listing";
    if (!style.empty()) {
      r.details.Str("style", style);
      r.details.Str("title", title, 512);
      DetailList entries;
      std::int64_t count = 0;
      for (int i : view.page->ElementsWithTag("a")) {
        const HtmlElement& a = view.page->elements()[static_cast<std::size_t>(i)];
        if (IsParentLink(a)) continue;
        ++count;
        if (entries.size() < kMaxListed) entries.Str(*a.Attr("href"), 512);
      }
      r.details.Set("entries", std::move(entries));
      r.details.Int("entry_count", count);
    }
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPageDirectoryListingCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageDirectoryListingCheck{"page.directory-listing", CheckInput::kPages, &MakeCheck<DirectoryListingCheck>};

}  // namespace portal_check
