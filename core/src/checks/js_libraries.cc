#include "checks/js_libraries.h"

#include "normalize/semver.h"
#include "util/text.h"

namespace portal_check {
namespace {

std::vector<std::string> Strings(const json::Value& v, std::string_view key, bool lower) {
  std::vector<std::string> out;
  if (const json::Array* arr = json::FindArray(v, key))
    for (const json::Value& s : *arr)
      if (s.is<std::string>() && !s.get<std::string>().empty()) out.push_back(lower ? text::Lower(s.get<std::string>()) : s.get<std::string>());
  return out;
}

std::vector<VersionPattern> Patterns(const json::Value& v, std::string_view key, bool lower) {
  std::vector<VersionPattern> out;
  for (const std::string& s : Strings(v, key, false)) {
    VersionPattern p(s, lower);
    if (p.valid()) out.push_back(std::move(p));
  }
  return out;
}

std::string Str(const json::Value& v, std::string_view key) {
  const std::string* s = json::FindString(v, key);
  return s ? *s : std::string();
}

}  // namespace

int SeverityRank(std::string_view severity) {
  if (severity == "high") return 3;
  if (severity == "medium") return 2;
  if (severity == "low") return 1;
  return 0;
}

JsLibraryTable JsLibraryTable::FromData(const json::Value& data) {
  JsLibraryTable table;
  const json::Array* rows = json::FindArray(data, "libraries");
  if (!rows) return table;
  for (const json::Value& row : *rows) {
    JsLibrary lib;
    lib.name = Str(row, "name");
    if (lib.name.empty()) continue;
    lib.title = Str(row, "title");
    if (lib.title.empty()) lib.title = lib.name;
    lib.urls = Patterns(row, "urls", true);
    lib.files = Strings(row, "files", true);
    lib.banners = Patterns(row, "banners", false);
    lib.identify = Strings(row, "identify", false);
    lib.versions = Patterns(row, "versions", false);
    if (const json::Array* advisories = json::FindArray(row, "advisories"))
      for (const json::Value& a : *advisories) {
        JsAdvisory adv{Str(a, "id"), Str(a, "range"), Str(a, "fixed"), Str(a, "severity")};
        if (!adv.id.empty() && !adv.range.empty()) lib.advisories.push_back(std::move(adv));
      }
    table.libraries_.push_back(std::move(lib));
  }
  return table;
}

std::vector<JsDetection> JsLibraryTable::DetectInUrl(const Url& url) const {
  std::vector<JsDetection> out;
  std::string tail = text::Lower(url.path());
  const std::size_t slash = tail.rfind('/');
  const std::string file = tail.substr(slash == std::string::npos ? 0 : slash + 1);
  if (!url.query().empty()) tail += "?" + text::Lower(url.query());
  for (const JsLibrary& lib : libraries_) {
    if (out.size() >= kMaxPerScript) break;
    bool found = false;
    for (const VersionPattern& p : lib.urls) {
      if (auto m = p.Find(tail, true)) {
        out.push_back({&lib, m->version, "url", url.href()});
        found = true;
        break;
      }
    }
    if (found) continue;
    for (const std::string& f : lib.files)
      if (file == f) {
        out.push_back({&lib, "", "url", url.href()});
        break;
      }
  }
  return out;
}

std::vector<JsDetection> JsLibraryTable::DetectInBody(std::string_view body, std::string_view source, std::string_view url) const {
  std::vector<JsDetection> out;
  body = body.substr(0, kMaxScanBytes);
  for (const JsLibrary& lib : libraries_) {
    if (out.size() >= kMaxPerScript) break;
    std::string version;
    bool found = false;
    for (const VersionPattern& p : lib.banners) {
      if (auto m = p.Find(body, true)) {
        version = m->version;
        found = true;
        break;
      }
    }
    if (!found) {
      for (const std::string& lit : lib.identify)
        if (body.find(lit) != std::string_view::npos) {
          found = true;
          break;
        }
      if (found)
        for (const VersionPattern& p : lib.versions)
          if (auto m = p.Find(body, true)) {
            version = m->version;
            break;
          }
    }
    if (found) out.push_back({&lib, version, std::string(source), std::string(url)});
  }
  return out;
}

std::vector<const JsAdvisory*> JsLibraryTable::Affecting(const JsLibrary& lib, std::string_view version) {
  std::vector<const JsAdvisory*> out;
  std::optional<semver::Version> v = semver::Parse(version);
  if (!v) return out;
  for (const JsAdvisory& a : lib.advisories)
    if (semver::Satisfies(*v, a.range)) out.push_back(&a);
  return out;
}

}  // namespace portal_check
