#include "normalize/version_token.h"

#include <algorithm>

#include "util/text.h"

namespace portal_check {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSeparator(char c) {
  return c == ' ' || c == '\t' || c == '/' || c == '(' || c == ')' || c == ';' || c == ',';
}
char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// Markers after which a version number follows directly (lower-case; matching ignores ASCII case).
constexpr std::string_view kMarkers[] = {
    "apache/",         "nginx/",           "microsoft-iis/",    "php/",
    "openssl/",        "apache tomcat/",   "jetty(",            "jetty/",
    "litespeed/",      "werkzeug/",        "python/",           "phusion passenger/",
    "asp.net version:", "microsoft .net framework version:", "wildfly/", "jboss/",
    "glassfish server open source edition ", "liferay portal community edition ", "liferay dxp ",
    "mod_ssl/",        "perl/",            "express/",          "openresty/",
    "caddy/",          "gunicorn/",        "resin/",            "coldfusion/",
};

// True when `marker` (lower-case) occurs in `text` at `pos`, ignoring ASCII case.
bool MatchesAt(std::string_view text, std::size_t pos, std::string_view marker) {
  if (pos + marker.size() > text.size()) return false;
  for (std::size_t i = 0; i < marker.size(); ++i)
    if (Lower(text[pos + i]) != marker[i]) return false;
  return true;
}

// The word boundary before `pos`: a marker must not be the tail of a longer word
// ("myapache/2" is not Apache).
bool StartsWord(std::string_view text, std::size_t pos) {
  if (pos == 0) return true;
  const char c = text[pos - 1];
  return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || IsDigit(c) || c == '-' || c == '_');
}

}  // namespace

bool HasVersionWord(std::string_view value) {
  bool word_start = true;
  for (std::size_t i = 0; i < value.size(); ++i) {
    const char c = value[i];
    if (IsSeparator(c)) {
      word_start = true;
      continue;
    }
    if (word_start) {
      if (IsDigit(c)) return true;
      if ((c == 'v' || c == 'V') && i + 1 < value.size() && IsDigit(value[i + 1])) return true;
    }
    word_start = false;
  }
  return false;
}

bool HasDigit(std::string_view value) {
  return std::any_of(value.begin(), value.end(), IsDigit);
}

std::vector<std::string> FindVersionBanners(std::string_view text, std::size_t max_results) {
  std::vector<std::string> out;
  for (std::size_t i = 0; i < text.size() && out.size() < max_results; ++i) {
    if (!StartsWord(text, i)) continue;
    for (std::string_view m : kMarkers) {
      if (!MatchesAt(text, i, m)) continue;
      std::size_t v = i + m.size();
      while (v < text.size() && text[v] == ' ') ++v;  // "ASP.NET Version: 4.8"
      if (v >= text.size() || !IsDigit(text[v])) continue;
      std::size_t end = v;
      while (end < text.size() && end - i < 64 &&
             (IsDigit(text[end]) || text[end] == '.' || text[end] == '-' || text[end] == '_' ||
              (text[end] >= 'a' && text[end] <= 'z') || (text[end] >= 'A' && text[end] <= 'Z')))
        ++end;
      std::string banner = text::SafeUtf8(text.substr(i, end - i), 64);
      if (std::find(out.begin(), out.end(), banner) == out.end()) out.push_back(std::move(banner));
      i = end - 1;  // continue after the version
      break;
    }
  }
  return out;
}

}  // namespace portal_check
