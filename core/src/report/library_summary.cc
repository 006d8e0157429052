#include "report/library_summary.h"

#include "util/json_scan.h"
#include "evidence/limits.h"

namespace portal_check {
namespace {

std::string Str(const json::Value& v, std::string_view key) {
  const std::string* s = json::FindString(v, key);
  return s ? *s : std::string();
}

}  // namespace

std::string VulnerableLibrarySummary(const json::Value& details) {
  const json::Array* libs = json::FindArray(details, "libraries");
  if (!libs) return "";
  std::string out;
  std::size_t named = 0, more = 0;
  for (const json::Value& lib : *libs) {
    const json::Array* advs = json::FindArray(lib, "advisories");
    if (!advs || advs->empty()) continue;
    if (named == kMaxSummaryLibraries) {
      ++more;
      continue;
    }
    ++named;
    std::string title = Str(lib, "title");
    if (title.empty()) title = Str(lib, "library");
    out += (out.empty() ? "" : " ") + title + " " + Str(lib, "version") + " (" + Str(lib, "detection");
    if (const std::string url = Str(lib, "url"); !url.empty()) out += ", " + url;
    out += "):";
    std::size_t i = 0;
    for (const json::Value& a : *advs) {
      if (i == kMaxSummaryAdvisories) {
        out += " and " + std::to_string(advs->size() - i) + " more";
        break;
      }
      const std::string fixed = Str(a, "fixed");
      out += std::string(i == 0 ? " " : ", ") + Str(a, "id") + (fixed == "none" || fixed.empty() ? " (no fixed release)" : " fixed in " + fixed);
      ++i;
    }
    out += ".";
  }
  if (out.empty()) return "";
  if (more > 0) out += " " + std::to_string(more) + " more libraries.";
  if (const json::Value* data = json::Find(details, "advisory_data"))
    if (const std::string date = Str(*data, "date"); !date.empty()) out += " Advisory data of " + date + ".";
  return out;
}

std::string VulnerableLibrarySummaryOfText(std::string_view details_json) {
  if (details_json.find("\"advisory_data\"") == std::string_view::npos) return "";
  json::Value details;
  if (!json::ParseBounded(details_json, limits::kMaxJsonDepth, details).ok()) return "";
  return VulnerableLibrarySummary(details);
}

}  // namespace portal_check
