// page.obfuscated-script: inline <script> text obfuscated the way injected malware usually is.
//
// Each inline script of a page (the page model keeps at most 1 MiB of its text; scripts whose
// type names JSON, a template or HTML are data, not code, and are skipped) is scanned linearly for:
//  - "packer": eval(function(p,a,c,k,e,  (Dean Edwards' packer; white space ignored);
//  - "unescape-write": document.write(unescape( / document.write(atob( / eval(unescape( /
//    eval(atob( / eval(decodeURIComponent( (white space ignored); not document.write(unescape(
//    of a plain script-tag loader (IsScriptTagLoader: "%3Cscript src='" + host + "...'%3E%3C/script%3E",
//    the legacy Google Analytics / StatCounter snippet), which hides nothing;
//  - "fromcharcode": a String.fromCharCode( call with at least kMinCharCodes numeric arguments,
//    or at least kMinCharCodeCalls calls in one script;
//  - "encoded-blob": a string literal of at least kMinBlobChars characters made only of base64,
//    hex, %XX or \xXX escape characters (not a data: URI) in a script that calls eval(, atob(,
//    Function(, unescape( or setTimeout(/setInterval( with a string;
//  - "hex-identifiers": at least kMinHexIdentifiers identifiers like _0x4f2a (javascript-obfuscator).
// Scripts loaded by src are not read here (page.vulnerable-library and page.third-party see them).
// Outcomes: suspicious (fails, medium), none. Details: "scripts" [{line, signals, excerpt}] (at
// most 20; excerpt = the first 120 bytes, text::SafeUtf8), "signals" (sorted, unique),
// "inline_script_count".
#include <algorithm>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "checks/check.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 20;
constexpr std::size_t kMinCharCodes = 20;
constexpr std::size_t kMinCharCodeCalls = 20;
constexpr std::size_t kMinBlobChars = 2000;
constexpr std::size_t kMinHexIdentifiers = 50;
// The longest argument text of document.write(unescape( (up to its ')') read to tell a script-tag
// loader (IsScriptTagLoader); the legacy analytics snippets are about 120 bytes.
constexpr std::size_t kMaxLoaderBytes = 2048;

bool IsWs(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }
bool IsHex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool IsAlnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool IsBlobChar(char c) { return IsAlnum(c) || c == '+' || c == '/' || c == '=' || c == '%' || c == '\\' || c == '-' || c == '_'; }

// True when `pattern` (without white space) matches s at pos, ignoring white space in s between
// its characters. Bounded by the pattern length plus the white space skipped.
bool LooseAt(std::string_view s, std::size_t pos, std::string_view pattern) {
  std::size_t i = pos;
  for (char p : pattern) {
    while (i < s.size() && IsWs(s[i])) ++i;
    if (i >= s.size() || s[i] != p) return false;
    ++i;
  }
  return true;
}

// The position after `pattern` matched at s[pos] as LooseAt does, or npos when it does not match.
std::size_t LooseEnd(std::string_view s, std::size_t pos, std::string_view pattern) {
  std::size_t i = pos;
  for (char p : pattern) {
    while (i < s.size() && IsWs(s[i])) ++i;
    if (i >= s.size() || s[i] != p) return std::string_view::npos;
    ++i;
  }
  return i;
}

// The %XX escapes a plain script-tag loader writes: the tag's punctuation (< > space " ' /).
bool IsTagPunctuationEscape(std::string_view s, std::size_t i) {
  if (i + 2 >= s.size()) return false;
  const std::string code = text::Lower(s.substr(i + 1, 2));
  return code == "3c" || code == "3e" || code == "20" || code == "22" || code == "27" || code == "2f";
}

// Whether the unescape( argument list opening at s[open] (just after its '(') is the classic
// analytics loader (legacy Google Analytics ga.js, StatCounter, ...): string literals joined
// with '+' and identifiers, the first one starting with "%3Cscript" (any case), some literal
// holding "src=", and every %XX escape in them one of the tag's punctuation (IsTagPunctuationEscape).
// It writes one visible <script src=...> tag: nothing is hidden. The argument text up to the
// closing ')' may be at most kMaxLoaderBytes long; a longer one is not a loader.
bool IsScriptTagLoader(std::string_view s, std::size_t open) {
  std::size_t i = open;
  while (i < s.size() && IsWs(s[i])) ++i;
  if (i >= s.size() || (s[i] != '"' && s[i] != '\'')) return false;
  if (!text::StartsWithIgnoreCase(s.substr(i + 1), "%3cscript")) return false;
  bool src = false;
  const std::size_t limit = std::min(s.size(), open + kMaxLoaderBytes + 1);  // the ')' may sit at open + kMaxLoaderBytes
  while (i < limit) {
    const char c = s[i];
    if (c == ')') return src;
    if (c == '"' || c == '\'') {
      const std::size_t close = s.find(c, i + 1);
      if (close == std::string_view::npos || close >= limit) return false;
      const std::string_view lit = s.substr(i + 1, close - i - 1);
      for (std::size_t k = 0; k < lit.size(); ++k)
        if ((lit[k] == '%' && !IsTagPunctuationEscape(lit, k)) || lit[k] == '\\') return false;
      src = src || text::ContainsIgnoreCase(lit, "src=");
      i = close + 1;
    } else if (IsWs(c) || c == '+' || IsAlnum(c) || c == '_' || c == '$' || c == '.') {
      ++i;
    } else {
      return false;
    }
  }
  return false;
}

// Numbers inside the argument list opening at s[open] ('('), up to its ')' or 200,000 bytes.
std::size_t CountNumericArgs(std::string_view s, std::size_t open) {
  std::size_t count = 0;
  if (open == std::string_view::npos) return 0;
  bool in_number = false;
  for (std::size_t i = open + 1; i < s.size() && i < open + 200000; ++i) {
    const char c = s[i];
    if (c == ')') break;
    const bool digit = c >= '0' && c <= '9';
    if (digit && !in_number) ++count;
    in_number = digit || (in_number && (IsHex(c) || c == 'x' || c == 'X'));
  }
  return count;
}

// Whether a string literal's content looks like an encoded payload.
bool IsBlob(std::string_view lit) {
  if (lit.size() < kMinBlobChars) return false;
  if (text::StartsWithIgnoreCase(lit, "data:")) return false;
  for (char c : lit)
    if (!IsBlobChar(c)) return false;
  return true;
}

std::set<std::string> ScanScript(std::string_view s) {
  std::set<std::string> signals;
  std::size_t char_code_calls = 0, hex_idents = 0;
  bool long_blob = false, decoder_call = false;
  char quote = 0;
  std::size_t lit_start = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (quote != 0) {  // inside a string literal
      if (c == '\\') {
        ++i;
        continue;
      }
      if (c == quote || c == '\n') {
        if (!long_blob && IsBlob(s.substr(lit_start, i - lit_start))) long_blob = true;
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'' || c == '`') {
      quote = c;
      lit_start = i + 1;
      continue;
    }
    const bool boundary = i == 0 || !(IsAlnum(s[i - 1]) || s[i - 1] == '_' || s[i - 1] == '$');
    if (c == 'e' && boundary && LooseAt(s, i, "eval(")) {
      decoder_call = true;
      if (LooseAt(s, i, "eval(function(p,a,c,k,e,")) signals.insert("packer");
      if (LooseAt(s, i, "eval(unescape(") || LooseAt(s, i, "eval(atob(") || LooseAt(s, i, "eval(decodeURIComponent("))
        signals.insert("unescape-write");
    } else if (c == 'd' && LooseAt(s, i, "document.write(")) {
      const std::size_t args = LooseEnd(s, i, "document.write(unescape(");
      if ((args != std::string_view::npos && !IsScriptTagLoader(s, args)) || LooseAt(s, i, "document.write(atob("))
        signals.insert("unescape-write");
    } else if (c == 'f' && LooseAt(s, i, "fromCharCode(")) {
      // Argument lists are counted for the first calls only, so the scan stays linear.
      if (++char_code_calls <= kMinCharCodeCalls && CountNumericArgs(s, s.find('(', i)) >= kMinCharCodes)
        signals.insert("fromcharcode");
    } else if (boundary && (c == 'a' || c == 'F' || c == 'u' || c == 's') && (LooseAt(s, i, "atob(") || LooseAt(s, i, "Function(") || LooseAt(s, i, "unescape(") ||
                            LooseAt(s, i, "setTimeout(\"") || LooseAt(s, i, "setTimeout('") ||
                            LooseAt(s, i, "setInterval(\"") || LooseAt(s, i, "setInterval('"))) {
      decoder_call = true;
    } else if (c == '_' && boundary && i + 6 <= s.size() && s[i + 1] == '0' && s[i + 2] == 'x' && IsHex(s[i + 3]) &&
               IsHex(s[i + 4]) && IsHex(s[i + 5])) {
      ++hex_idents;
    }
  }
  if (quote != 0 && !long_blob && IsBlob(s.substr(lit_start))) long_blob = true;
  if (char_code_calls >= kMinCharCodeCalls) signals.insert("fromcharcode");
  if (long_blob && decoder_call) signals.insert("encoded-blob");
  if (hex_idents >= kMinHexIdentifiers) signals.insert("hex-identifiers");
  return signals;
}

bool IsDataScript(const HtmlElement& e) {
  const std::string* type = e.Attr("type");
  if (type == nullptr) return false;
  const std::string t = text::Lower(text::Trim(*type));
  return t.find("json") != std::string::npos || t.find("template") != std::string::npos ||
         t.find("html") != std::string::npos || t == "text/x-handlebars" || t == "text/x-tmpl";
}

class ObfuscatedScriptCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    DetailList scripts;
    std::set<std::string> all;
    std::int64_t inline_count = 0;
    for (int i : view.page->ElementsWithTag("script")) {
      const HtmlElement& e = view.page->elements()[static_cast<std::size_t>(i)];
      if (e.text.empty() || IsDataScript(e)) continue;
      ++inline_count;
      const std::set<std::string> signals = ScanScript(e.text);
      if (signals.empty()) continue;
      all.insert(signals.begin(), signals.end());
      if (scripts.size() >= kMaxListed) continue;
      Details o;
      o.Int("line", e.line);
      DetailList list;
      for (const std::string& s : signals) list.Str(s);
      o.Set("signals", std::move(list));
      o.Str("excerpt", text::Trim(std::string_view(e.text).substr(0, 160)), 120);
      scripts.Add(std::move(o));
    }
    CheckResult r = PageResult(view);
    r.outcome = all.empty() ? "none" : "suspicious";
    DetailList signal_list;
    for (const std::string& s : all) signal_list.Str(s);
    r.details.Set("scripts", std::move(scripts));
    r.details.Set("signals", std::move(signal_list));
    r.details.Int("inline_script_count", inline_count);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPageObfuscatedScriptCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageObfuscatedScriptCheck{"page.obfuscated-script", CheckInput::kPages, &MakeCheck<ObfuscatedScriptCheck>};

}  // namespace portal_check
