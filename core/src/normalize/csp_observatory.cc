#include "normalize/csp_observatory.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "normalize/csp_source.h"
#include "normalize/observatory_view.h"
#include "util/text.h"

namespace portal_check::csp {

using namespace lex;

// ---------------------------------------------------------------------------------------------
// The Observatory's CSP test, emulated
// ---------------------------------------------------------------------------------------------

namespace {

// Intl.Collator("en") (CLDR root, punctuation non-ignorable) orders ASCII as: white space,
// punctuation and symbols in this order, digits, then letters. Rank of one lower-case byte.
int CollationRank(unsigned char c) {
  static constexpr std::string_view kOrder =
      "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";
  std::size_t pos = kOrder.find(static_cast<char>(c));
  if (pos != std::string_view::npos) return static_cast<int>(pos);
  if (c >= 'A' && c <= 'Z') return static_cast<int>(kOrder.find(static_cast<char>(c - 'A' + 'a')));
  return 256 + c;  // other bytes after every ASCII character, in byte order
}

bool CollateLess(const std::string& a, const std::string& b) {
  std::size_t n = std::min(a.size(), b.size());
  for (std::size_t i = 0; i < n; ++i) {
    int ra = CollationRank(static_cast<unsigned char>(a[i]));
    int rb = CollationRank(static_cast<unsigned char>(b[i]));
    if (ra != rb) return ra < rb;
  }
  return a.size() < b.size();
}

// JavaScript's decodeURIComponent: nullopt where it would throw (bad escape, invalid UTF-8).
std::optional<std::string> DecodeUriComponent(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out.push_back(s[i]);
      continue;
    }
    if (i + 2 >= s.size() || !IsHex(s[i + 1]) || !IsHex(s[i + 2])) return std::nullopt;
    auto hex = [](char c) { return IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10; };
    out.push_back(static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2])));
    i += 2;
  }
  // Validate UTF-8 (no overlongs, no surrogates, max U+10FFFF).
  for (std::size_t i = 0; i < out.size();) {
    unsigned char c = static_cast<unsigned char>(out[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > out.size()) return std::nullopt;
    unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (std::size_t k = 1; k < len; ++k) {
      unsigned char cc = static_cast<unsigned char>(out[i + k]);
      if ((cc >> 6) != 0x2) return std::nullopt;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
      return std::nullopt;
    i += len;
  }
  return out;
}

// The Observatory's pathPartMatch on two whole source strings; nullopt where it throws.
std::optional<bool> PathPartMatch(std::string_view a, std::string_view b) {
  if (a.empty()) return true;
  if (a == "/" && b.empty()) return true;
  bool exact = !EndsWith(a, "/");
  std::vector<std::string_view> la = SplitKeep(a, '/');
  std::vector<std::string_view> lb = SplitKeep(b, '/');
  if (la.size() > lb.size()) return false;
  if (exact && la.size() != lb.size()) return false;
  if (!exact) la.pop_back();
  for (std::size_t i = 0; i < la.size(); ++i) {
    std::optional<std::string> pa = DecodeUriComponent(la[i]);
    if (!pa) return std::nullopt;
    std::optional<std::string> pb = DecodeUriComponent(lb[i]);
    if (!pb) return std::nullopt;
    if (*pa != *pb) return false;
  }
  return true;
}

struct ObsSource {
  std::string source;
  std::size_t index;
  bool keep;
};

using SourceSet = std::shared_ptr<std::vector<std::string>>;  // a JS Set (insertion order)
using ObsMap = std::vector<std::pair<std::string, SourceSet>>;  // a JS Map (insertion order)

const std::string kDuplicateKey = "_observatory_duplicate_key_warnings";

SourceSet MapGet(const ObsMap& m, std::string_view key) {
  for (const auto& [k, v] : m)
    if (k == key) return v;
  return nullptr;
}

void MapDelete(ObsMap& m, std::string_view key) {
  m.erase(std::remove_if(m.begin(), m.end(), [&](const auto& kv) { return kv.first == key; }), m.end());
}

template <typename V>
V* OrderedFind(std::vector<std::pair<std::string, V>>& m, const std::string& key) {
  for (auto& kv : m)
    if (kv.first == key) return &kv.second;
  return nullptr;
}

// Merges one directive's new sources into `csp` as the Observatory's parseCsp does.
// Returns false where it would throw.
bool MergeDirective(std::vector<std::pair<std::string, std::vector<ObsSource>>>& csp,
                    const std::string& directive, std::vector<ObsSource> values, std::size_t policy_index,
                    std::size_t list_size) {
  std::vector<ObsSource> combined;
  std::vector<ObsSource>* existing = OrderedFind(csp, directive);
  if (policy_index != 0 && existing) combined = *existing;
  combined.insert(combined.end(), values.begin(), values.end());
  std::stable_sort(combined.begin(), combined.end(),
                   [](const ObsSource& a, const ObsSource& b) { return CollateLess(a.source, b.source); });
  for (std::size_t i = 1; i < combined.size(); ++i) {
    ObsSource& source = combined[i];
    const ObsSource& prev = combined[i - 1];
    if (source.index == prev.index && StartsWith(source.source, prev.source)) source.keep = false;
    if (source.index != prev.index) {
      std::optional<bool> match = PathPartMatch(prev.source, source.source);
      if (!match) return false;
      if (*match) source.keep = true;
    }
  }
  std::vector<ObsSource> kept;
  for (const ObsSource& s : combined)
    if (s.keep) kept.push_back(s);
  if (policy_index == 0 && list_size > 1)
    for (ObsSource& s : kept) s.keep = false;
  if (existing) *existing = std::move(kept);
  else csp.emplace_back(directive, std::move(kept));
  return true;
}

// The Observatory's parseCsp; nullopt where it throws.
std::optional<ObsMap> ObsParseCsp(const std::vector<std::string>& list) {
  std::vector<std::string> clean;
  for (const std::string& s : list) {
    std::string c;
    for (char ch : s)
      if (ch != '\r' && ch != '\n') c.push_back(ch);
    clean.emplace_back(observatory::JsTrim(c));
  }
  if (clean.empty()) return ObsMap{};
  for (const std::string& c : clean)
    if (observatory::Utf16Length(c) < 6) return std::nullopt;
  std::vector<std::pair<std::string, std::vector<ObsSource>>> csp;
  std::vector<std::string> duplicates;
  for (std::size_t pi = 0; pi < clean.size(); ++pi) {
    std::set<std::string> seen;
    for (std::string_view entry : SplitKeep(clean[pi], ';')) {
      std::vector<std::string_view> parts = observatory::JsSplitSpace(entry);
      if (parts.empty()) continue;
      std::string directive = text::Lower(parts[0]);
      if (seen.count(directive)) {
        if (directive != "report-uri" && directive != "report-to") return std::nullopt;
        if (!Contains(duplicates, directive)) duplicates.push_back(directive);
      } else {
        seen.insert(directive);
      }
      std::vector<ObsSource> values;
      for (std::size_t i = 1; i < parts.size(); ++i)
        values.push_back(ObsSource{text::Lower(parts[i]), pi, pi == 0});
      if (parts.size() == 1 && EndsWith(directive, "-src")) values.push_back(ObsSource{"'none'", pi, pi == 0});
      if (!MergeDirective(csp, directive, std::move(values), pi, list.size())) return std::nullopt;
    }
  }
  ObsMap out;
  for (auto& [directive, sources] : csp) {
    auto set = std::make_shared<std::vector<std::string>>();
    for (const ObsSource& s : sources)
      if (!Contains(*set, s.source)) set->push_back(s.source);
    if (set->empty()) set->push_back("'none'");
    out.emplace_back(directive, set);
  }
  if (!duplicates.empty()) out.emplace_back(kDuplicateKey, std::make_shared<std::vector<std::string>>(duplicates));
  return out;
}

bool SetHas(const SourceSet& s, std::string_view v) { return Contains(*s, v); }
void SetDelete(SourceSet& s, std::string_view v) {
  s->erase(std::remove(s->begin(), s->end(), v), s->end());
}
bool StartsWithNonceHash(const SourceSet& s) {
  for (const std::string& v : *s)
    if (IsNoncePrefix(v) || IsHashPrefix(v)) return true;
  return false;
}

SourceSet Either(const ObsMap& m, std::string_view a, std::string_view b, std::vector<std::string> fallback) {
  if (SourceSet s = MapGet(m, a)) return s;
  if (SourceSet s = MapGet(m, b)) return s;
  return std::make_shared<std::vector<std::string>>(std::move(fallback));
}

}  // namespace

ObservatoryCsp ObservatoryEvaluate(const Input& in) {
  ObservatoryCsp out;
  std::vector<std::string> http;
  if (in.observatory_header) http.push_back(*in.observatory_header);
  std::vector<std::string> all = http;
  all.insert(all.end(), in.observatory_meta.begin(), in.observatory_meta.end());
  std::optional<ObsMap> parsed = ObsParseCsp(all);
  if (!parsed) {
    out.result = "csp-header-invalid";
    return out;
  }
  ObsMap csp = std::move(*parsed);
  // How many directives the header's and the <meta>'s own policies have. Without a <meta> policy,
  // the header's is the one just parsed (the same list), and the <meta>'s is empty.
  std::size_t size = csp.size();
  if (!in.observatory_meta.empty()) {
    std::optional<ObsMap> header_only = ObsParseCsp(http);
    std::optional<ObsMap> meta_only = ObsParseCsp(in.observatory_meta);
    if (meta_only)
      for (std::string_view d : kIgnoredInMeta) MapDelete(*meta_only, d);
    size = (header_only ? header_only->size() : 0) + (meta_only ? meta_only->size() : 0);
  }
  if (size == 0) {
    const bool report_only = in.observatory_report_only && !in.observatory_report_only->empty();
    out.result = report_only ? "csp-not-implemented-but-reporting-enabled" : "csp-not-implemented";
    return out;
  }
  std::string result;
  auto set_if_null = [&](const char* code) {
    if (result.empty()) result = code;
  };
  SourceSet object_src = Either(csp, "object-src", "default-src", {"*"});
  SourceSet script_src = Either(csp, "script-src", "default-src", {"*"});
  SourceSet style_src = Either(csp, "style-src", "default-src", {"*"});
  for (SourceSet* list : {&script_src, &style_src})
    if (StartsWithNonceHash(*list) && SetHas(*list, "'unsafe-inline'")) SetDelete(*list, "'unsafe-inline'");
  if (StartsWithNonceHash(script_src) && SetHas(script_src, "'strict-dynamic'")) {
    std::vector<std::string> copy = *script_src;
    for (const std::string& source : copy) {
      bool broad_prefix = false;
      for (std::string_view b : kBroad) broad_prefix = broad_prefix || StartsWith(source, b);
      if (broad_prefix || source == "'self'" || source == "'unsafe-inline'") SetDelete(script_src, source);
    }
  } else if (SetHas(script_src, "'strict-dynamic'")) {
    set_if_null("csp-header-invalid");
  }
  std::vector<std::string> active, passive;
  for (const auto& [directive, set] : csp)
    if (directive != "img-src" && directive != "media-src" && directive != "script-src")
      active.insert(active.end(), set->begin(), set->end());
  active.insert(active.end(), script_src->begin(), script_src->end());
  for (std::string_view d : {"img-src", "media-src"}) {
    SourceSet s = Either(csp, d, "default-src", {});
    passive.insert(passive.end(), s->begin(), s->end());
  }
  auto any_of = [](const std::vector<std::string>& list, auto pred) {
    return std::any_of(list.begin(), list.end(), pred);
  };
  auto broad_or_inline = [](const std::string& s) { return IsBroad(s) || s == "'unsafe-inline'" || s == "data:"; };
  auto insecure = [](const std::string& s) { return StartsWith(s, "http:") || StartsWith(s, "ftp:"); };
  if (any_of(*script_src, broad_or_inline) || any_of(*object_src, [](const std::string& s) { return IsBroad(s); }))
    set_if_null("csp-implemented-with-unsafe-inline");
  if (in.https && any_of(active, insecure)) set_if_null("csp-implemented-with-insecure-scheme");
  if (SetHas(script_src, "'unsafe-eval'") || SetHas(style_src, "'unsafe-eval'"))
    set_if_null("csp-implemented-with-unsafe-eval");
  if (in.https && any_of(passive, insecure))
    set_if_null("csp-implemented-with-insecure-scheme-in-passive-content-only");
  if (any_of(*style_src, broad_or_inline)) set_if_null("csp-implemented-with-unsafe-inline-in-style-src-only");
  SourceSet def = MapGet(csp, "default-src");
  if (def && def->size() == 1 && (*def)[0] == "'none'") set_if_null("csp-implemented-with-no-unsafe-default-src-none");
  else set_if_null("csp-implemented-with-no-unsafe");
  bool pass = result == "csp-implemented-with-no-unsafe" ||
              result == "csp-implemented-with-no-unsafe-default-src-none" ||
              result == "csp-implemented-with-unsafe-inline-in-style-src-only" ||
              result == "csp-implemented-with-insecure-scheme-in-passive-content-only";
  if (pass && MapGet(csp, kDuplicateKey)) result = "csp-implemented-but-duplicate-directives";
  out.result = result;
  out.has_data = true;
  for (const auto& [directive, set] : csp) {
    if (directive == kDuplicateKey) continue;
    std::vector<std::string> values = *set;
    std::sort(values.begin(), values.end());
    out.data[directive] = std::move(values);
  }
  return out;
}

}  // namespace portal_check::csp
