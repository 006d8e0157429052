#include "checks/support/js_libraries.h"

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

// URL patterns of a row: its "urls" (a file-name pattern gets a leading '/': it must start a path
// segment) and the CDN shapes of its "npm" and "cdnjs" package names.
std::vector<VersionPattern> UrlPatterns(const json::Value& row) {
  std::vector<std::string> texts;
  for (std::string s : Strings(row, "urls", false)) texts.push_back(s[0] == '/' ? s : "/" + s);
  for (const std::string& name : Strings(row, "npm", false)) texts.push_back("/" + name + "@{v}/");
  for (const std::string& name : Strings(row, "cdnjs", false)) texts.push_back("/ajax/libs/" + name + "/{v}/");
  std::vector<VersionPattern> out;
  for (const std::string& s : texts) {
    VersionPattern p(s, true);
    if (p.valid()) out.push_back(std::move(p));
  }
  return out;
}

bool HasAnyId(const std::vector<JsAdvisory>& have, const std::vector<std::string>& ids) {
  for (const JsAdvisory& a : have)
    for (const std::string& x : a.ids)
      for (const std::string& y : ids)
        if (x == y) return true;
  return false;
}

// Appends the advisories listed under `key` in `data` ("libraries": {key: [...]}); with
// `only_new`, only those sharing no id with what `out` already holds.
void AddAdvisories(const json::Value& data, const std::string& key, bool only_new, std::vector<JsAdvisory>& out) {
  const json::Value* libs = json::Find(data, "libraries");
  const json::Array* list = libs ? json::FindArray(*libs, key) : nullptr;
  if (!list) return;
  for (const json::Value& a : *list) {
    JsAdvisory adv;
    adv.ids = Strings(a, "ids", false);
    adv.range = Str(a, "range");
    if (adv.ids.empty() || !semver::ValidRange(adv.range)) continue;
    if (only_new && HasAnyId(out, adv.ids)) continue;
    adv.id = adv.ids.front();
    adv.fixed = Str(a, "fixed");
    adv.severity = Str(a, "severity");
    adv.summary = Str(a, "summary");
    adv.urls = Strings(a, "urls", false);
    out.push_back(std::move(adv));
  }
}

// The first match of `p` in `body` that BannerAnchored accepts (at most
// VersionPattern::kMaxOccurrences tries).
std::optional<VersionPattern::Match> FindBanner(const VersionPattern& p, std::string_view body) {
  std::size_t from = 0;
  for (std::size_t tries = 0; tries < VersionPattern::kMaxOccurrences && from < body.size(); ++tries) {
    std::optional<VersionPattern::Match> m = p.Find(body.substr(from), true);
    if (!m) return std::nullopt;
    m->at += from;
    if (BannerAnchored(body, m->at)) return m;
    from = m->at + 1;
  }
  return std::nullopt;
}

}  // namespace

namespace {

// The literal texts around the "{n}" placeholders of a FindVersionParts pattern.
std::vector<std::string_view> PartsLiterals(std::string_view pattern) {
  std::vector<std::string_view> literals;
  for (std::size_t from = 0;;) {
    const std::size_t n = pattern.find("{n}", from);
    literals.push_back(pattern.substr(from, n == std::string_view::npos ? std::string_view::npos : n - from));
    if (n == std::string_view::npos) break;
    from = n + 3;
  }
  return literals;
}

// The parts of a FindMinifiedVersion pattern: the text before "{v}" and the texts around the
// "{id}" placeholders after it; false when the pattern has another shape (it reads nothing).
bool MinifiedLiterals(std::string_view pattern, std::string_view& before, std::vector<std::string_view>& literals) {
  const std::size_t v = pattern.find("{v}");
  if (v == std::string_view::npos || v == 0) return false;
  before = pattern.substr(0, v);
  for (std::size_t from = v + 3;;) {
    const std::size_t id = pattern.find("{id}", from);
    literals.push_back(pattern.substr(from, id == std::string_view::npos ? std::string_view::npos : id - from));
    if (literals.back().empty() || id == std::string_view::npos) break;
    from = id + 4;
  }
  return literals.size() >= 2 && !literals.back().empty();
}

}  // namespace

std::string FindVersionParts(std::string_view text, std::string_view pattern) {
  const std::vector<std::string_view> literals = PartsLiterals(pattern);
  if (literals.size() < 2 || literals[0].empty()) return "";
  std::size_t pos = 0;
  for (std::size_t seen = 0; seen < VersionPattern::kMaxOccurrences; ++seen) {
    const std::size_t at = text.find(literals[0], pos);
    if (at == std::string_view::npos) return "";
    pos = at + 1;
    std::size_t i = at + literals[0].size();
    std::string version;
    bool ok = true;
    for (std::size_t k = 1; ok && k < literals.size(); ++k) {
      const std::size_t start = i;
      while (i < text.size() && i - start < 9 && text[i] >= '0' && text[i] <= '9') ++i;
      ok = i > start && text.substr(i, literals[k].size()) == literals[k];
      if (ok) version += (version.empty() ? "" : ".") + std::string(text.substr(start, i - start));
      i += literals[k].size();
    }
    // All zeros is a source tree's placeholder (dojo's unbuilt "0.0.0" with flag "dev"), not a
    // release: it names no version.
    if (ok && version.find_first_not_of("0.") != std::string::npos) return version;
  }
  return "";
}

std::string FindMinifiedVersion(std::string_view text, std::string_view pattern) {
  std::string_view before;
  std::vector<std::string_view> literals;  // the texts around the "{id}" placeholders
  if (!MinifiedLiterals(pattern, before, literals)) return "";
  auto ident_char = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
  };
  auto token_char = [](char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '.' || c == '-';
  };
  constexpr std::size_t kMaxTokenBytes = 64;  // a version token is read back at most this far
  std::size_t pos = 0;
  for (std::size_t seen = 0; seen < VersionPattern::kMaxOccurrences; ++seen) {
    const std::size_t at = text.find(literals.back(), pos);
    if (at == std::string_view::npos) return "";
    pos = at + 1;
    // Right to left: an identifier, the literal before it, … down to the text after "{v}".
    std::size_t end = at;
    bool ok = true;
    for (std::size_t k = literals.size() - 1; ok && k-- > 0;) {
      std::size_t start = end;
      while (start > 0 && end - start <= kMaxMinifiedIdentifierBytes && ident_char(text[start - 1])) --start;
      ok = start < end && end - start <= kMaxMinifiedIdentifierBytes && !(text[start] >= '0' && text[start] <= '9') &&
           start >= literals[k].size() && text.substr(start - literals[k].size(), literals[k].size()) == literals[k];
      if (ok) end = start - literals[k].size();
    }
    if (!ok) continue;
    std::size_t start = end;
    while (start > 0 && end - start < kMaxTokenBytes && token_char(text[start - 1])) --start;
    while (start < end && !(text[start] >= '0' && text[start] <= '9')) ++start;
    if (start == end || start < before.size() || text.substr(start - before.size(), before.size()) != before) continue;
    if (VersionTokenLength(text, start, true) == end - start) return std::string(text.substr(start, end - start));
  }
  return "";
}

bool BannerAnchored(std::string_view text, std::size_t at) {
  std::size_t i = at < text.size() ? at : text.size();
  auto skip_blank = [&] {
    while (i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\t' || text[i - 1] == '*' || text[i - 1] == '!')) --i;
  };
  skip_blank();
  // A licence tag opens many banners ("/** @license React v16.4.1", "@preserve").
  for (std::string_view tag : {std::string_view("@license"), std::string_view("@preserve")})
    if (i >= tag.size() && text.substr(i - tag.size(), tag.size()) == tag && i < at) {
      i -= tag.size();
      skip_blank();
      break;
    }
  if (i == 0) return true;
  const char c = text[i - 1];
  if (c == '\n' || c == '\r') return true;
  if (c != '/') return false;
  return (i < at && text[i] == '*') || (i >= 2 && text[i - 2] == '/');
}

int SeverityRank(std::string_view severity) {
  if (severity == "critical") return 4;
  if (severity == "high") return 3;
  if (severity == "medium") return 2;
  if (severity == "low") return 1;
  return 0;
}

JsLibraryTable JsLibraryTable::FromData(const json::Value& libraries, const json::Value& advisories, const json::Value& supplement) {
  JsLibraryTable table;
  if (const json::Value* source = json::Find(advisories, "source")) {
    table.data_date_ = Str(*source, "date");
    const std::string repo = Str(*source, "repository"), commit = Str(*source, "commit");
    if (!repo.empty()) table.data_source_ = repo + (commit.empty() ? "" : "@" + commit.substr(0, 12));
  }
  const json::Array* rows = json::FindArray(libraries, "libraries");
  if (!rows) return table;
  for (const json::Value& row : *rows) {
    JsLibrary lib;
    lib.name = Str(row, "name");
    if (lib.name.empty()) continue;
    lib.title = Str(row, "title");
    if (lib.title.empty()) lib.title = lib.name;
    lib.part_of = Str(row, "part_of");
    lib.urls = UrlPatterns(row);
    lib.files = Strings(row, "files", true);
    lib.banners = Patterns(row, "banners", false);
    lib.code = Patterns(row, "code", false);
    lib.parts = Strings(row, "parts", false);
    lib.minified = Strings(row, "minified", false);
    lib.identify = Strings(row, "identify", false);
    lib.versions = Patterns(row, "versions", false);
    lib.advisory_keys = Strings(row, "advisories_from", false);
    if (lib.advisory_keys.empty()) lib.advisory_keys.push_back(lib.name);
    for (const std::string& key : lib.advisory_keys) AddAdvisories(advisories, key, false, lib.advisories);
    for (const std::string& key : lib.advisory_keys) AddAdvisories(supplement, key, true, lib.advisories);
    table.IndexLiterals(lib);
    table.libraries_.push_back(std::move(lib));
  }
  return table;
}

void JsLibraryTable::IndexLiterals(const JsLibrary& lib) {
  // Each distinct literal is one needle of its index.
  auto id_in = [](NeedleIndex& index, std::string_view literal) {
    if (literal.empty()) return kAlwaysRun;
    for (std::size_t i = 0; i < index.size(); ++i)
      if (index.needle(i) == literal) return i;
    return index.Add(literal);
  };
  auto id_of = [&](std::string_view literal) { return id_in(body_literals_, literal); };
  LiteralIds ids;
  for (const VersionPattern& p : lib.urls) ids.urls.push_back(id_in(url_literals_, p.search_literal()));
  for (const VersionPattern& p : lib.banners) ids.banners.push_back(id_of(p.search_literal()));
  for (const VersionPattern& p : lib.code) ids.code.push_back(id_of(p.search_literal()));
  for (const std::string& p : lib.parts) {
    const std::vector<std::string_view> literals = PartsLiterals(p);
    ids.parts.push_back(literals.size() < 2 ? kAlwaysRun : id_of(literals[0]));
  }
  for (const std::string& p : lib.minified) {
    std::string_view before;
    std::vector<std::string_view> literals;
    ids.minified.push_back(MinifiedLiterals(p, before, literals) ? id_of(literals.back()) : kAlwaysRun);
  }
  for (const std::string& lit : lib.identify) ids.identify.push_back(id_of(lit));
  for (const VersionPattern& p : lib.versions) ids.versions.push_back(id_of(p.search_literal()));
  literal_ids_.push_back(std::move(ids));
}

std::vector<JsDetection> JsLibraryTable::DetectInUrl(const Url& url) const {
  std::vector<JsDetection> out;
  std::string tail = text::Lower(url.path());
  const std::size_t slash = tail.rfind('/');
  const std::string file = tail.substr(slash == std::string::npos ? 0 : slash + 1);
  if (!url.query().empty()) tail += "?" + text::Lower(url.query());
  std::vector<char> occurs(url_literals_.size(), 0);
  url_literals_.Scan(tail, [&occurs](std::size_t i, std::size_t) {
    occurs[i] = 1;
    return true;
  });
  for (std::size_t l = 0; l < libraries_.size(); ++l) {
    const JsLibrary& lib = libraries_[l];
    const std::vector<std::size_t>& ids = literal_ids_[l].urls;
    if (out.size() >= kMaxPerScript) break;
    bool found = false;
    for (std::size_t i = 0; i < lib.urls.size(); ++i) {
      const VersionPattern& p = lib.urls[i];
      if (ids[i] != kAlwaysRun && occurs[ids[i]] == 0) continue;
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
  std::vector<char> occurs(body_literals_.size(), 0);
  body_literals_.Scan(body, [&occurs](std::size_t i, std::size_t) {
    occurs[i] = 1;
    return true;
  });
  auto may_match = [&occurs](std::size_t id) { return id == kAlwaysRun || occurs[id] != 0; };
  for (std::size_t l = 0; l < libraries_.size(); ++l) {
    const JsLibrary& lib = libraries_[l];
    const LiteralIds& ids = literal_ids_[l];
    if (out.size() >= kMaxPerScript) break;
    std::string version;
    bool found = false;
    for (std::size_t i = 0; i < lib.banners.size(); ++i) {
      if (!may_match(ids.banners[i])) continue;
      if (auto m = FindBanner(lib.banners[i], body)) {
        version = m->version;
        found = true;
        break;
      }
    }
    for (std::size_t i = 0; !found && i < lib.code.size(); ++i) {
      if (!may_match(ids.code[i])) continue;
      if (auto m = lib.code[i].Find(body, true)) {
        version = m->version;
        found = true;
      }
    }
    for (std::size_t i = 0; !found && i < lib.parts.size(); ++i) {
      if (!may_match(ids.parts[i])) continue;
      version = FindVersionParts(body, lib.parts[i]);
      found = !version.empty();
    }
    for (std::size_t i = 0; !found && i < lib.minified.size(); ++i) {
      if (!may_match(ids.minified[i])) continue;
      version = FindMinifiedVersion(body, lib.minified[i]);
      found = !version.empty();
    }
    if (!found) {
      for (std::size_t i = 0; !found && i < lib.identify.size(); ++i) found = may_match(ids.identify[i]);
      if (found)
        for (std::size_t i = 0; i < lib.versions.size(); ++i) {
          if (!may_match(ids.versions[i])) continue;
          if (auto m = lib.versions[i].Find(body, true)) {
            version = m->version;
            break;
          }
        }
    }
    if (found) out.push_back({&lib, version, std::string(source), std::string(url)});
  }
  // A part whose whole build is detected in the same body is that build, not a separate copy.
  std::vector<JsDetection> kept;
  for (const JsDetection& d : out) {
    bool whole = false;
    for (const JsDetection& w : out) whole = whole || (!d.library->part_of.empty() && w.library->name == d.library->part_of);
    if (!whole) kept.push_back(d);
  }
  return kept;
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
