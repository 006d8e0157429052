#include "normalize/version_pattern.h"

#include "util/text.h"

namespace portal_check {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsAlnum(char c) { return IsDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool IsTokenChar(char c) { return IsAlnum(c) || c == '.' || c == '-'; }
constexpr std::size_t kMaxTokenBytes = 64;

// Length of a pre-release word at text[pos] ("lts", "beta.1"), 0 when it is not one.
std::size_t PreReleaseLength(std::string_view text, std::size_t pos) {
  static constexpr std::string_view kWords[] = {"alpha", "beta", "rc", "lts", "pre", "dev"};
  bool known = false;
  for (std::string_view w : kWords)
    if (text::StartsWithIgnoreCase(text.substr(pos), w)) known = true;
  if (!known) return 0;
  std::size_t end = pos;
  while (end < text.size() && (IsAlnum(text[end]) || text[end] == '.')) ++end;
  while (end > pos && text[end - 1] == '.') --end;
  return end - pos;
}

}  // namespace

std::size_t VersionTokenLength(std::string_view text, std::size_t pos, bool require_dot) {
  if (pos >= text.size() || !IsDigit(text[pos])) return 0;
  std::size_t end = pos;
  bool dot = false;
  while (end < text.size() && (IsDigit(text[end]) || (text[end] == '.' && end + 1 < text.size() && IsDigit(text[end + 1])))) {
    dot = dot || text[end] == '.';
    ++end;
  }
  if (require_dot && !dot) return 0;
  if (end + 1 < text.size() && text[end] == '-') {
    if (std::size_t pre = PreReleaseLength(text, end + 1); pre > 0) end += 1 + pre;
  }
  return end - pos;
}

VersionPattern::VersionPattern(std::string_view pattern, bool lower) {
  if (!pattern.empty() && pattern[0] == '^') {
    anchored_ = true;
    pattern.remove_prefix(1);
  }
  std::size_t v = pattern.find("{v}");
  has_version_ = v != std::string_view::npos;
  before_ = std::string(has_version_ ? pattern.substr(0, v) : pattern);
  after_ = has_version_ ? std::string(pattern.substr(v + 3)) : std::string();
  if (lower) {
    before_ = text::Lower(before_);
    after_ = text::Lower(after_);
  }
  valid_ = !before_.empty() || (anchored_ && has_version_);
}

std::optional<VersionPattern::Match> VersionPattern::Find(std::string_view text, bool require_dot) const {
  if (!valid_) return std::nullopt;
  if (anchored_) {
    std::size_t start = 0;
    if (text.substr(0, 3) == "\xEF\xBB\xBF") start = 3;
    while (start < text.size() && (text[start] == ' ' || text[start] == '\t' || text[start] == '\r' || text[start] == '\n')) ++start;
    text = text.substr(start);
    if (text.substr(0, before_.size()) != before_) return std::nullopt;
    if (!has_version_) return Match{start, ""};
    std::size_t len = VersionTokenLength(text, before_.size(), require_dot);
    if (len == 0 || text.substr(before_.size() + len, after_.size()) != after_) return std::nullopt;
    return Match{start, std::string(text.substr(before_.size(), len))};
  }
  // Search for the longer literal side: "{v}\",tn=200," is found by its tail.
  const bool by_after = after_.size() > before_.size();
  const std::string& anchor = by_after ? after_ : before_;
  std::size_t pos = 0;
  for (std::size_t seen = 0; seen < kMaxOccurrences; ++seen) {
    std::size_t at = text.find(anchor, pos);
    if (at == std::string_view::npos) return std::nullopt;
    pos = at + 1;
    if (!has_version_) return Match{at, ""};
    std::size_t vpos = at + before_.size();
    if (by_after) {
      // Walk back over token characters (bounded by kMaxTokenBytes) to where the token starts.
      std::size_t start = at;
      while (start > 0 && at - start < kMaxTokenBytes && IsTokenChar(text[start - 1])) --start;
      while (start < at && !IsDigit(text[start])) ++start;
      if (start < before_.size() || text.substr(start - before_.size(), before_.size()) != before_) continue;
      vpos = start;
      at = start - before_.size();
    }
    std::size_t len = VersionTokenLength(text, vpos, require_dot);
    if (len > 0 && text.substr(vpos + len, after_.size()) == after_) return Match{at, std::string(text.substr(vpos, len))};
  }
  return std::nullopt;
}

}  // namespace portal_check
