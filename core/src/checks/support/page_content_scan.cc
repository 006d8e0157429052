#include "checks/support/page_content_scan.h"

#include <cstdint>
#include <cstring>

#include "util/text.h"
#include "util/vietnamese.h"

namespace portal_check::content {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }
bool IsHostChar(char c) { return IsAsciiAlnum(c) || c == '-' || c == '.'; }

// Parses one octet at text[i]: 1-3 digits, value ≤ 255, no leading zero unless "0". Advances i.
bool Octet(std::string_view text, std::size_t& i, int& value) {
  std::size_t start = i;
  value = 0;
  while (i < text.size() && IsDigit(text[i]) && i - start < 4) value = value * 10 + (text[i++] - '0');
  const std::size_t len = i - start;
  if (len == 0 || len > 3 || value > 255) return false;
  if (len > 1 && text[start] == '0') return false;
  return true;
}

// A dotted quad starting at `start` (a digit not preceded by a token byte); "" when none.
// Sets `end` past it on success.
bool DottedQuad(std::string_view text, std::size_t start, int (&o)[4], std::size_t& end) {
  std::size_t i = start;
  for (int k = 0; k < 4; ++k) {
    if (k > 0) {
      if (i >= text.size() || text[i] != '.') return false;
      ++i;
    }
    if (!Octet(text, i, o[k])) return false;
  }
  if (i < text.size()) {
    const char c = text[i];
    if (IsAsciiAlnum(c) || c == '_') return false;
    if (c == '.' && i + 1 < text.size() && IsDigit(text[i + 1])) return false;
  }
  end = i;
  return true;
}

const char* ClassifyQuad(const int (&o)[4]) {
  if (o[0] == 10) return "rfc1918";
  if (o[0] == 172 && o[1] >= 16 && o[1] <= 31) return "rfc1918";
  if (o[0] == 192 && o[1] == 168) return "rfc1918";
  if (o[0] == 169 && o[1] == 254) return "link-local";
  return nullptr;
}

bool EndsWithLabel(std::string_view host, std::string_view label) {
  if (host.size() <= label.size() + 1) return false;
  return host.substr(host.size() - label.size()) == label && host[host.size() - label.size() - 1] == '.';
}

// Whether `host` (lower-case) names an internal machine; `http_scheme` when the URL is http(s).
bool IsInternalHost(std::string_view host, bool http_scheme) {
  while (!host.empty() && host.back() == '.') host.remove_suffix(1);
  if (host.empty()) return false;
  if (host.find('.') == std::string_view::npos) {
    if (!http_scheme || host == "localhost") return false;
    for (char c : host)
      if (!IsAsciiAlnum(c) && c != '-') return false;
    return !IsDigit(host[0]) || host.find_first_not_of("0123456789") != std::string_view::npos;
  }
  for (std::string_view label : {"local", "internal", "lan", "corp", "intranet", "localdomain", "home.arpa"})
    if (EndsWithLabel(host, label)) return true;
  return host.substr(0, 9) == "intranet.";
}

// Whether a single-label host that ends at text[end] is a whole URL host: followed by a port, a
// path, a query or a fragment, by white space, '<', ')', ',' or ';', by the end of the text, or
// by a quote that closes an HTML attribute
// (then '>', "/>" or white space and the next attribute's name). A host that ends at a quote
// followed by anything else ("'http://www' + '.google-analytics.com'", "'https://ssl' : ...")
// is the head of a string concatenation, not a host.
bool EndsWholeHost(std::string_view text, std::size_t end) {
  if (end >= text.size()) return true;
  const char c = text[end];
  if (c == '/' || c == ':' || c == '?' || c == '#') return true;
  // Prose and markup end a URL with white space, a tag or punctuation ("http://srv-app01<br>").
  if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '<' || c == ')' || c == ',' || c == ';') return true;
  if (c != '"' && c != '\'' ) return false;
  std::size_t k = end + 1;
  if (k >= text.size()) return true;
  if (text[k] == '>' || text[k] == '/') return true;
  bool space = false;  // one URL ends at this quote: the run of white space is read once
  while (k < text.size() && (text[k] == ' ' || text[k] == '\t' || text[k] == '\n' || text[k] == '\r')) {
    ++k;
    space = true;
  }
  return space && k < text.size() && ((text[k] >= 'a' && text[k] <= 'z') || (text[k] >= 'A' && text[k] <= 'Z'));
}

// The position of the last '@' in the authority starting at text[from] (up to '/', '?', '#',
// white space, a quote, '<', '>' or '\'), which ends its userinfo; npos when there is none within
// the first kMaxUserinfoBytes bytes (a longer userinfo is not looked past: its head is then read
// as the host, as before this rule).
constexpr std::size_t kMaxUserinfoBytes = 256;
std::size_t UserinfoEnd(std::string_view text, std::size_t from) {
  std::size_t at = std::string_view::npos;
  for (std::size_t k = from; k < text.size() && k - from < kMaxUserinfoBytes; ++k) {
    const char c = text[k];
    if (c == '@') at = k;
    else if (c == '/' || c == '?' || c == '#' || c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' ||
             c == '\'' || c == '<' || c == '>' || c == '\\')
      break;
  }
  return at;
}

// A unique-local (fc00::/7) or link-local (fe80::/10) IPv6 literal inside "[...]" of a URL
// starting at text[open] ('['): its kind, with the literal (lower-case, without brackets) in
// `value`; nullptr otherwise. The literal holds only hex digits, ':' and '.', at most
// kMaxIpv6LiteralChars of them (the longest IPv6 text form, as INET6_ADDRSTRLEN counts it).
constexpr std::size_t kMaxIpv6LiteralChars = 45;
const char* Ipv6Literal(std::string_view text, std::size_t open, std::string& value) {
  std::size_t k = open + 1;
  value.clear();
  while (k < text.size() && text[k] != ']') {
    if (value.size() >= kMaxIpv6LiteralChars) return nullptr;
    const char c = LowerAscii(text[k]);
    if (!(IsDigit(c) || (c >= 'a' && c <= 'f') || c == ':' || c == '.')) return nullptr;
    value.push_back(c);
    ++k;
  }
  if (k >= text.size() || text[k] != ']' || value.size() < 3 || value.find(':') == std::string::npos) return nullptr;
  const std::size_t colon = value.find(':');
  if (colon == 0 || colon > 4) return nullptr;
  unsigned first = 0;
  for (std::size_t d = 0; d < colon; ++d) {
    const char c = value[d];
    if (c == '.') return nullptr;
    first = first * 16 + static_cast<unsigned>(IsDigit(c) ? c - '0' : c - 'a' + 10);
  }
  if ((first & 0xfe00u) == 0xfc00u) return "unique-local";
  if ((first & 0xffc0u) == 0xfe80u) return "link-local";
  return nullptr;
}

template <typename V>
bool Has(const V& out, std::string_view value) {
  for (const InternalAddress& a : out)
    if (a.value == value) return true;
  return false;
}

}  // namespace

std::string FoldKey(std::string_view utf8) {
  std::string out = vietnamese::FoldForMatch(utf8);
  // Folds the white space in place: `w` bytes kept so far, never ahead of the byte read (`r`).
  char* const p = out.data();
  const std::size_t n = out.size();
  std::size_t w = 0, r = 0;
  while (r < n) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // Eight bytes at a time: those before the first byte below '!' (white space or another control
    // byte) are kept as they are. Bit 7 of `low` marks the bytes below '!'; its lowest set bit is
    // exact. The eight are written back only where that cannot reach a byte not yet read (w == r:
    // nothing moves; r - w >= 8: the write ends before r).
    if (n - r >= 8 && (w == r || r - w >= 8)) {
      constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
      std::uint64_t x;
      std::memcpy(&x, p + r, 8);
      const std::uint64_t low = (x - kOnes * '!') & ~x & (kOnes * 0x80);
      const std::size_t plain = low == 0 ? 8 : static_cast<std::size_t>(__builtin_ctzll(low)) / 8;
      if (plain > 0) {
        if (w != r) std::memcpy(p + w, &x, 8);
        w += plain;
        r += plain;
        continue;
      }
    }
#endif
    const char c = p[r++];
    const bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (!space) {
      out[w++] = c;
    } else if (w > 0 && out[w - 1] != ' ') {
      out[w++] = ' ';
    }
  }
  if (w > 0 && out[w - 1] == ' ') --w;
  out.resize(w);
  return out;
}

bool ContainsWord(std::string_view folded, std::string_view word) {
  if (word.empty()) return false;
  std::size_t pos = 0;
  while ((pos = folded.find(word, pos)) != std::string_view::npos) {
    const bool before_ok = pos == 0 || !IsAsciiAlnum(folded[pos - 1]);
    const std::size_t end = pos + word.size();
    const bool after_ok = end >= folded.size() || !IsAsciiAlnum(folded[end]);
    if (before_ok && after_ok) return true;
    ++pos;
  }
  return false;
}

bool IsTextBody(const Exchange& ex, bool with_scripts) {
  const std::string& m = ex.mime_type;
  if (ex.IsHtml() || m == "text/plain" || m == "text/xml" || m == "application/xml") return true;
  if (m.size() >= 4 && (m.compare(m.size() - 4, 4, "json") == 0 || m.compare(m.size() - 4, 4, "+xml") == 0)) return true;
  if (with_scripts && (text::ContainsIgnoreCase(m, "javascript") || text::ContainsIgnoreCase(m, "ecmascript"))) return true;
  return false;
}

std::size_t NextDigitOrColon(std::string_view text, std::size_t from) {
  std::size_t i = from;
  // '0'..'9' and ':' are the bytes 0x30..0x3A. Per byte b of the word, with a = b & 0x7F (so no
  // carry or borrow crosses a byte): bit 7 of (0x7F + 0x3B - a) says a < 0x3B, of (a + 0x7F - 0x2F)
  // says a > 0x2F, and of ~b that b is ASCII.
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL, kLow7 = kOnes * 0x7F, kHighs = kOnes * 0x80;
  while (i + 8 <= text.size()) {
    std::uint64_t x;
    std::memcpy(&x, text.data() + i, 8);
    const std::uint64_t a = x & kLow7;
    const std::uint64_t found = (kOnes * (0x7F + 0x3B) - a) & ~x & (a + kOnes * (0x7F - 0x2F)) & kHighs;
    if (found != 0) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      return i + static_cast<std::size_t>(__builtin_ctzll(found)) / 8;
#else
      break;
#endif
    }
    i += 8;
  }
  while (i < text.size() && !IsDigit(text[i]) && text[i] != ':') ++i;
  return i;
}

std::size_t FindInternalAddresses(std::string_view text, std::vector<InternalAddress>& out, std::size_t max) {
  const std::size_t before = out.size();
  for (std::size_t i = 0; i < text.size() && out.size() < max; ++i) {
    // Only digits and ':' start anything: skip the other bytes in a tight loop.
    i = NextDigitOrColon(text, i);
    if (i >= text.size()) break;
    const char c = text[i];
    if (IsDigit(c)) {
      const char p = i > 0 ? text[i - 1] : ' ';
      if (i > 0 && (IsAsciiAlnum(p) || p == '.' || p == '-' || p == '_')) continue;
      int o[4];
      std::size_t end = i;
      if (!DottedQuad(text, i, o, end)) {
        while (i + 1 < text.size() && (IsDigit(text[i + 1]) || text[i + 1] == '.')) ++i;  // skip the token
        continue;
      }
      if (const char* kind = ClassifyQuad(o)) {
        std::string value(text.substr(i, end - i));
        if (!Has(out, value)) out.push_back(InternalAddress{std::move(value), kind});
      }
      i = end - 1;
    } else if (c == ':' && text.substr(i, 3) == "://") {
      // The scheme, for the single-label rule.
      std::size_t s = i;
      while (s > 0 && IsAsciiAlnum(text[s - 1])) --s;
      const std::string_view scheme = text.substr(s, i - s);
      const bool http = text::EqualsIgnoreCase(scheme, "http") || text::EqualsIgnoreCase(scheme, "https");
      std::size_t h = i + 3;
      // Userinfo ("user:password@host") is not the host: the host starts after its '@'.
      if (const std::size_t at = UserinfoEnd(text, h); at != std::string_view::npos) h = at + 1;
      std::size_t e = h;
      while (e < text.size() && IsHostChar(text[e]) && e - h < 255) ++e;
      char lower[255];  // the host, lower-cased (at most 255 bytes), without allocating
      for (std::size_t k = h; k < e; ++k) lower[k - h] = LowerAscii(text[k]);
      const std::string_view host(lower, e - h);
      if (h < text.size() && text[h] == '[') {
        std::string literal;
        if (const char* kind = Ipv6Literal(text, h, literal); kind && !Has(out, literal))
          out.push_back(InternalAddress{std::move(literal), kind});
        continue;
      }
      const bool host_ends = e >= text.size() || !(text[e] == '@' || text[e] == '%' || text[e] == '_');
      const bool single_label = host.substr(0, host.find_last_not_of('.') + 1).find('.') == std::string_view::npos;
      if (host_ends && (!single_label || EndsWholeHost(text, e)) && IsInternalHost(host, http) && !Has(out, host))
        out.push_back(InternalAddress{std::string(host), "internal-host"});
      i = h > 0 ? h - 1 : h;  // a dotted quad host is found by the quad branch next
    }
  }
  return out.size() - before;
}

}  // namespace portal_check::content
