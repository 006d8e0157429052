#include "evidence/media_type.h"

#include "util/text.h"

namespace portal_check {
namespace {

struct Alias {
  std::string_view label;
  std::string_view name;
};

// A subset of the WHATWG Encoding Standard's label table.
constexpr Alias kAliases[] = {
    {"utf8", "utf-8"},
    {"unicode-1-1-utf-8", "utf-8"},
    {"unicode11utf8", "utf-8"},
    {"unicode20utf8", "utf-8"},
    {"x-unicode20utf8", "utf-8"},
    {"cp1258", "windows-1258"},
    {"x-cp1258", "windows-1258"},
    {"cp1252", "windows-1252"},
    {"x-cp1252", "windows-1252"},
    {"iso-8859-1", "windows-1252"},
    {"iso8859-1", "windows-1252"},
    {"iso88591", "windows-1252"},
    {"iso_8859-1", "windows-1252"},
    {"latin1", "windows-1252"},
    {"l1", "windows-1252"},
    {"ascii", "windows-1252"},
    {"us-ascii", "windows-1252"},
    {"ansi_x3.4-1968", "windows-1252"},
    {"utf-16", "utf-16le"},
    {"unicode", "utf-16le"},
    {"ucs-2", "utf-16le"},
    {"tis-620", "windows-874"},
};

std::string_view Unquote(std::string_view v) {
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') return v.substr(1, v.size() - 2);
  return v;
}

}  // namespace

MediaType ParseMediaType(std::string_view value) {
  MediaType out;
  const std::vector<std::string_view> parts = text::Split(value, ';', /*keep_empty=*/true);
  if (parts.empty()) return out;
  const std::string_view essence = text::Trim(parts[0]);
  const std::size_t slash = essence.find('/');
  if (slash != std::string_view::npos && slash > 0 && slash + 1 < essence.size())
    out.essence = text::Lower(essence);
  for (std::size_t i = 1; i < parts.size(); ++i) {
    const std::size_t eq = parts[i].find('=');
    if (eq == std::string_view::npos) continue;
    if (!text::EqualsIgnoreCase(text::Trim(parts[i].substr(0, eq)), "charset")) continue;
    // The first charset parameter wins, as browsers read it.
    if (!out.charset) out.charset = text::Lower(text::Trim(Unquote(text::Trim(parts[i].substr(eq + 1)))));
  }
  return out;
}

std::string CanonicalCharset(std::string_view label) {
  const std::string lower = text::Lower(text::Trim(Unquote(text::Trim(label))));
  for (const Alias& a : kAliases)
    if (lower == a.label) return std::string(a.name);
  return lower;
}

bool IsUnknownMimeType(std::string_view essence) {
  return essence.empty() || essence == "unknown/unknown" || essence == "application/unknown" || essence == "*/*" ||
         essence == "x-unknown";
}

bool SniffsAsHtml(std::string_view body) {
  static constexpr std::string_view kPatterns[] = {
      "<!doctype html", "<html", "<head", "<script", "<iframe", "<h1", "<div", "<font", "<table",
      "<a", "<style", "<title", "<b", "<body", "<br", "<p", "<!--"};
  std::size_t i = 0;
  while (i < body.size() && (body[i] == '\t' || body[i] == '\n' || body[i] == '\f' || body[i] == '\r' || body[i] == ' ')) ++i;
  const std::string_view rest = body.substr(i);
  for (std::string_view pattern : kPatterns) {
    if (rest.size() <= pattern.size()) continue;  // the terminating byte must follow
    bool match = true;
    for (std::size_t k = 0; k < pattern.size() && match; ++k) {
      char c = rest[k];
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
      match = c == pattern[k];
    }
    const char terminator = rest[pattern.size()];
    if (match && (terminator == ' ' || terminator == '>')) return true;
  }
  return false;
}

}  // namespace portal_check
