#include "checks/support/page_links.h"

#include <string_view>

#include "ruleset/data_lists.h"
#include "util/text.h"
#include "util/vietnamese.h"

namespace portal_check::page_links {

using namespace std::string_view_literals;  // tag names compare size first

Url BaseUrl(const PageModel& page, const Url& page_url) {
  if (!page.base_href().empty()) {
    if (std::optional<Url> b = page_url.Resolve(page.base_href())) return *b;
  }
  return page_url;
}

std::optional<Url> ResolveAttr(const Url& base, const std::string* reference) {
  if (reference == nullptr || text::Trim(*reference).empty()) return std::nullopt;
  return base.Resolve(*reference);
}

bool IsHostRelative(std::string_view reference) {
  const std::string_view r = text::Trim(reference);
  const auto slash = [](char c) { return c == '/' || c == '\\'; };
  if (r.size() >= 2 && slash(r[0]) && slash(r[1])) return false;  // a network-path reference
  const auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (r.empty() || !alpha(r[0])) return true;
  // A scheme is ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) followed by ':'.
  for (char c : r) {
    if (c == ':') return false;
    if (!(alpha(c) || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')) return true;
  }
  return true;
}

bool HasToken(const std::string* value, std::string_view token) {
  if (value == nullptr) return false;
  for (std::string_view t : text::SplitWhitespace(*value))
    if (text::EqualsIgnoreCase(t, token)) return true;
  return false;
}

std::vector<WebLink> WebLinks(const PageModel& page, const Url& page_url) {
  std::vector<WebLink> out;
  const Url base = BaseUrl(page, page_url);
  for (std::size_t i = 0; i < page.elements().size(); ++i) {
    const HtmlElement& e = page.elements()[i];
    if (e.tag != "a"sv && e.tag != "area"sv) continue;
    std::optional<Url> u = ResolveAttr(base, e.Attr("href"));
    if (!u || !u->IsHttpOrHttps()) continue;
    out.push_back(WebLink{i, std::move(*u), FoldedLabel(page, i)});
  }
  return out;
}

std::string FoldedLabel(const PageModel& page, std::size_t index) {
  const HtmlElement& a = page.elements()[index];
  std::string label = a.text;
  for (const char* attr : {"title", "aria-label"})
    if (const std::string* v = a.Attr(attr)) label += " " + *v;
  ForEachDescendant(page, index, [&](std::size_t i) {
    const HtmlElement& e = page.elements()[i];
    if (e.tag != "img"sv) return;
    for (const char* attr : {"alt", "title"})
      if (const std::string* v = e.Attr(attr)) label += " " + *v;
  });
  return vietnamese::FoldForMatch(label);
}

std::vector<std::string> FoldedData(const DataLists& lists, std::string_view name, std::string_view key) {
  std::vector<std::string> out;
  for (const std::string& s : lists.DataStrings(name, key)) {
    std::string f = vietnamese::FoldForMatch(s);
    if (!f.empty()) out.push_back(std::move(f));
  }
  return out;
}

PrivacyPhrases BuildPrivacyPhrases(const DataLists& lists) {
  return PrivacyPhrases{FoldedData(lists, "privacy-phrases", "link_text"), FoldedData(lists, "privacy-phrases", "href_parts")};
}

const std::string* FindAny(std::string_view folded_text, const std::vector<std::string>& folded_phrases) {
  for (const std::string& p : folded_phrases)
    if (folded_text.find(p) != std::string_view::npos) return &p;
  return nullptr;
}

bool HostIsOrUnder(std::string_view host, std::string_view domain) {
  if (domain.empty() || host.size() < domain.size()) return false;
  if (host == domain) return true;
  return host.size() > domain.size() && host.substr(host.size() - domain.size()) == domain &&
         host[host.size() - domain.size() - 1] == '.';
}

std::string DisplayOrigin(const Url& url) {
  std::string out = url.scheme() + "://" + url.host();
  const bool default_port = (url.IsHttps() && url.port() == 443) || (url.IsHttp() && url.port() == 80) || url.port() < 0;
  if (!default_port) out += ":" + std::to_string(url.port());
  return out;
}

std::string WithoutFragment(std::string_view url) { return std::string(url.substr(0, url.find('#'))); }

void HomePageJudgement::Finish(ResultSink& out, const std::string& reason) {
  if (primary_ && first_) out.Emit(ReasonResult("not-applicable", reason, *first_->page));
  if (CheckResult* r = Judged()) out.Emit(std::move(*r));
  primary_.reset();
  first_.reset();
}

}  // namespace portal_check::page_links
