#include "normalize/observatory_view.h"

#include "util/text.h"

namespace portal_check::observatory {
namespace {

// Node's parser keeps only the first field of these names (matchKnownFields, "drop duplicates").
constexpr std::string_view kSingletons[] = {
    "content-type", "content-length", "user-agent", "referer", "host", "authorization", "proxy-authorization",
    "if-modified-since", "if-unmodified-since", "from", "location", "max-forwards", "retry-after", "etag",
    "last-modified", "server", "age", "expires"};

bool IsSingleton(std::string_view name) {
  for (std::string_view s : kSingletons)
    if (text::EqualsIgnoreCase(name, s)) return true;
  return false;
}

// axios's sanitizeHeaderValue: C0 controls other than TAB, and DEL, removed; SP/TAB trimmed.
std::string Sanitize(std::string_view value) {
  std::string out;
  out.reserve(value.size());
  for (char c : value) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u < 0x20 && u != 0x09) || u == 0x7F) continue;
    out.push_back(c);
  }
  std::size_t begin = 0, end = out.size();
  while (begin < end && (out[begin] == ' ' || out[begin] == '\t')) ++begin;
  while (end > begin && (out[end - 1] == ' ' || out[end - 1] == '\t')) --end;
  return out.substr(begin, end - begin);
}

}  // namespace

std::optional<std::string> Header(const HeaderList& headers, std::string_view name) {
  const std::vector<std::string_view> lines = headers.GetAll(name);
  if (lines.empty()) return std::nullopt;
  if (IsSingleton(name)) return Sanitize(lines.front());
  std::string joined;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (i > 0) joined += ", ";
    joined += lines[i];
  }
  return Sanitize(joined);
}

std::vector<std::string> SetCookies(const HeaderList& headers) {
  std::vector<std::string> out;
  for (std::string_view line : headers.GetAll("set-cookie")) out.push_back(Sanitize(line));
  return out;
}

bool ReadsAsHtml(const HeaderList& headers) {
  const std::optional<std::string> type = Header(headers, "content-type");
  if (!type) return false;
  const std::string_view essence = std::string_view(*type).substr(0, type->find(';'));
  return essence == "text/html" || essence == "application/xhtml+xml";
}

std::size_t JsSpaceAt(std::string_view s, std::size_t i) {
  const auto byte = [&](std::size_t k) { return k < s.size() ? static_cast<unsigned char>(s[k]) : 0u; };
  const unsigned c = byte(i);
  if (c == 0x09 || c == 0x0A || c == 0x0B || c == 0x0C || c == 0x0D || c == 0x20) return 1;
  if (c == 0xC2 && byte(i + 1) == 0xA0) return 2;  // U+00A0
  if (c == 0xE1 && byte(i + 1) == 0x9A && byte(i + 2) == 0x80) return 3;  // U+1680
  if (c == 0xE2 && byte(i + 1) == 0x80) {
    const unsigned t = byte(i + 2);
    if ((t >= 0x80 && t <= 0x8A) || t == 0xA8 || t == 0xA9 || t == 0xAF) return 3;  // U+2000..200A, 2028, 2029, 202F
  }
  if (c == 0xE2 && byte(i + 1) == 0x81 && byte(i + 2) == 0x9F) return 3;  // U+205F
  if (c == 0xE3 && byte(i + 1) == 0x80 && byte(i + 2) == 0x80) return 3;  // U+3000
  if (c == 0xEF && byte(i + 1) == 0xBB && byte(i + 2) == 0xBF) return 3;  // U+FEFF
  return 0;
}

std::string_view JsTrim(std::string_view s) {
  std::size_t n;
  while (!s.empty() && (n = JsSpaceAt(s, 0)) > 0) s.remove_prefix(n);
  // Trailing: find the last non-space start by scanning forward (UTF-8 cannot be read backwards
  // by this helper); white space runs are short in practice and the scan is linear.
  std::size_t end = 0;
  for (std::size_t i = 0; i < s.size();) {
    if ((n = JsSpaceAt(s, i)) > 0) {
      i += n;
    } else {
      ++i;
      end = i;
    }
  }
  return s.substr(0, end);
}

std::vector<std::string_view> JsSplitSpace(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t n;
    while (i < s.size() && (n = JsSpaceAt(s, i)) > 0) i += n;
    const std::size_t start = i;
    while (i < s.size() && JsSpaceAt(s, i) == 0) ++i;
    if (i > start) out.push_back(s.substr(start, i - start));
  }
  return out;
}

std::size_t Utf16Length(std::string_view utf8) {
  std::size_t units = 0;
  for (unsigned char c : utf8) {
    if ((c & 0xC0) == 0x80) continue;  // continuation byte
    units += c >= 0xF0 ? 2 : 1;        // 4-byte sequences are surrogate pairs
  }
  return units;
}

}  // namespace portal_check::observatory
