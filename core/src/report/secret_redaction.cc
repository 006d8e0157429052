#include "report/secret_redaction.h"

#include <algorithm>
#include <array>

#include "ruleset/data_lists.h"
#include "util/sha256.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kMarkerPrefix = "REDACTED-";
constexpr std::size_t kMarkerHexDigits = 8;

bool IsWordSeparator(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' || c == '"' || c == '\'' ||
         c == '<' || c == '>' || c == '\\';
}

// Whether `s` holds a byte or sequence that makes a word URL-like wherever it is: '?', ';', '@',
// "(S(" or `scheme_separator` ("://" as it is, ":\/\/" in compact JSON text). One pass; `*slash_or_hash`
// (when given) says whether a '/' or '#' was seen on the way (all of `s` when the answer is false).
bool HoldsUrlMark(std::string_view s, std::string_view scheme_separator, bool* slash_or_hash) {
  static constexpr std::array<bool, 256> kMarks = [] {
    std::array<bool, 256> marks{};
    for (unsigned char c : std::string_view("?;@:(/#")) marks[c] = true;
    return marks;
  }();
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (!kMarks[static_cast<unsigned char>(c)]) continue;
    switch (c) {
      case '?':
      case ';':
      case '@': return true;
      case ':':
        if (s.substr(i, scheme_separator.size()) == scheme_separator) return true;
        break;
      case '(':
        if (s.substr(i, 3) == "(S(") return true;
        break;
      default:  // '/' or '#'
        if (slash_or_hash) *slash_or_hash = true;
    }
  }
  return false;
}

// A word that starts with '/' or '#', or holds "://", '?', ';', '@' or "(S(".
bool IsUrlLike(std::string_view word) {
  if (word.empty()) return false;
  return word.front() == '/' || word.front() == '#' || HoldsUrlMark(word, "://", nullptr);
}

// How many trailing bytes of a URL-like word are sentence punctuation, not URL: '.', ',', '!',
// and ')' while the word has more ')' than '('.
std::size_t TrailingPunctuation(std::string_view word) {
  std::ptrdiff_t balance = std::count(word.begin(), word.end(), '(') - std::count(word.begin(), word.end(), ')');
  std::size_t n = 0;
  while (n < word.size()) {
    const char c = word[word.size() - 1 - n];
    if (c == '.' || c == ',' || c == '!') {
      ++n;
    } else if (c == ')' && balance < 0) {
      ++n;
      ++balance;
    } else {
      break;
    }
  }
  return n;
}

// The value of each "name=value" pair of a Cookie header (quotes and white space around it removed).
std::vector<std::string_view> CookiePairValues(std::string_view header) {
  std::vector<std::string_view> values;
  for (std::string_view pair : text::Split(header, ';')) {
    const std::size_t eq = pair.find('=');
    if (eq == std::string_view::npos) continue;
    std::string_view v = text::Trim(pair.substr(eq + 1));
    if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
    values.push_back(v);
  }
  return values;
}

// The credentials of an Authorization value: what follows the scheme word, or the whole value.
std::string_view Credentials(std::string_view value) {
  value = text::Trim(value);
  const std::size_t sp = value.find_first_of(" \t");
  return sp == std::string_view::npos ? value : text::Trim(value.substr(sp));
}

constexpr std::string_view kUrlHeaders[] = {"referer", "location", "content-location", "refresh"};
constexpr std::string_view kUrlAttributes[] = {"href", "src", "action", "formaction"};

}  // namespace

bool IsRedactionMarker(std::string_view s) {
  if (s.size() != kMarkerPrefix.size() + kMarkerHexDigits || s.substr(0, kMarkerPrefix.size()) != kMarkerPrefix) return false;
  for (char c : s.substr(kMarkerPrefix.size()))
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  return true;
}

std::string RedactionMarker(std::string_view value) {
  if (IsRedactionMarker(value)) return std::string(value);
  return std::string(kMarkerPrefix) + Sha256Hex(value).substr(0, kMarkerHexDigits);
}

void SecretRedactor::Remember(std::string_view value, const std::string& marker) {
  if (value.size() < kMinSweptBytes || text::IsDigits(value) || IsRedactionMarker(value)) return;
  // A value with a quote, backslash or control byte would not be found as written anyway.
  for (char c : value)
    if (c == '"' || c == '\\' || static_cast<unsigned char>(c) < 0x20) return;
  if (secrets_.size() >= kMaxSweptSecrets || secrets_.count(value)) return;
  secrets_.emplace(std::string(value), marker);
  index_.reset();
}

namespace {

SecretNames BuildSecretNames(const DataLists& lists) { return SecretNames(lists); }

}  // namespace

SecretRedactor::SecretRedactor(const DataLists& ctx) : names_(ctx.Compiled(&BuildSecretNames)) {}

std::string SecretRedactor::RedactUrl(std::string_view url) {
  std::vector<UrlSpan> spans = FindUrlSpans(url);
  std::stable_sort(spans.begin(), spans.end(), [](const UrlSpan& a, const UrlSpan& b) { return a.begin < b.begin; });
  std::string out;
  std::size_t pos = 0;
  for (const UrlSpan& s : spans) {
    if (s.begin < pos) continue;  // overlapping spans: the first wins
    const std::string_view value = url.substr(s.begin, s.end - s.begin);
    if (!names_.IsSecret(s, value) || IsRedactionMarker(value) || value == kRedactedValue) continue;
    const std::string marker = RedactionMarker(value);
    Remember(value, marker);
    out.append(url.substr(pos, s.begin - pos));
    out.append(marker);
    pos = s.end;
  }
  if (pos == 0) return std::string(url);
  out.append(url.substr(pos));
  return out;
}

void SecretRedactor::Collect(const Exchange& exchange, const PageModel* page) {
  RedactUrl(exchange.url);
  RedactUrl(exchange.redirect_url);
  for (const HeaderField& h : exchange.request_headers.fields()) {
    if (text::EqualsIgnoreCase(h.name, "cookie")) {
      for (std::string_view v : CookiePairValues(h.value)) Remember(v, RedactionMarker(v));
    } else if (text::EqualsIgnoreCase(h.name, "authorization") || text::EqualsIgnoreCase(h.name, "proxy-authorization")) {
      const std::string_view c = Credentials(h.value);
      Remember(c, RedactionMarker(c));
    } else if (std::any_of(std::begin(kUrlHeaders), std::end(kUrlHeaders),
                           [&](std::string_view n) { return text::EqualsIgnoreCase(h.name, n); })) {
      RedactUrl(h.value);
    } else if (names_.IsTokenHeader(h.name)) {
      const std::string_view v = text::Trim(h.value);
      Remember(v, RedactionMarker(v));
    }
  }
  for (const HeaderField& h : exchange.response_headers.fields()) {
    if (text::EqualsIgnoreCase(h.name, "set-cookie")) {
      const std::string_view first = std::string_view(h.value).substr(0, h.value.find(';'));
      std::vector<std::string_view> v = CookiePairValues(first);
      if (!v.empty()) Remember(v.front(), RedactionMarker(v.front()));
    } else if (std::any_of(std::begin(kUrlHeaders), std::end(kUrlHeaders),
                           [&](std::string_view n) { return text::EqualsIgnoreCase(h.name, n); })) {
      RedactUrl(h.value);
    }
  }
  if (page == nullptr) return;
  for (const HtmlElement& e : page->elements())
    for (const HtmlAttribute& a : e.attrs)
      if (std::find(std::begin(kUrlAttributes), std::end(kUrlAttributes), a.name) != std::end(kUrlAttributes))
        RedactUrl(a.value);
}

void SecretRedactor::BuildIndex() {
  if (index_) return;
  index_.emplace();
  index_markers_.clear();
  secret_with_escaped_byte_ = false;
  for (const auto& [value, marker] : secrets_) {
    index_->Add(value);
    index_markers_.push_back(&marker);
    secret_with_escaped_byte_ = secret_with_escaped_byte_ || value.find_first_of("/\x7f") != std::string::npos;
  }
}

std::string SecretRedactor::Sweep(std::string_view text) {
  if (secrets_.empty() || text.size() < kMinSweptBytes) return std::string(text);
  BuildIndex();
  std::string out;
  std::size_t pos = 0;  // bytes of `text` before pos are in `out` (or replaced)
  std::size_t p = index_->NextCandidate(text, 0);
  while (p < text.size()) {
    std::size_t best = 0, best_length = 0;
    index_->ForEachAt(text, p, [&](std::size_t i, std::size_t) {
      if (index_->needle(i).size() > best_length) {
        best = i;
        best_length = index_->needle(i).size();
      }
      return true;
    });
    if (best_length == 0) {
      p = index_->NextCandidate(text, p + 1);
      continue;
    }
    out.append(text.substr(pos, p - pos));
    out.append(*index_markers_[best]);
    pos = p + best_length;
    p = index_->NextCandidate(text, pos);
  }
  if (pos == 0) return std::string(text);
  out.append(text.substr(pos));
  return out;
}

std::string SecretRedactor::RedactUrlField(std::string_view url) {
  // What it gives depends only on `url` and the secret values known, so an answer is reused while
  // no new one is known (every result on a page names the same URL).
  if (url_fields_known_secrets_ == secrets_.size())
    if (auto it = url_fields_.find(url); it != url_fields_.end()) return it->second;
  std::string out = Sweep(RedactUrl(url));
  if (url_fields_known_secrets_ != secrets_.size() || url_fields_.size() >= kMaxRememberedUrlFields) {
    url_fields_.clear();
    url_fields_known_secrets_ = secrets_.size();
  }
  url_fields_.emplace(std::string(url), out);
  return out;
}

std::string SecretRedactor::RedactWord(std::string_view word) {
  const std::size_t tail = TrailingPunctuation(word);
  return RedactUrl(word.substr(0, word.size() - tail)) + std::string(word.substr(word.size() - tail));
}

std::string SecretRedactor::RedactText(std::string_view text) {
  // Most words are not URL-like: the output is built only from the first word RedactWord changes.
  std::string out;
  std::size_t copied = 0;  // bytes of `text` before it are in `out` (or replaced)
  std::size_t i = 0;
  while (i < text.size()) {
    if (IsWordSeparator(text[i])) {
      ++i;
      continue;
    }
    std::size_t end = i;
    while (end < text.size() && !IsWordSeparator(text[end])) ++end;
    const std::string_view word = text.substr(i, end - i);
    if (IsUrlLike(word)) {
      std::string redacted = RedactWord(word);
      if (redacted != word) {
        out.append(text.substr(copied, i - copied));
        out.append(redacted);
        copied = end;
      }
    }
    i = end;
  }
  if (copied == 0) return Sweep(text);
  out.append(text.substr(copied));
  return Sweep(out);
}

bool SecretRedactor::RedactJson(json::Value& value) {
  bool changed = false;
  if (value.is<std::string>()) {
    std::string& s = value.get<std::string>();
    std::string r = RedactText(s);
    if (r != s) {
      s = std::move(r);
      changed = true;
    }
  } else if (value.is<json::Array>()) {
    for (json::Value& v : value.get<json::Array>()) changed = RedactJson(v) || changed;
  } else if (value.is<json::Object>()) {
    for (auto& [key, v] : value.get<json::Object>()) changed = RedactJson(v) || changed;
  }
  return changed;
}

namespace {

// The byte an escape of compact JSON decodes to (raw[i] is the letter after the backslash; i is
// moved to the escape's last byte); a \u escape past ASCII decodes to 'x' (a word byte: what
// matters here is only whether it separates words).
char DecodeEscape(std::string_view raw, std::size_t& i) {
  switch (raw[i]) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'u': {
      unsigned value = 0;
      for (std::size_t k = 1; k <= 4 && i + k < raw.size(); ++k) {
        const int digit = text::HexDigitValue(raw[i + k]);
        value = value * 16 + static_cast<unsigned>(digit < 0 ? 0 : digit);
      }
      i = std::min(i + 4, raw.size() - 1);
      return value < 0x80 ? static_cast<char>(value) : 'x';
    }
    default: return raw[i];  // '"', '\\', '/'
  }
}

// Whether a string of compact JSON text `raw` may hold a word RedactText calls URL-like: one with
// "://" (written ":\/\/"), '?', ';', '@' or "(S(", or one that starts with '/' or '#'. The
// strings are read with their escapes decoded on the fly (member names too: conservative).
bool MayHoldUrlLikeWord(std::string_view raw) {
  // One pass over the bytes for what decides at once: '?', ';', '@', ":\/\/" or "(S(" anywhere
  // (true), and whether any '/' or '#' is there at all (json::Serialize writes '/' as "\/" and '#'
  // as it is; a \u escape only for control bytes): without one, no word can start with them.
  bool slash_or_hash = false;
  if (HoldsUrlMark(raw, ":\\/\\/", &slash_or_hash)) return true;
  if (!slash_or_hash) return false;
  bool in_string = false;
  bool word_start = true;
  for (std::size_t i = 0; i < raw.size(); ++i) {
    char c = raw[i];
    if (!in_string) {
      in_string = c == '"';
      word_start = true;
      continue;
    }
    if (c == '"') {
      in_string = false;
      continue;
    }
    if (c == '\\' && i + 1 < raw.size()) c = DecodeEscape(raw, ++i);
    if (IsWordSeparator(c)) {
      word_start = true;
    } else {
      if (word_start && (c == '/' || c == '#')) return true;
      word_start = false;
    }
  }
  return false;
}

}  // namespace

bool SecretRedactor::MayChangeJsonText(std::string_view text) {
  // Compact JSON writes a string's bytes as they are, except '"', '\\', '/', the control bytes and
  // 0x7f (escaped). RedactText changes a string only through a URL-like word or a secret value
  // found in it by the sweep.
  if (MayHoldUrlLikeWord(text)) return true;
  if (secrets_.empty() || text.size() < kMinSweptBytes) return false;
  BuildIndex();
  // A secret holds no '"', '\\' nor control byte (Remember); one with '/' or 0x7f would be
  // written escaped, so it could be in a string without being in the text as it is.
  if (secret_with_escaped_byte_) return true;
  return index_->NextCandidate(text, 0) < text.size();
}

std::string SecretRedactor::RedactJsonText(std::string_view text) {
  std::string out(text);
  RedactJsonTextInPlace(out);
  return out;
}

namespace {

// Whether every escape of compact JSON `text` is one ReadCompactString decodes: the ones
// json::Serialize writes (\" \\ \/ \b \f \n \r \t, and \u00XX for control bytes), none past ASCII.
bool EscapesAllAscii(std::string_view text) {
  for (std::size_t i = text.find('\\'); i != std::string_view::npos; i = text.find('\\', i + 2)) {
    if (i + 1 >= text.size()) return false;
    if (text[i + 1] != 'u') continue;
    if (i + 5 >= text.size()) return false;
    int value = 0;
    for (std::size_t k = 2; k <= 5; ++k) {
      const int digit = text::HexDigitValue(text[i + k]);
      if (digit < 0) return false;
      value = value * 16 + digit;
    }
    if (value >= 0x80) return false;
  }
  return true;
}

// Reads the string literal of compact JSON `text` opening at text[at] ('"') into *decoded; returns
// the index just past its closing quote, or npos when it is not closed. REQUIRES: EscapesAllAscii.
std::size_t ReadCompactString(std::string_view text, std::size_t at, std::string* decoded) {
  decoded->clear();
  for (std::size_t i = at + 1; i < text.size(); ++i) {
    std::size_t run = i;  // bytes that stand for themselves, appended at once
    while (run < text.size() && text[run] != '"' && text[run] != '\\') ++run;
    decoded->append(text.substr(i, run - i));
    i = run;
    if (i >= text.size()) break;
    if (text[i] == '"') return i + 1;
    if (++i >= text.size()) return std::string_view::npos;
    if (text[i] == 'u') {
      if (i + 4 >= text.size()) return std::string_view::npos;
      int value = 0;
      for (std::size_t k = 1; k <= 4; ++k) value = value * 16 + text::HexDigitValue(text[i + k]);
      decoded->push_back(static_cast<char>(value));
      i += 4;
    } else {
      decoded->push_back(DecodeEscape(text, i));
    }
  }
  return std::string_view::npos;
}

}  // namespace

void SecretRedactor::RedactJsonTextInPlace(std::string& text) {
  if (MayChangeJsonText(text)) RedactChangeableJsonTextInPlace(text);
}

void SecretRedactor::RedactChangeableJsonTextInPlace(std::string& text) {
  if (EscapesAllAscii(text)) {
    // Each string value (a string followed by ':' is a member name, left as it is) through
    // RedactText in text order, which is the order RedactJson walks the parsed value in (compact
    // text from json::Serialize has its members sorted, as picojson's object keeps them); a
    // changed one is written back quoted as json::Serialize quotes it. The same calls, so the
    // same secrets remembered in the same order, and the same bytes, as parse + RedactJson +
    // Serialize, without building the value.
    std::string rebuilt, decoded;
    std::size_t copied = 0;
    bool changed = false;
    for (std::size_t i = 0; i < text.size();) {
      if (text[i] != '"') {
        ++i;
        continue;
      }
      const std::size_t end = ReadCompactString(text, i, &decoded);
      if (end == std::string_view::npos) return;  // not json::Serialize's text (it would not parse)
      if (end >= text.size() || text[end] != ':') {
        std::string redacted = RedactText(decoded);
        if (redacted != decoded) {
          rebuilt.append(text, copied, i - copied);
          json::AppendQuoted(rebuilt, redacted);
          copied = end;
          changed = true;
        }
      }
      i = end;
    }
    if (changed) {
      rebuilt.append(text, copied, std::string::npos);
      text = std::move(rebuilt);
    }
    return;
  }
  json::Value v;
  std::string error;
  picojson::parse(v, text.begin(), text.end(), &error);
  if (!error.empty() || !RedactJson(v)) return;
  text = json::Serialize(v, /*pretty=*/false);
}

}  // namespace portal_check
