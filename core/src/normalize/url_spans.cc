#include "normalize/url_spans.h"

#include "ruleset/data_lists.h"
#include "util/text.h"

namespace portal_check {
namespace {

bool IsSchemeChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
}

// The start of the authority ("//" just after a scheme, or at the very start), or npos.
std::size_t AuthorityStart(std::string_view url) {
  if (url.substr(0, 2) == "//") return 2;
  std::size_t i = 0;
  while (i < url.size() && IsSchemeChar(url[i])) ++i;
  if (i == 0 || i + 2 >= url.size() || url[i] != ':' || url[i + 1] != '/' || url[i + 2] != '/') return std::string_view::npos;
  return i + 3;
}

void AddUserinfo(std::string_view url, std::vector<UrlSpan>& spans) {
  const std::size_t start = AuthorityStart(url);
  if (start == std::string_view::npos) return;
  std::size_t end = start;
  while (end < url.size() && url[end] != '/' && url[end] != '?' && url[end] != '#' && url[end] != '\\') ++end;
  const std::size_t at = url.substr(start, end - start).rfind('@');
  if (at == std::string_view::npos) return;
  const std::size_t colon = url.substr(start, at).find(':');
  if (colon == std::string_view::npos) {
    spans.push_back(UrlSpan{UrlSpanKind::kUserinfoUser, {}, start, start + at});
    return;
  }
  spans.push_back(UrlSpan{UrlSpanKind::kUserinfoUser, {}, start, start + colon});
  spans.push_back(UrlSpan{UrlSpanKind::kUserinfoPassword, {}, start + colon + 1, start + at});
}

// "name=value" pairs in url[from, to) separated by any of `seps`.
void AddParams(std::string_view url, std::size_t from, std::size_t to, std::string_view seps, UrlSpanKind kind,
               std::vector<UrlSpan>& spans) {
  std::size_t i = from;
  while (i < to) {
    std::size_t end = i;
    while (end < to && seps.find(url[end]) == std::string_view::npos) ++end;
    const std::size_t eq = url.substr(i, end - i).find('=');
    if (eq != std::string_view::npos) spans.push_back(UrlSpan{kind, url.substr(i, eq), i + eq + 1, end});
    i = end + 1;
  }
}

void AddPathParams(std::string_view url, std::size_t path_end, std::vector<UrlSpan>& spans) {
  std::size_t semi = url.find(';');
  while (semi != std::string_view::npos && semi < path_end) {
    std::size_t end = semi + 1;
    while (end < path_end && url[end] != '/' && url[end] != ';') ++end;
    AddParams(url, semi + 1, end, ";", UrlSpanKind::kPathParam, spans);
    semi = url.find(';', end);
  }
}

// "(S(id))", "(F(ticket))", "(A(anon))", also grouped "(A(..)S(..)F(..))": each letter's content.
void AddCookieless(std::string_view url, std::size_t path_end, std::vector<UrlSpan>& spans) {
  for (std::size_t i = 0; i + 2 < path_end; ++i) {
    const char kind = url[i + 1];
    if ((url[i] != '(' && url[i] != ')') || (kind != 'S' && kind != 'F' && kind != 'A') || url[i + 2] != '(') continue;
    const std::size_t close = url.find(')', i + 3);
    if (close == std::string_view::npos || close > path_end) break;
    spans.push_back(UrlSpan{UrlSpanKind::kCookieless, url.substr(i + 1, 1), i + 3, close});
    i = close - 1;  // the ')' may open the next grouped segment
  }
}

}  // namespace

std::vector<UrlSpan> FindUrlSpans(std::string_view url) {
  std::vector<UrlSpan> spans;
  const std::size_t hash = url.find('#');
  const std::size_t head = hash == std::string_view::npos ? url.size() : hash;
  std::size_t query = url.find('?');
  if (query != std::string_view::npos && query >= head) query = std::string_view::npos;
  const std::size_t path_end = query == std::string_view::npos ? head : query;
  AddUserinfo(url.substr(0, head), spans);
  AddPathParams(url, path_end, spans);
  AddCookieless(url, path_end, spans);
  if (query != std::string_view::npos) AddParams(url, query + 1, head, "&;", UrlSpanKind::kQueryParam, spans);
  if (hash != std::string_view::npos) AddParams(url, hash + 1, url.size(), "&;", UrlSpanKind::kFragmentParam, spans);
  return spans;
}

bool LooksLikeSessionId(std::string_view value) { return value.size() >= kMinSessionIdBytes && !text::IsDigits(value); }

SessionParamNames BuildSessionParamNames(const DataLists& lists) {
  SessionParamNames n;
  n.exact = lists.DataStrings("session-cookies", "url_parameters");
  n.prefixes = lists.DataStrings("session-cookies", "url_parameter_prefixes");
  for (std::string& name : lists.DataStrings("session-cookies", "exact")) {
    const std::string lower = text::Lower(name);
    const bool ends_sid = lower.size() >= 3 && lower.compare(lower.size() - 3, 3, "sid") == 0;
    if (ends_sid || lower.find("sess") != std::string::npos) n.exact.push_back(std::move(name));
  }
  if (n.exact.empty()) n.exact = {"jsessionid", "phpsessid", "sid", "sessionid", "session_id"};
  return n;
}

bool SessionParamNames::Matches(std::string_view name) const {
  for (const std::string& e : exact)
    if (text::EqualsIgnoreCase(name, e)) return true;
  for (const std::string& p : prefixes)
    if (text::StartsWithIgnoreCase(name, p)) return true;
  return false;
}

}  // namespace portal_check
