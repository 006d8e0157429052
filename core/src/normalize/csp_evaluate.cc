#include "normalize/csp_evaluate.h"

#include <algorithm>
#include <optional>
#include <utility>

#include "normalize/csp_source.h"
#include "normalize/observatory_view.h"
#include "util/text.h"

namespace portal_check::csp {

using namespace lex;

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

}  // namespace portal_check::csp
