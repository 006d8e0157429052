#include "normalize/csp.h"

#include <algorithm>
#include <memory>
#include <optional>
#include <set>
#include <utility>

#include "normalize/observatory_view.h"
#include "normalize/page_model.h"
#include "normalize/template_content.h"
#include "util/text.h"

namespace portal_check::csp {
namespace {

// ---------------------------------------------------------------------------------------------
// Character and token helpers
// ---------------------------------------------------------------------------------------------

// CSP's "ASCII whitespace": TAB, LF, FF, CR, SPACE.
bool IsCspSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r'; }
bool IsAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsHex(char c) { return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

std::string_view TrimWith(std::string_view s, bool (*is_space)(char)) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

// Splits on runs of the given white space; never yields empty tokens.
std::vector<std::string_view> SplitSpace(std::string_view s, bool (*is_space)(char)) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && is_space(s[i])) ++i;
    std::size_t start = i;
    while (i < s.size() && !is_space(s[i])) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

// Splits on `sep`, keeping empty parts (JavaScript's String.prototype.split).
std::vector<std::string_view> SplitKeep(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t pos = s.find(sep, start);
    if (pos == std::string_view::npos) {
      out.push_back(s.substr(start));
      return out;
    }
    out.push_back(s.substr(start, pos - start));
    start = pos + 1;
  }
}

bool IsAsciiText(std::string_view s) {
  for (char c : s)
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  return true;
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.substr(0, prefix.size()) == prefix;
}

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

template <typename Container>
bool Contains(const Container& c, std::string_view v) {
  for (const auto& x : c)
    if (x == v) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------
// Directive catalogue
// ---------------------------------------------------------------------------------------------

constexpr std::string_view kKnownDirectives[] = {
    "child-src", "connect-src", "default-src", "fenced-frame-src", "font-src", "frame-src",
    "img-src", "manifest-src", "media-src", "object-src", "script-src", "script-src-elem",
    "script-src-attr", "style-src", "style-src-elem", "style-src-attr", "worker-src",
    "base-uri", "sandbox", "form-action", "frame-ancestors", "report-uri", "report-to",
    "require-trusted-types-for", "trusted-types", "upgrade-insecure-requests", "webrtc",
    // deprecated but still recognised
    "block-all-mixed-content", "plugin-types", "prefetch-src", "reflected-xss", "referrer",
    "require-sri-for", "navigate-to", "disown-opener"};

constexpr std::string_view kDeprecatedDirectives[] = {
    "block-all-mixed-content", "plugin-types", "prefetch-src", "reflected-xss", "referrer",
    "require-sri-for", "navigate-to", "disown-opener"};

constexpr std::string_view kIgnoredInMeta[] = {"frame-ancestors", "report-uri", "sandbox"};

bool IsKnownDirective(std::string_view name) { return Contains(kKnownDirectives, name); }

constexpr std::string_view kQuotedKeywords[] = {
    "'self'", "'none'", "'unsafe-inline'", "'unsafe-eval'", "'strict-dynamic'", "'unsafe-hashes'",
    "'report-sample'", "'unsafe-allow-redirects'", "'wasm-unsafe-eval'",
    "'inline-speculation-rules'", "'trusted-types-eval'", "'report-sha256'", "'report-sha384'",
    "'report-sha512'", "'unsafe-webtransport-hashes'"};

constexpr std::string_view kBareKeywords[] = {"self",          "none",          "unsafe-inline",
                                              "unsafe-eval",   "strict-dynamic", "unsafe-hashes",
                                              "report-sample", "wasm-unsafe-eval", "inline-speculation-rules"};

// The Observatory's "dangerously broad" sources (exact values, lower-case).
constexpr std::string_view kBroad[] = {"ftp:", "http:", "https:", "*",
                                       "http://*", "http://*.*", "https://*", "https://*.*"};

bool IsBroad(std::string_view lower) { return Contains(kBroad, lower); }

// An http: or ftp: source (scheme-only or with a host), lower-case input.
bool IsInsecureSchemeSource(std::string_view lower) {
  return StartsWith(lower, "http:") || StartsWith(lower, "ftp:");
}

bool IsNoncePrefix(std::string_view lower) { return StartsWith(lower, "'nonce-"); }
bool IsHashPrefix(std::string_view lower) {
  return StartsWith(lower, "'sha256-") || StartsWith(lower, "'sha384-") ||
         StartsWith(lower, "'sha512-");
}

// The base64 part of a quoted nonce/hash ("'nonce-abc'" -> "abc"); "" with ok=false when the
// closing quote is missing.
std::string_view QuotedTail(std::string_view raw, std::size_t prefix_len, bool& ok) {
  ok = raw.size() > prefix_len && raw.back() == '\'';
  if (!ok) return {};
  return raw.substr(prefix_len, raw.size() - prefix_len - 1);
}

// The base64 value of a nonce-source or hash-source that matches CSP's grammar ("'nonce-" or
// "'sha256-" / "-384-" / "-512-", base64-value, closing quote), or nullopt.
std::optional<std::string_view> SourceBase64(std::string_view raw) {
  const std::string lower = text::Lower(raw.substr(0, 8));
  const std::size_t prefix = IsNoncePrefix(lower) ? 7 : IsHashPrefix(lower) ? 8 : 0;
  if (prefix == 0) return std::nullopt;
  bool closed = false;
  const std::string_view tail = QuotedTail(raw, prefix, closed);
  if (!closed || !IsBase64Value(tail)) return std::nullopt;
  return tail;
}

// A plain scheme that lets <script>, <object> or <base> load from anywhere on it.
bool IsPlainXssScheme(std::string_view lower) { return lower == "http:" || lower == "https:" || lower == "data:"; }

// A source that allows any host: "*" once its scheme and "//" are dropped ("*", "https://*", "//*").
bool IsWildcardSource(std::string_view lower) {
  const std::size_t scheme = lower.find("://");
  if (scheme != std::string_view::npos) lower.remove_prefix(scheme + 3);
  if (StartsWith(lower, "//")) lower.remove_prefix(2);
  return lower == "*";
}

}  // namespace

// ---------------------------------------------------------------------------------------------
// Public token helpers
// ---------------------------------------------------------------------------------------------

json::Value FindingJson(const Finding& f) {
  json::Object o;
  o["directive"] = json::Str(f.directive);
  o["issue"] = json::Str(f.issue);
  o["value"] = json::Str(text::SafeUtf8(f.value, kFindingValueBytes));
  o["severity"] = json::Str(f.severity);
  o["policy"] = json::Str(f.policy);
  return json::Value(o);
}

const char* OriginName(Origin origin) {
  switch (origin) {
    case Origin::kHeader: return "header";
    case Origin::kReportOnly: return "report-only";
    case Origin::kMeta: return "meta";
  }
  return "header";
}

const Directive* Policy::Find(std::string_view name) const {
  for (const Directive& d : directives)
    if (d.name == name) return &d;
  return nullptr;
}

std::string Policy::Label() const { return std::string(OriginName(origin)) + "#" + std::to_string(index); }

bool IsBase64Value(std::string_view value) {
  std::size_t i = 0;
  while (i < value.size()) {
    char c = value[i];
    if (!(IsAlpha(c) || IsDigit(c) || c == '+' || c == '/' || c == '-' || c == '_')) break;
    ++i;
  }
  if (i == 0) return false;
  std::size_t pad = value.size() - i;
  if (pad > 2) return false;
  for (std::size_t j = i; j < value.size(); ++j)
    if (value[j] != '=') return false;
  return true;
}

bool IsAdequateNonce(std::string_view value) {
  return IsBase64Value(value) && value.size() >= kMinNonceChars;
}

bool IsValidHash(std::string_view algorithm, std::string_view value) {
  std::size_t bytes = 0;
  if (text::EqualsIgnoreCase(algorithm, "sha256")) bytes = 32;
  else if (text::EqualsIgnoreCase(algorithm, "sha384")) bytes = 48;
  else if (text::EqualsIgnoreCase(algorithm, "sha512")) bytes = 64;
  else return false;
  if (!IsBase64Value(value)) return false;
  // Mixing the two alphabets is not base64 nor base64url.
  bool std_alpha = value.find_first_of("+/") != std::string_view::npos;
  bool url_alpha = value.find_first_of("-_") != std::string_view::npos;
  if (std_alpha && url_alpha) return false;
  std::size_t pad = 0;
  while (pad < value.size() && value[value.size() - 1 - pad] == '=') ++pad;
  std::size_t chars = value.size() - pad;
  std::size_t unpadded = (bytes * 4 + 2) / 3;  // 43, 64, 86
  if (chars != unpadded) return false;
  std::size_t padded_total = ((bytes + 2) / 3) * 4;  // 44, 64, 88
  return pad == 0 || chars + pad == padded_total;
}

BypassUrl ParseBypassUrl(std::string_view entry) {
  BypassUrl u;
  std::size_t scheme = entry.find("://");
  if (scheme != std::string_view::npos) entry.remove_prefix(scheme + 3);
  if (StartsWith(entry, "//")) entry.remove_prefix(2);
  const std::size_t slash = entry.find('/');
  u.host = text::Lower(entry.substr(0, slash));
  if (slash != std::string_view::npos) u.path = std::string(entry.substr(slash));
  return u;
}

bool IsPermissiveFrameAncestors(const Directive& frame_ancestors) {
  for (const std::string& raw : frame_ancestors.values) {
    std::string v = text::Lower(raw);
    if (v == "*" || v == "http:" || v == "https:" || v == "http://*" || v == "https://*" ||
        v == "http://*.*" || v == "https://*.*" || v == "ws:" || v == "wss:" || v == "data:" ||
        v == "blob:" || v == "file:" || v == "ftp:")
      return true;
  }
  return false;
}

std::string_view ObservatoryCodeFor(std::string_view outcome) {
  static constexpr std::pair<std::string_view, std::string_view> kMap[] = {
      {"default-none", "csp-implemented-with-no-unsafe-default-src-none"},
      {"no-unsafe", "csp-implemented-with-no-unsafe"},
      {"unsafe-inline-style-only", "csp-implemented-with-unsafe-inline-in-style-src-only"},
      {"insecure-scheme-passive-only", "csp-implemented-with-insecure-scheme-in-passive-content-only"},
      {"unsafe-eval", "csp-implemented-with-unsafe-eval"},
      {"unsafe-inline", "csp-implemented-with-unsafe-inline"},
      {"insecure-scheme", "csp-implemented-with-insecure-scheme"},
      {"invalid", "csp-header-invalid"},
      {"missing", "csp-not-implemented"},
      {"report-only", "csp-not-implemented-but-reporting-enabled"},
  };
  for (const auto& [ours, obs] : kMap)
    if (ours == outcome) return obs;
  return {};
}

// ---------------------------------------------------------------------------------------------
// Parsing (CSP3 section 2.2.1)
// ---------------------------------------------------------------------------------------------

namespace {

Finding MakeFinding(std::string_view directive, std::string_view issue, std::string_view value,
                    std::string_view severity, const std::string& policy) {
  return Finding{std::string(directive), std::string(issue), std::string(value),
                 std::string(severity), policy};
}

bool IsDirectiveName(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name)
    if (!(IsAlpha(c) || IsDigit(c) || c == '-')) return false;
  return true;
}

// Syntax checks on one value of directive `name`: a directive name among the values (a missing
// semicolon), a keyword, nonce or hash written without its quotes, a quoted value that is no
// keyword of that directive and no well-formed nonce or hash (browsers ignore it).
void CheckSourceSyntax(std::string_view name, std::string_view raw, const std::string& label,
                       std::vector<Finding>& findings) {
  std::string lower = text::Lower(raw);
  if (IsKnownDirective(lower)) {
    findings.push_back(MakeFinding(name, "missing-semicolon", raw, "high", label));
    return;
  }
  if (Contains(kBareKeywords, lower) || StartsWith(lower, "nonce-") || StartsWith(lower, "sha256-") ||
      StartsWith(lower, "sha384-") || StartsWith(lower, "sha512-")) {
    findings.push_back(MakeFinding(name, "unquoted-keyword", raw, "high", label));
    return;
  }
  if (lower.empty() || lower.front() != '\'') return;
  bool known = false;
  if (name == "trusted-types") known = lower == "'none'" || lower == "'allow-duplicates'";
  else if (name == "require-trusted-types-for") known = lower == "'script'";
  else known = Contains(kQuotedKeywords, lower) || SourceBase64(raw).has_value();
  if (!known) findings.push_back(MakeFinding(name, "invalid-keyword", raw, "medium", label));
}

}  // namespace

Policy ParsePolicy(std::string_view text, Origin origin, int index, std::vector<Finding>& findings) {
  Policy policy;
  policy.origin = origin;
  policy.index = index;
  policy.text = std::string(TrimWith(text, IsCspSpace));
  const std::string label = policy.Label();
  for (std::string_view token : SplitKeep(policy.text, ';')) {
    token = TrimWith(token, IsCspSpace);
    if (token.empty()) continue;
    if (!IsAsciiText(token)) {
      findings.push_back(MakeFinding("", "non-ascii-directive", token, "medium", label));
      continue;
    }
    std::vector<std::string_view> parts = SplitSpace(token, IsCspSpace);
    std::string name = text::Lower(parts[0]);
    if (!IsDirectiveName(name)) {
      findings.push_back(MakeFinding("", "invalid-directive-name", parts[0], "high", label));
      continue;
    }
    if (policy.Find(name) != nullptr) {
      findings.push_back(MakeFinding(name, "duplicate-directive", token, "medium", label));
      continue;
    }
    if (origin == Origin::kMeta && Contains(kIgnoredInMeta, name)) {
      findings.push_back(MakeFinding(name, "ignored-in-meta", token, "low", label));
      ++policy.ignored_in_meta;
      continue;
    }
    if (!IsKnownDirective(name))
      findings.push_back(MakeFinding(name, "unknown-directive", parts[0], "medium", label));
    else if (Contains(kDeprecatedDirectives, name))
      findings.push_back(MakeFinding(name, "deprecated-directive", parts[0], "low", label));
    Directive d;
    d.name = name;
    for (std::size_t i = 1; i < parts.size(); ++i) {
      CheckSourceSyntax(name, parts[i], label, findings);
      d.values.emplace_back(parts[i]);
    }
    policy.directives.push_back(std::move(d));
  }
  return policy;
}

Input CollectInput(const HeaderList& response_headers, const PageModel* page, const std::optional<Url>& url) {
  Input in;
  for (std::string_view v : response_headers.GetAll("Content-Security-Policy"))
    if (in.headers.size() < kMaxPoliciesPerKind) in.headers.emplace_back(v);
  for (std::string_view v : response_headers.GetAll("Content-Security-Policy-Report-Only"))
    if (in.report_only.size() < kMaxPoliciesPerKind) in.report_only.emplace_back(v);
  in.observatory_header = observatory::Header(response_headers, "Content-Security-Policy");
  in.observatory_report_only = observatory::Header(response_headers, "Content-Security-Policy-Report-Only");
  if (page != nullptr) {
    const bool observatory_html = observatory::ReadsAsHtml(response_headers);
    const std::vector<bool> inert = InTemplateContent(*page);
    for (std::size_t i = 0; i < page->elements().size(); ++i) {
      const HtmlElement& e = page->elements()[i];
      if (e.tag != "meta" || inert[i]) continue;
      const std::string* equiv = e.Attr("http-equiv");
      const std::string* content = e.Attr("content");
      if (!equiv || !content || content->empty()) continue;
      if (text::EqualsIgnoreCase(*equiv, "content-security-policy") && in.meta.size() < kMaxPoliciesPerKind)
        in.meta.push_back(*content);
      if (observatory_html && text::EqualsIgnoreCase(observatory::JsTrim(*equiv), "content-security-policy") &&
          in.observatory_meta.size() < kMaxPoliciesPerKind)
        in.observatory_meta.push_back(*content);
    }
  }
  in.https = !url || url->IsHttps();
  return in;
}

std::vector<Policy> ParseAll(const Input& in, std::vector<Finding>& findings) {
  std::vector<Policy> out;
  int n = 0;
  for (const std::string& value : in.headers)
    for (std::string_view part : SplitKeep(value, ','))
      out.push_back(ParsePolicy(part, Origin::kHeader, n++, findings));
  n = 0;
  for (const std::string& value : in.report_only)
    for (std::string_view part : SplitKeep(value, ','))
      out.push_back(ParsePolicy(part, Origin::kReportOnly, n++, findings));
  n = 0;
  for (const std::string& value : in.meta) out.push_back(ParsePolicy(value, Origin::kMeta, n++, findings));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Evaluation (what browsers enforce)
// ---------------------------------------------------------------------------------------------

namespace {

// The first directive of `chain` present in `p` (CSP3 fallback lists), or nullptr.
template <std::size_t N>
const Directive* Effective(const Policy& p, const std::string_view (&chain)[N]) {
  for (std::string_view name : chain)
    if (const Directive* d = p.Find(name)) return d;
  return nullptr;
}

constexpr std::string_view kScriptElemChain[] = {"script-src-elem", "script-src", "default-src"};
constexpr std::string_view kScriptAttrChain[] = {"script-src-attr", "script-src", "default-src"};
constexpr std::string_view kScriptChain[] = {"script-src", "default-src"};
constexpr std::string_view kStyleElemChain[] = {"style-src-elem", "style-src", "default-src"};
constexpr std::string_view kStyleAttrChain[] = {"style-src-attr", "style-src", "default-src"};
constexpr std::string_view kObjectChain[] = {"object-src", "default-src"};

// Facts about one source list.
struct ListFacts {
  bool unrestricted = false;       // no directive applies
  bool unsafe_inline = false;      // 'unsafe-inline' listed
  bool unsafe_eval = false;
  bool strict_dynamic = false;
  bool any_nonce_or_hash = false;  // any 'nonce-' / 'shaNNN-' token, well-formed or not
  bool trusted_nonce_or_hash = false;  // an adequate nonce or a valid hash
  bool broad = false;              // an Observatory "dangerously broad" source
  bool data_scheme = false;
  bool insecure_scheme = false;    // http: / ftp: sources
};

ListFacts Facts(const Directive* d) {
  ListFacts f;
  if (d == nullptr) {
    f.unrestricted = true;
    return f;
  }
  for (const std::string& raw : d->values) {
    std::string v = text::Lower(raw);
    bool ok = false;
    if (v == "'unsafe-inline'") f.unsafe_inline = true;
    else if (v == "'unsafe-eval'") f.unsafe_eval = true;
    else if (v == "'strict-dynamic'") f.strict_dynamic = true;
    else if (v == "data:") f.data_scheme = true;
    if (IsBroad(v)) f.broad = true;
    if (IsInsecureSchemeSource(v)) f.insecure_scheme = true;
    if (IsNoncePrefix(v)) {
      f.any_nonce_or_hash = true;
      std::string_view tail = QuotedTail(raw, 7, ok);
      if (ok && IsAdequateNonce(tail)) f.trusted_nonce_or_hash = true;
    } else if (IsHashPrefix(v)) {
      // Any hash-source of the grammar voids 'unsafe-inline' in browsers; one of the wrong length
      // matches no script, so it never lets one run either.
      f.any_nonce_or_hash = true;
      if (SourceBase64(raw)) f.trusted_nonce_or_hash = true;
    }
  }
  return f;
}

// Inline script runs: unrestricted, or 'unsafe-inline' not voided. A trusted nonce/hash voids it;
// 'strict-dynamic' voids it too, unless the only nonces/hashes are weak (then an attacker who
// guesses the nonce is back to inline script).
bool ScriptInlineAllowed(const ListFacts& f) {
  if (f.unrestricted) return true;
  if (!f.unsafe_inline || f.trusted_nonce_or_hash) return false;
  if (f.strict_dynamic && !f.any_nonce_or_hash) return false;
  return true;
}

// Host and scheme sources are ignored next to 'strict-dynamic'.
bool ScriptBroadAllowed(const ListFacts& f) {
  return !f.strict_dynamic && (f.broad || f.data_scheme);
}

bool StyleUnsafe(const ListFacts& elem, const ListFacts& attr) {
  if (elem.unrestricted) return true;
  if (elem.unsafe_inline && !elem.trusted_nonce_or_hash) return true;
  if (elem.broad || elem.data_scheme) return true;
  return attr.unsafe_inline && !attr.trusted_nonce_or_hash;
}

// Unsafe aspects of one enforced policy; combined across policies with AND (intersection),
// except default_none which any policy imposes.
struct Aspects {
  bool script_unsafe = false;
  bool object_unsafe = false;
  bool active_http = false;
  bool eval = false;
  bool passive_http = false;
  bool style_unsafe = false;
  bool default_none = false;
};

bool IsScriptDirective(std::string_view name) {
  return name == "script-src" || name == "script-src-elem" || name == "script-src-attr";
}

Aspects AspectsOf(const Policy& p, bool https) {
  Aspects a;
  ListFacts elem = Facts(Effective(p, kScriptElemChain));
  ListFacts attr = Facts(Effective(p, kScriptAttrChain));
  ListFacts script = Facts(Effective(p, kScriptChain));
  a.script_unsafe = ScriptInlineAllowed(elem) || ScriptBroadAllowed(elem) || ScriptInlineAllowed(attr);
  ListFacts object = Facts(Effective(p, kObjectChain));
  a.object_unsafe = object.unrestricted || object.broad;
  a.eval = script.unrestricted || script.unsafe_eval;
  a.style_unsafe = StyleUnsafe(Facts(Effective(p, kStyleElemChain)), Facts(Effective(p, kStyleAttrChain)));
  if (https) {
    for (const Directive& d : p.directives) {
      if (d.name == "img-src" || d.name == "media-src" || d.name == "report-uri" || d.name == "report-to")
        continue;
      if (!IsKnownDirective(d.name)) continue;
      ListFacts f = Facts(&d);
      if (IsScriptDirective(d.name) && f.strict_dynamic) continue;
      if (d.name == "default-src" && f.strict_dynamic) continue;
      if (f.insecure_scheme) a.active_http = true;
    }
    a.passive_http = Facts(p.Find("img-src") ? p.Find("img-src") : p.Find("default-src")).insecure_scheme ||
                     Facts(p.Find("media-src") ? p.Find("media-src") : p.Find("default-src")).insecure_scheme;
  }
  const Directive* def = p.Find("default-src");
  a.default_none = def && def->values.size() == 1 && text::EqualsIgnoreCase(def->values[0], "'none'");
  return a;
}

std::string OutcomeFrom(const Aspects& a) {
  if (a.script_unsafe || a.object_unsafe) return "unsafe-inline";
  if (a.active_http) return "insecure-scheme";
  if (a.eval) return "unsafe-eval";
  if (a.passive_http) return "insecure-scheme-passive-only";
  if (a.style_unsafe) return "unsafe-inline-style-only";
  if (a.default_none) return "default-none";
  return "no-unsafe";
}

// A host-source split as Google CSP Evaluator reads it (utils.ts getSchemeFreeUrl and
// matchWildcardUrls): the scheme and "//" dropped, the host lower-cased without its port, a
// leading "*." marking a wildcard, and the path ("/" when none; query and fragment dropped).
struct SourceUrl {
  bool wildcard = false;
  std::string host;  // without the "*" of a wildcard: ".example.com"
  std::string path = "/";
};

std::optional<SourceUrl> SplitSourceUrl(std::string_view raw) {
  // A scheme: a word character, then word characters or "+.-", then "://".
  std::size_t i = 0;
  auto word = [](char c) { return IsAlpha(c) || IsDigit(c) || c == '_'; };
  if (!raw.empty() && word(raw[0])) {
    i = 1;
    while (i < raw.size() && (word(raw[i]) || raw[i] == '+' || raw[i] == '.' || raw[i] == '-')) ++i;
    if (raw.substr(i, 3) == "://") raw.remove_prefix(i + 3);
  }
  if (StartsWith(raw, "//")) raw.remove_prefix(2);
  const std::size_t end = raw.find_first_of("/?#");
  std::string_view authority = raw.substr(0, end);
  SourceUrl u;
  if (end != std::string_view::npos && raw[end] == '/') {
    std::string_view path = raw.substr(end);
    u.path = std::string(path.substr(0, path.find_first_of("?#")));
  }
  authority = authority.substr(0, authority.find(':'));
  if (StartsWith(authority, "*")) {
    u.wildcard = true;
    authority.remove_prefix(1);
  }
  if (authority.empty()) return std::nullopt;
  u.host = text::Lower(authority);
  return u;
}

// The first listed URL the source matches, as the evaluator matches (no match for keywords,
// bare schemes and sources without a dot): the listed host ends with the source's host and
// equals it unless the source is a wildcard ("*.example.com" covers sub.example.com, not
// example.com); a source path ending in '/' must prefix the listed path, another must equal it.
const BypassUrl* MatchBypass(std::string_view raw, const std::vector<BypassUrl>& list) {
  if (raw.empty() || raw.front() == '\'' || EndsWith(raw, ":") || raw.find('.') == std::string_view::npos)
    return nullptr;
  const std::optional<SourceUrl> src = SplitSourceUrl(raw);
  if (!src) return nullptr;
  for (const BypassUrl& listed : list) {
    if (!EndsWith(listed.host, src->host)) continue;
    if (!src->wildcard && listed.host != src->host) continue;
    if (src->path != "/") {
      if (EndsWith(src->path, "/") ? !StartsWith(listed.path, src->path) : listed.path != src->path) continue;
    }
    return &listed;
  }
  return nullptr;
}

// csp-evaluator-style findings for a script source list `d` (script-src, -elem, -attr, or the
// default-src standing in for them).
void ScriptFindings(const Directive& d, const std::string& label, const BypassHosts& bypass,
                    std::vector<Finding>& out) {
  ListFacts f = Facts(&d);
  // Allowlist bypasses: hosts count for <script src> (not script-src-attr), unless
  // 'strict-dynamic' voids them or 'none' is listed.
  bool none = false;
  for (const std::string& raw : d.values) none = none || text::EqualsIgnoreCase(raw, "'none'");
  const bool bypass_applies = !f.strict_dynamic && !none && d.name != "script-src-attr";
  for (const std::string& raw : d.values) {
    std::string v = text::Lower(raw);
    if (v == "'unsafe-inline'" && ScriptInlineAllowed(f))
      out.push_back(MakeFinding(d.name, "unsafe-inline", raw, "high", label));
    else if (v == "'unsafe-eval'")
      out.push_back(MakeFinding(d.name, "unsafe-eval", raw, "medium", label));
    else if (v == "'unsafe-hashes'")
      out.push_back(MakeFinding(d.name, "unsafe-hashes", raw, "medium", label));
    else if (IsWildcardSource(v) && !f.strict_dynamic)
      out.push_back(MakeFinding(d.name, "wildcard", raw, "high", label));
    else if (IsPlainXssScheme(v) && !f.strict_dynamic)
      out.push_back(MakeFinding(d.name, "plain-scheme", raw, "high", label));
    if (bypass_applies) {
      // Google Analytics / Tag Manager serve a JSONP-like bypass only to a policy allowing eval.
      const BypassUrl* jsonp = MatchBypass(raw, bypass.jsonp);
      if (jsonp && (f.unsafe_eval || !Contains(bypass.jsonp_needs_eval, jsonp->host)))
        out.push_back(MakeFinding(d.name, "jsonp-bypass-host", raw, "high", label));
      if (MatchBypass(raw, bypass.angular)) out.push_back(MakeFinding(d.name, "angular-bypass-host", raw, "high", label));
    }
  }
  if (f.strict_dynamic && !f.any_nonce_or_hash)
    out.push_back(MakeFinding(d.name, "strict-dynamic-without-nonce", "'strict-dynamic'", "info", label));
}

// Wildcards and plain schemes in object-src / base-uri.
void BroadFindings(const Directive& d, const std::string& label, std::vector<Finding>& out) {
  for (const std::string& raw : d.values) {
    std::string v = text::Lower(raw);
    if (IsWildcardSource(v))
      out.push_back(MakeFinding(d.name, "wildcard", raw, "high", label));
    else if (IsPlainXssScheme(v))
      out.push_back(MakeFinding(d.name, "plain-scheme", raw, "high", label));
  }
}

// Nonce and hash tokens of any directive: a nonce-source whose value is no base64 (invalid-nonce)
// or shorter than kMinNonceChars (short-nonce), a hash-source that is no digest of its algorithm
// (invalid-hash). A token without its closing quote or value is reported by the syntax check.
void TokenFindings(const Directive& d, const std::string& label, std::vector<Finding>& out) {
  for (const std::string& raw : d.values) {
    const std::string v = text::Lower(raw);
    bool closed = false;
    if (IsNoncePrefix(v)) {
      const std::string_view tail = QuotedTail(raw, 7, closed);
      if (!closed || tail.empty()) continue;
      if (!IsBase64Value(tail)) out.push_back(MakeFinding(d.name, "invalid-nonce", raw, "medium", label));
      if (tail.size() < kMinNonceChars) out.push_back(MakeFinding(d.name, "short-nonce", raw, "medium", label));
    } else if (IsHashPrefix(v)) {
      const std::string_view tail = QuotedTail(raw, 8, closed);
      if (!closed || !IsValidHash(std::string_view(raw).substr(1, 6), tail))
        out.push_back(MakeFinding(d.name, "invalid-hash", raw, "medium", label));
    }
  }
}

// True when an injected <base> could turn the policy's trust against it: the script list of <script>
// elements (script-src-elem, script-src or default-src) trusts a nonce (any well-formed one: a
// relative src of a nonced script would load from the attacker's base), or a hash together with
// 'strict-dynamic' (scripts the hashed one loads by relative URL). A policy of hashes alone or
// hosts alone does not rely on the document's base URL. As Google CSP Evaluator's
// checkMissingBaseUriDirective, with script-src-elem counted too.
bool ReliesOnNonceOrHash(const Policy& p) {
  for (const Directive* d : {Effective(p, kScriptChain), p.Find("script-src-elem")}) {
    if (d == nullptr) continue;
    bool nonce = false, hash = false, strict_dynamic = false;
    for (const std::string& raw : d->values) {
      const std::string v = text::Lower(raw);
      bool closed = false;
      if (IsNoncePrefix(v)) nonce = nonce || (IsBase64Value(QuotedTail(raw, 7, closed)) && closed);
      else if (IsHashPrefix(v)) hash = hash || (IsBase64Value(QuotedTail(raw, 8, closed)) && closed);
      else if (v == "'strict-dynamic'") strict_dynamic = true;
    }
    if (nonce || (hash && strict_dynamic)) return true;
  }
  return false;
}

void PolicyFindings(const Policy& p, const BypassHosts& bypass, std::vector<Finding>& out) {
  const std::string label = p.Label();
  if (p.directives.empty()) {
    if (p.ignored_in_meta > 0) return;
    out.push_back(MakeFinding("", "empty-policy", p.text, "high", label));
    if (p.text.empty()) return;
    // Text whose every directive is invalid ("script-src: 'self'") restricts nothing at all.
    out.push_back(MakeFinding("script-src", "missing-script-src", "", "high", label));
    out.push_back(MakeFinding("object-src", "missing-object-src", "", "high", label));
    return;
  }
  for (std::string_view name : {"script-src", "script-src-elem", "script-src-attr"})
    if (const Directive* d = p.Find(name)) ScriptFindings(*d, label, bypass, out);
  const Directive* def = p.Find("default-src");
  if (p.Find("script-src") == nullptr) {
    if (def != nullptr) {
      ScriptFindings(*def, label, bypass, out);
    } else if (p.Find("script-src-elem") == nullptr || p.Find("script-src-attr") == nullptr) {
      // script-src-elem alone leaves inline event handlers (script-src-attr) unrestricted.
      out.push_back(MakeFinding("script-src", "missing-script-src", "", "high", label));
    }
  }
  if (const Directive* object = Effective(p, kObjectChain)) BroadFindings(*object, label, out);
  else out.push_back(MakeFinding("object-src", "missing-object-src", "", "high", label));
  if (const Directive* base = p.Find("base-uri")) BroadFindings(*base, label, out);
  else if (ReliesOnNonceOrHash(p) && p.enforced())
    out.push_back(MakeFinding("base-uri", "missing-base-uri", "", "high", label));
  ListFacts style = Facts(Effective(p, kStyleElemChain));
  if (style.unsafe_inline && !style.trusted_nonce_or_hash)
    out.push_back(MakeFinding(Effective(p, kStyleElemChain)->name, "unsafe-inline-style", "'unsafe-inline'", "low", label));
  for (const Directive& d : p.directives) {
    TokenFindings(d, label, out);
    if (d.name == "report-to") continue;  // group names, not URLs; an http report-uri leaks reports
    for (const std::string& raw : d.values) {
      std::string v = text::Lower(raw);
      if (StartsWith(v, "http://"))
        out.push_back(MakeFinding(d.name, "http-source", raw, "medium", label));
    }
  }
}

bool HasReporting(const Policy& p) { return p.Find("report-uri") || p.Find("report-to"); }

// Input features on which the Observatory is known to judge differently.
std::vector<std::string> ObservatoryNotes(const Input& in, const std::vector<Policy>& policies,
                                          const std::vector<Finding>& findings) {
  std::vector<std::string> notes;
  auto has = [&](std::string_view issue) {
    for (const Finding& f : findings)
      if (f.issue == issue) return true;
    return false;
  };
  if (has("short-nonce") || has("invalid-nonce") || has("invalid-hash"))
    notes.push_back("the Observatory accepts any 'nonce-' or 'sha*-' prefix as a valid nonce or hash");
  if (has("strict-dynamic-without-nonce"))
    notes.push_back("the Observatory calls 'strict-dynamic' without a nonce or hash invalid");
  if (has("duplicate-directive"))
    notes.push_back("the Observatory rejects a policy that repeats a directive");
  if (in.headers.size() > 1)
    notes.push_back("the Observatory joins repeated headers with \", \" and never splits policies on commas");
  bool comma_in_header = false;
  for (const std::string& h : in.headers) comma_in_header = comma_in_header || h.find(',') != std::string::npos;
  if (comma_in_header) notes.push_back("the Observatory does not split a header value into policies on commas");
  int enforced = 0;
  bool elem_attr = false, report_http = false, style_eval = false;
  for (const Policy& p : policies) {
    if (!p.enforced()) continue;
    ++enforced;
    elem_attr = elem_attr || p.Find("script-src-elem") || p.Find("script-src-attr") ||
                p.Find("style-src-elem") || p.Find("style-src-attr");
    if (const Directive* r = p.Find("report-uri"))
      for (const std::string& v : r->values) report_http = report_http || IsInsecureSchemeSource(text::Lower(v));
    if (const Directive* s = p.Find("style-src")) style_eval = style_eval || Facts(s).unsafe_eval;
  }
  if (enforced > 1) notes.push_back("the Observatory merges several policies with a sort-and-prefix heuristic");
  if (elem_attr) notes.push_back("the Observatory ignores script-src-elem/-attr and style-src-elem/-attr");
  if (report_http) notes.push_back("the Observatory counts an http: report-uri as insecure active content");
  if (style_eval) notes.push_back("the Observatory counts 'unsafe-eval' in style-src");
  if (!in.meta.empty()) notes.push_back("the Observatory reads frame-ancestors and sandbox from <meta> policies too");
  if (in.meta.size() != in.observatory_meta.size())
    notes.push_back("the Observatory reads <meta> policies only when the Content-Type is exactly text/html or "
                    "application/xhtml+xml (case and spaces count), and trims http-equiv");
  bool js_space = false;
  auto scan = [&js_space](std::string_view v) {
    for (std::size_t i = 0; i < v.size() && !js_space; ++i)
      js_space = static_cast<unsigned char>(v[i]) >= 0x80 && observatory::JsSpaceAt(v, i) > 0;
  };
  for (const std::string& h : in.headers) scan(h);
  for (const std::string& m : in.observatory_meta) scan(m);
  if (js_space)
    notes.push_back("the Observatory splits policies on JavaScript white space such as a no-break space; browsers "
                    "split only on ASCII white space and ignore a directive holding other characters");
  return notes;
}

}  // namespace

Evaluation Evaluate(const Input& in, const BypassHosts& bypass) {
  Evaluation ev;
  ev.policies = ParseAll(in, ev.findings);
  bool any_report_only = false, any_enforced_text = false, reporting = false;
  std::optional<Aspects> combined;
  for (const Policy& p : ev.policies) {
    PolicyFindings(p, bypass, ev.findings);
    if (!p.enforced()) {
      any_report_only = any_report_only || !p.directives.empty();
      continue;
    }
    // A meta policy holding only directives meta cannot carry is no policy at all.
    if (!p.text.empty() && !(p.directives.empty() && p.ignored_in_meta > 0)) any_enforced_text = true;
    if (p.directives.empty()) continue;
    ++ev.enforced_policies;
    reporting = reporting || HasReporting(p);
    Aspects a = AspectsOf(p, in.https);
    if (!combined) {
      combined = a;
      continue;
    }
    combined->script_unsafe = combined->script_unsafe && a.script_unsafe;
    combined->object_unsafe = combined->object_unsafe && a.object_unsafe;
    combined->active_http = combined->active_http && a.active_http;
    combined->eval = combined->eval && a.eval;
    combined->passive_http = combined->passive_http && a.passive_http;
    combined->style_unsafe = combined->style_unsafe && a.style_unsafe;
    combined->default_none = combined->default_none || a.default_none;
  }
  if (combined) {
    ev.outcome = OutcomeFrom(*combined);
    if (!reporting) ev.findings.push_back(MakeFinding("report-to", "no-reporting", "", "info", ""));
  } else if (any_enforced_text) {
    ev.outcome = "invalid";
  } else if (any_report_only) {
    ev.outcome = "report-only";
    ev.findings.push_back(MakeFinding("", "report-only-only", "", "medium", ""));
  } else {
    ev.outcome = "missing";
  }
  ev.observatory_notes = ObservatoryNotes(in, ev.policies, ev.findings);
  return ev;
}

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
  std::optional<ObsMap> header_only = ObsParseCsp(http);
  std::optional<ObsMap> meta_only = ObsParseCsp(in.observatory_meta);
  if (meta_only)
    for (std::string_view d : kIgnoredInMeta) MapDelete(*meta_only, d);
  std::size_t size = (header_only ? header_only->size() : 0) + (meta_only ? meta_only->size() : 0);
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
