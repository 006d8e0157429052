// page.spam-injection: hidden gambling / betting / adult / loan spam injected into a page (the
// usual trace of a defaced government portal), or a block of many such links in plain sight.
//
// Lists come from rules/data/spam-keywords.json (see its _comment for the three keyword tiers);
// words are matched with content::FoldKey on both sides and word boundaries (content::ContainsWord),
// so "slot" does not match inside "timeslot", and a windows-1258 page (decomposed tone marks)
// matches like a UTF-8 one. Hidden = HtmlElement::hidden / PageModel::hidden_text() (inline
// styles and the hidden attribute; rules from <style> sheets are not evaluated).
// A keyword link is an <a href> whose folded text holds a "keywords" word, or whose URL (lower-
// case) holds an "href_parts" entry and leads to another site (a portal's own news URL such as
// /triet-pha-duong-day-lo-de is not spam); for a hidden link to another site, "context_keywords"
// count too.
// "Another site" = an http(s) URL whose registrable domain differs from the page's (Url::SameSite).
// Links written after the document's end tag </html> (HtmlElement::after_end: no page puts
// content there, spam kits append it) are judged like hidden ones, visible or not.
// Outcomes:
//   injected (high):     hidden text holds a "keywords" word, or any hidden or after-</html>
//                        keyword link;
//   suspicious (medium): at least kMinVisibleLinks distinct visible keyword links to other sites;
//   clean:               otherwise (a few visible keyword links are listed but pass).
// Details: "keywords" (the list spellings found, sorted; lottery words only next to other
// evidence), "links" [{href, text, hidden, after_end when true}] (hidden and after-</html> links
// first, at most 20, text::SafeUtf8), "hidden_link_count" (hidden or after </html>),
// "visible_link_count".
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_content_scan.h"
#include "checks/support/page_links.h"
#include "checks/audit_context.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 20;
constexpr std::size_t kMinVisibleLinks = 5;

// One keyword list of the data, folded and indexed once per ruleset (Compiled).
class WordList {
 public:
  WordList(const DataLists& lists, std::string_view key) {
    for (std::string& s : lists.DataStrings("spam-keywords", key)) {
      std::string folded = content::FoldKey(s);
      if (folded.empty()) continue;
      index_.Add(folded);
      shown_.push_back(std::move(s));
    }
  }

  // Adds to `found` the list spelling of every word of the list in `folded` (a FoldKey) with word
  // boundaries (content::ContainsWord); true when any.
  bool Collect(std::string_view folded, std::set<std::string>& found) const {
    bool any = false;
    index_.ForEachFound(folded, [&](std::size_t word) {
      found.insert(shown_[word]);
      any = true;
    });
    return any;
  }

 private:
  content::WordIndex index_;        // the folded words
  std::vector<std::string> shown_;  // as the data list spells them, by index
};

struct Lists {
  explicit Lists(const DataLists& lists)
      : keywords(lists, "keywords"), context_words(lists, "context_keywords"), lottery(lists, "lottery") {
    for (const std::string& h : lists.DataStrings("spam-keywords", "href_parts"))
      if (!h.empty()) href_parts.push_back(text::Lower(h));
  }
  WordList keywords, context_words, lottery;
  std::vector<std::string> href_parts;  // lower-case
};

// The lists of data list "spam-keywords" (read once per ruleset through Compiled).
Lists BuildLists(const DataLists& lists) { return Lists(lists); }

struct Link {
  std::string href, text;
  bool hidden, after_end;
};

class SpamInjectionCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const PageModel& page = *view.page;
    const Lists& lists = ctx.Compiled(&BuildLists);

    std::optional<Url> base = view.url;
    if (base && !page.base_href().empty())
      if (std::optional<Url> b = base->Resolve(page.base_href())) base = b;

    // A reference without scheme and authority leads to the base URL's site: it can lead to
    // another site only when the base URL itself does.
    const std::string page_site = view.url ? view.url->Site() : std::string();
    const bool relative_may_leave = view.url && base && base->IsHttpOrHttps() && base->Site() != page_site;

    std::set<std::string> found, lottery_found;
    const std::string hidden_folded = content::FoldKey(page.hidden_text());
    bool injected = lists.keywords.Collect(hidden_folded, found);
    lists.lottery.Collect(hidden_folded, lottery_found);

    std::vector<Link> hidden_links, visible_links;
    std::set<std::string> seen_visible;
    for (int i : page.ElementsWithTag("a")) {
      const HtmlElement& a = page.elements()[static_cast<std::size_t>(i)];
      const std::string* href = a.Attr("href");
      if (href == nullptr) continue;
      // FoldKey(text + " " + title); without a title, FoldKey(text) (the folded trailing space is
      // dropped), read in place: not copied as the joined string's other branch would have it.
      const std::string* title = a.Attr("title");
      const std::string folded = title ? content::FoldKey(a.text + " " + *title) : content::FoldKey(a.text);
      std::set<std::string> words;
      bool match = lists.keywords.Collect(folded, words);
      // Without a keyword only a link to another site can match: skip resolving the others.
      if (!match && !(view.url && (relative_may_leave || !page_links::IsHostRelative(*href)))) continue;
      std::optional<Url> target = base ? base->Resolve(*href) : Url::Parse(*href);
      const bool web = target && target->IsHttpOrHttps();
      const bool other_site = web && view.url && target->Site() != page_site;  // Url::SameSite
      const std::string url = other_site ? text::Lower(target->href()) : std::string();  // read only then
      const bool planted = a.hidden || a.after_end;  // out of a visitor's sight, or out of the document
      if (planted && other_site) match = lists.context_words.Collect(folded, words) || match;
      for (const std::string& part : lists.href_parts) {
        if (other_site && url.find(part) != std::string::npos) {
          match = true;
          break;
        }
      }
      if (!match) continue;
      lists.lottery.Collect(folded, lottery_found);
      found.insert(words.begin(), words.end());
      Link link{text::SafeUtf8(web ? target->href() : *href, 1024), text::SafeUtf8(text::Trim(a.text), 256), a.hidden,
                a.after_end};
      if (planted) {
        hidden_links.push_back(std::move(link));
      } else if (other_site && seen_visible.insert(url).second) {
        visible_links.push_back(std::move(link));
      }
    }
    injected = injected || !hidden_links.empty();
    const bool suspicious = visible_links.size() >= kMinVisibleLinks;

    CheckResult r = PageResult(view);
    r.outcome = injected ? "injected" : suspicious ? "suspicious" : "clean";
    if (injected || suspicious) found.insert(lottery_found.begin(), lottery_found.end());
    DetailList keyword_list, links;
    for (const std::string& k : found) keyword_list.Str(k, 128);
    for (const std::vector<Link>* list : {&hidden_links, &visible_links}) {
      for (const Link& l : *list) {
        if (links.size() >= kMaxListed) break;
        Details o;
        o.Str("href", l.href);
        o.Str("text", l.text);
        o.Bool("hidden", l.hidden);
        if (l.after_end) o.Bool("after_end", true);
        links.Add(std::move(o));
      }
    }
    r.details.Set("keywords", std::move(keyword_list));
    r.details.Set("links", std::move(links));
    r.details.Int("hidden_link_count", static_cast<std::int64_t>(hidden_links.size()));
    r.details.Int("visible_link_count", static_cast<std::int64_t>(visible_links.size()));
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPageSpamInjectionCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageSpamInjectionCheck{"page.spam-injection", CheckInput::kPages, &MakeCheck<SpamInjectionCheck>};

}  // namespace portal_check
