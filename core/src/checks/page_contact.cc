// page.contact: the home page publishes a contact point for incidents (Tín Nhiệm Mạng label
// criterion 8): an e-mail address, a phone number, a postal address block or a link to a contact
// page.
//
// Judged on the home page only, like page.privacy-policy (page_links::HomePageJudgement): the
// label looks for the contact point from the home page, and footers repeat it site-wide.
//
// Evidence (data list "contact-phrases"; every comparison on vietnamese::FoldForMatch text):
//   - email: a mailto: link, or an address local@domain.tld in the visible text;
//   - phone: a tel: link, or in the visible text a Vietnamese number (kept digits of a run of
//     digits and the separators space . - ( ) /): +84/(+84) then 9–10 digits anywhere; or, within
//     kLabelWindow bytes after a "phone_labels" phrase (điện thoại, ĐT, hotline, đường dây nóng…),
//     0 then 9–10 digits or 1800/1900 then 4–6 digits;
//   - address: an <address> element, or an "address_labels" phrase (địa chỉ, trụ sở…) followed
//     within kAddressWindow bytes by an "address_words" word (đường, phường, quận, tỉnh…);
//   - contact link: an <a> whose label (at most kMaxLabelBytes) holds a "link_text" phrase (liên
//     hệ, contact, đường dây nóng…) or whose URL path holds an "href_parts" part (lien-he…).
// Short phrases match at word starts only (see ForEachPhrase). Outcomes: found (any
// evidence), missing. Details: "emails", "phones", "contact_links" (at most 5 each), "address".
#include <algorithm>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_derived.h"
#include "checks/support/page_links.h"
#include "checks/audit_context.h"
#include "evidence/limits.h"
#include "normalize/page_model.h"
#include "util/text.h"
#include "util/vietnamese.h"

namespace portal_check {

using namespace std::string_view_literals;  // tag and attribute names compare size first
namespace {

constexpr std::size_t kMaxListed = 5;
constexpr std::size_t kMaxLabelBytes = 120;
constexpr std::size_t kLabelWindow = 40;
constexpr std::size_t kAddressWindow = 160;
constexpr char kOtherPage[] = "judged on the home page only: the contact point must be published from the home page";

bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Positions in `text` where `phrase` occurs; a phrase shorter than kWordStartBelow bytes ("dt:",
// "tel", "xa") only at a word start (the byte before is not a letter or digit). Longer phrases
// match anywhere, because the page model's visible text may glue the texts of adjacent blocks
// ("…Hà Nội" + "Điện thoại" → "ha noidien thoai").
constexpr std::size_t kWordStartBelow = 5;
template <typename Fn>
void ForEachPhrase(std::string_view text, std::string_view phrase, Fn fn) {
  for (std::size_t at = text.find(phrase); at != std::string_view::npos; at = text.find(phrase, at + 1)) {
    if (phrase.size() < kWordStartBelow && at > 0 && IsAlnum(text[at - 1])) continue;
    fn(at);
  }
}

bool IsEmailLocal(char c) { return IsAlnum(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'; }
bool IsEmailDomain(char c) { return IsAlnum(c) || c == '.' || c == '-'; }

// E-mail addresses in `text` (folded), at most kMaxListed.
std::vector<std::string> FindEmails(std::string_view text) {
  std::vector<std::string> out;
  for (std::size_t at = text.find('@'); at != std::string_view::npos && out.size() < kMaxListed; at = text.find('@', at + 1)) {
    std::size_t start = at;
    while (start > 0 && at - start < 64 && IsEmailLocal(text[start - 1])) --start;
    std::size_t end = at + 1;
    while (end < text.size() && end - at < 255 && IsEmailDomain(text[end])) ++end;
    while (end > at + 1 && (text[end - 1] == '.' || text[end - 1] == '-')) --end;  // sentence punctuation
    const std::string_view local = text.substr(start, at - start), domain = text.substr(at + 1, end - at - 1);
    const std::size_t dot = domain.rfind('.');
    if (local.empty() || dot == std::string_view::npos || dot == 0 || domain.size() - dot - 1 < 2) continue;
    bool tld_letters = true;
    for (char c : domain.substr(dot + 1)) tld_letters = tld_letters && !IsDigit(c) && c != '-';
    if (tld_letters) out.emplace_back(text.substr(start, end - start));
  }
  return out;
}

// The digits of the phone-like run starting at `at` (a digit, '+' or '('), where it ends (after its
// last digit) and whether a letter or digit is glued to its end.
std::string PhoneDigits(std::string_view text, std::size_t at, std::size_t* end, bool* plus, bool* glued) {
  std::string digits;
  *plus = false;
  std::size_t i = at, separators = 0, after_digit = at;
  for (; i < text.size() && digits.size() <= 13; ++i) {
    const char c = text[i];
    if (IsDigit(c)) {
      digits.push_back(c);
      separators = 0;
      after_digit = i + 1;
    } else if (c == '+' && digits.empty()) {
      *plus = true;
    } else if ((c == ' ' || c == '.' || c == '-' || c == '(' || c == ')' || c == '/') && ++separators <= 2) {
      continue;
    } else {
      break;
    }
  }
  // A following letter or digit glued to the run (after at most the separators) makes it no number.
  *glued = i < text.size() && IsAlnum(text[i]) && i == after_digit;
  *end = after_digit;
  if (*end < text.size() && text[*end] == ')') ++*end;  // "(+84)" alone, or a closing parenthesis
  return digits;
}

// True when `digits` is a Vietnamese phone number (see the file comment).
bool IsVietnamesePhone(const std::string& digits, bool plus, bool labelled) {
  if ((plus || labelled) && digits.compare(0, 2, "84") == 0 && digits.size() >= 11 && digits.size() <= 12) return true;
  if (!labelled) return false;
  if (digits[0] == '0' && digits.size() >= 10 && digits.size() <= 11) return true;
  const bool service = digits.compare(0, 4, "1900") == 0 || digits.compare(0, 4, "1800") == 0;
  return service && digits.size() >= 8 && digits.size() <= 10;
}

// Phone numbers in `text` (folded), at most kMaxListed.
std::vector<std::string> FindPhones(std::string_view text, const std::vector<std::string>& labels) {
  std::vector<std::string> out;
  // The windows after each phone label, swept in order of their start as the scan advances.
  std::vector<std::pair<std::size_t, std::size_t>> windows;
  for (const std::string& l : labels)
    ForEachPhrase(text, l, [&](std::size_t at) { windows.emplace_back(at + l.size(), at + l.size() + kLabelWindow); });
  std::sort(windows.begin(), windows.end());
  std::size_t next_window = 0, open_until = 0;
  bool any_open = false;
  auto labelled = [&](std::size_t pos) {
    for (; next_window < windows.size() && windows[next_window].first <= pos; ++next_window) {
      open_until = any_open ? std::max(open_until, windows[next_window].second) : windows[next_window].second;
      any_open = true;
    }
    return any_open && pos <= open_until;
  };
  for (std::size_t i = 0; i < text.size() && out.size() < kMaxListed;) {
    const char c = text[i];
    const bool starts = IsDigit(c) || c == '+' || (c == '(' && i + 1 < text.size() && (text[i + 1] == '+' || IsDigit(text[i + 1])));
    if (!starts || (i > 0 && IsAlnum(text[i - 1]))) {
      ++i;
      continue;
    }
    std::size_t end = i;
    bool plus = false, glued = false;
    const std::string digits = PhoneDigits(text, i, &end, &plus, &glued);
    // A labelled number may be glued to the next block's text: the page model's visible text does
    // not always separate blocks ("0236.3822.123" + "Bản quyền" → "0236.3822.123ban quyen").
    const bool after_label = !digits.empty() && labelled(i);
    if (!digits.empty() && (!glued || after_label) && IsVietnamesePhone(digits, plus, after_label))
      out.emplace_back(text::Trim(text.substr(i, end - i)));
    i = end > i ? end : i + 1;
  }
  return out;
}

// True when an address label is followed closely by an address word.
bool FindAddress(std::string_view text, const std::vector<std::string>& labels, const std::vector<std::string>& words) {
  for (const std::string& l : labels) {
    bool found = false;
    ForEachPhrase(text, l, [&](std::size_t at) {
      if (found) return;
      const std::string_view window = text.substr(at + l.size(), kAddressWindow);
      for (const std::string& w : words)
        ForEachPhrase(window, w, [&](std::size_t) { found = true; });
    });
    if (found) return true;
  }
  return false;
}

DetailList Strings(const std::vector<std::string>& v) {
  DetailList a;
  for (const std::string& s : v) a.Str(s, 256);
  return a;
}

// The folded phrase lists of data list "contact-phrases" (read once per ruleset through Compiled):
// link_text, href_parts, phone_labels, address_labels, address_words.
std::vector<std::vector<std::string>> BuildContactPhrases(const DataLists& lists) {
  std::vector<std::vector<std::string>> out;
  for (const char* key : {"link_text", "href_parts", "phone_labels", "address_labels", "address_words"})
    out.push_back(page_links::FoldedData(lists, "contact-phrases", key));
  return out;
}

class ContactCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (!home_.Candidate(view)) {
      out.Emit(ReasonResult("not-applicable", kOtherPage, view.exchange.url));
      return;
    }
    home_.Keep(view, Judge(view, ctx.Compiled(&BuildContactPhrases)));
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override { home_.Finish(out, kOtherPage); }

 private:
  CheckResult Judge(const ExchangeView& view, const std::vector<std::vector<std::string>>& lists) const {
    const PageModel& page = *view.page;
    const std::vector<page_links::WebLink>& web_links = SharedWebLinks(view);  // in document order
    std::size_t next_link = 0;
    const std::string visible = vietnamese::FoldForMatch(page.visible_text());
    std::vector<std::string> emails = FindEmails(visible), phones = FindPhones(visible, lists[2]), links;
    bool address = FindAddress(visible, lists[3], lists[4]);
    for (std::size_t i = 0; i < page.elements().size(); ++i) {
      const HtmlElement& e = page.elements()[i];
      if (e.tag == "address"sv) address = true;
      if (e.tag != "a"sv && e.tag != "area"sv) continue;
      const std::string* href = e.Attr("href");
      if (href == nullptr) continue;
      const std::string_view h = text::Trim(*href);
      if (text::StartsWithIgnoreCase(h, "mailto:")) {
        const std::string_view addr = h.substr(7);
        if (emails.size() < kMaxListed) emails.emplace_back(addr.substr(0, addr.find('?')));
        continue;
      }
      if (text::StartsWithIgnoreCase(h, "tel:")) {
        if (phones.size() < kMaxListed) phones.emplace_back(h.substr(4));
        continue;
      }
      // The element's href resolved to an http(s) URL exactly when it is the next web link.
      while (next_link < web_links.size() && web_links[next_link].index < i) ++next_link;
      if (next_link == web_links.size() || web_links[next_link].index != i || links.size() >= kMaxListed) continue;
      const page_links::WebLink& link = web_links[next_link];
      const bool by_label = link.label.size() <= kMaxLabelBytes && page_links::FindAny(link.label, lists[0]) != nullptr;
      if (by_label || page_links::FindAny(vietnamese::FoldForMatch(link.url.path()), lists[1]) != nullptr)
        links.push_back(link.url.href());
    }
    CheckResult r = PageResult(view);
    r.outcome = (!emails.empty() || !phones.empty() || !links.empty() || address) ? "found" : "missing";
    r.details.Set("emails", Strings(emails));
    r.details.Set("phones", Strings(phones));
    r.details.Set("contact_links", Strings(links));
    r.details.Bool("address", address);
    return r;
  }

  page_links::HomePageJudgement home_;
};

}  // namespace

extern const CheckDescriptor kPageContactCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageContactCheck{"page.contact", CheckInput::kPagesWithUrl, &MakeCheck<ContactCheck>};

}  // namespace portal_check
