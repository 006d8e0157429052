// Strict-Transport-Security parsing per RFC 6797 section 6.1:
//
//   Strict-Transport-Security = "Strict-Transport-Security" ":" [ directive ] *( ";" [ directive ] )
//   directive       = directive-name [ "=" directive-value ]
//   directive-name  = token
//   directive-value = token / quoted-string
//
// Directive names are case-insensitive; every directive may appear at most once (6.1: a UA must
// ignore the whole header otherwise); max-age is required and is 1*DIGIT (after unquoting);
// includeSubDomains takes no value; unknown directives are ignored. A max-age that overflows
// int64 is capped (6.1.1 lets a UA cap it). `preload` is not in the RFC (it is hstspreload.org's
// convention): it counts only when written without a value, like includeSubDomains.
//
// One linear pass over the value; no allocation beyond the problems list and the lower-cased
// names of the directives seen (bounded by the header length limit).
#include "normalize/hsts.h"

#include <algorithm>
#include <limits>

#include "normalize/observatory_view.h"
#include "util/text.h"

namespace portal_check {
namespace {

using text::IsTchar;

bool IsOws(char c) { return c == ' ' || c == '\t'; }

// A cursor over the header value.
struct Scanner {
  std::string_view s;
  std::size_t i = 0;

  bool AtEnd() const { return i >= s.size(); }
  char Peek() const { return s[i]; }
  void SkipOws() {
    while (!AtEnd() && IsOws(s[i])) ++i;
  }
  std::string_view Token() {
    std::size_t start = i;
    while (!AtEnd() && IsTchar(s[i])) ++i;
    return s.substr(start, i - start);
  }
  // Reads a quoted-string starting at the opening quote. On success stores the unescaped
  // content in `out` and returns true; returns false when the closing quote is missing.
  bool QuotedString(std::string& out) {
    ++i;  // opening quote
    while (!AtEnd()) {
      char c = s[i++];
      if (c == '"') return true;
      if (c == '\\') {
        if (AtEnd()) return false;
        c = s[i++];
      }
      out.push_back(c);
    }
    return false;
  }
  // Skips to just after the next ';' (or to the end), for recovery after a syntax error.
  void SkipDirective() {
    while (!AtEnd() && s[i] != ';') ++i;
  }
};

struct Directive {
  std::string name;   // lower-case
  std::string value;  // unquoted
  bool has_value = false;
  bool quoted = false;
};

// Parses one directive at the scanner position (after OWS). Returns false, with a problem
// appended, on a syntax error; the scanner is then left somewhere inside the directive.
bool ParseDirective(Scanner& sc, Directive& d, std::vector<std::string>& problems) {
  std::string_view name = sc.Token();
  if (name.empty()) {
    problems.push_back("directive name is not a token");
    return false;
  }
  d.name = text::Lower(name);
  sc.SkipOws();
  if (sc.AtEnd() || sc.Peek() == ';') return true;
  if (sc.Peek() != '=') {
    problems.push_back("unexpected character after directive '" + text::SafeUtf8(d.name, 64) + "'");
    return false;
  }
  ++sc.i;
  sc.SkipOws();
  d.has_value = true;
  if (!sc.AtEnd() && sc.Peek() == '"') {
    d.quoted = true;
    if (!sc.QuotedString(d.value)) {
      problems.push_back("unterminated quoted string in directive '" + text::SafeUtf8(d.name, 64) + "'");
      return false;
    }
  } else {
    d.value = std::string(sc.Token());
  }
  sc.SkipOws();
  if (!sc.AtEnd() && sc.Peek() != ';') {
    problems.push_back("unexpected character in the value of directive '" + text::SafeUtf8(d.name, 64) + "'");
    return false;
  }
  return true;
}

// delta-seconds = 1*DIGIT; values past int64 are capped. Returns nullopt for a non-digit value.
std::optional<std::int64_t> ParseDeltaSeconds(std::string_view v) {
  if (!text::IsDigits(v)) return std::nullopt;
  constexpr std::int64_t kMax = std::numeric_limits<std::int64_t>::max();
  std::int64_t n = 0;
  for (char c : v) {
    const int digit = c - '0';
    if (n > (kMax - digit) / 10) return kMax;
    n = n * 10 + digit;
  }
  return n;
}

// Applies one well-formed directive to the policy.
void ApplyDirective(const Directive& d, HstsPolicy& p) {
  if (d.name == "max-age") {
    if (!d.has_value || d.value.empty()) {
      p.problems.push_back("max-age has no value");
      return;
    }
    std::optional<std::int64_t> n = ParseDeltaSeconds(d.value);
    if (!n) {
      p.problems.push_back("max-age value is not a non-negative integer");
      return;
    }
    p.max_age = n;
  } else if (d.name == "includesubdomains") {
    if (d.has_value) {
      p.problems.push_back("includeSubDomains must not have a value");
      return;
    }
    p.include_subdomains = true;
  } else if (d.name == "preload") {
    if (!d.has_value) p.preload = true;
  }
  // Unknown directives are ignored (RFC 6797 6.1 item 2).
}

// JavaScript's parseInt(s, 10), reduced to what the comparison with six months needs: nullopt
// for NaN, else the sign and whether |value| >= six months.
struct JsInt {
  bool negative = false;
  bool at_least_six_months = false;
};
std::optional<JsInt> JsParseInt(std::string_view s) {
  s = text::Trim(s);
  JsInt r;
  if (!s.empty() && (s.front() == '+' || s.front() == '-')) {
    r.negative = s.front() == '-';
    s.remove_prefix(1);
  }
  std::size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  if (n == 0) return std::nullopt;
  std::string_view digits = s.substr(0, n);
  while (digits.size() > 1 && digits.front() == '0') digits.remove_prefix(1);
  const std::string six = std::to_string(kHstsSixMonths);
  r.at_least_six_months = digits.size() > six.size() || (digits.size() == six.size() && digits >= six);
  return r;
}

}  // namespace

std::string_view ObservatoryHstsResult(const std::optional<std::string>& value) {
  constexpr std::string_view kAtLeastSix = "hsts-implemented-max-age-at-least-six-months";
  constexpr std::string_view kLessThanSix = "hsts-implemented-max-age-less-than-six-months";
  constexpr std::string_view kInvalid = "hsts-header-invalid";
  if (!value) return "hsts-not-implemented";
  const std::string_view data = std::string_view(*value).substr(0, 1024);
  if (data.find(',') != std::string_view::npos) return kInvalid;
  bool have_max_age = false;
  std::optional<JsInt> max_age;
  for (std::string_view part : text::Split(data, ';', true)) {
    const std::string lower = text::Lower(observatory::JsTrim(part));
    if (lower.compare(0, 8, "max-age=") == 0) {
      have_max_age = true;
      max_age = JsParseInt(std::string_view(lower).substr(8, 120));
    }
  }
  if (!have_max_age) return kInvalid;
  if (!max_age) return kAtLeastSix;  // NaN < SIX_MONTHS is false
  return (!max_age->negative && max_age->at_least_six_months) ? kAtLeastSix : kLessThanSix;
}

HstsPolicy ParseHsts(std::string_view value) {
  HstsPolicy p;
  Scanner sc{value};
  std::vector<std::string> seen;  // lower-case directive names
  bool max_age_seen = false;
  while (true) {
    sc.SkipOws();
    if (sc.AtEnd()) break;
    if (sc.Peek() == ';') {  // empty directive: allowed by the grammar
      ++sc.i;
      continue;
    }
    Directive d;
    if (!ParseDirective(sc, d, p.problems)) {
      if (d.name == "max-age") max_age_seen = true;  // malformed, but present
      sc.SkipDirective();
      continue;
    }
    if (std::find(seen.begin(), seen.end(), d.name) != seen.end()) {
      p.problems.push_back("directive '" + text::SafeUtf8(d.name, 64) + "' appears more than once");
    } else {
      seen.push_back(d.name);
      if (d.name == "max-age") max_age_seen = true;
      ApplyDirective(d, p);
    }
  }
  if (!max_age_seen) p.problems.push_back("max-age directive is missing");
  p.valid = p.problems.empty() && p.max_age.has_value();
  return p;
}

}  // namespace portal_check
