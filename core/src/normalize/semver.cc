#include "normalize/semver.h"

#include "util/text.h"

namespace portal_check::semver {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Compares two pre-release strings ("" = release, which sorts last).
int ComparePre(std::string_view a, std::string_view b) {
  if (a.empty() || b.empty()) return a.empty() == b.empty() ? 0 : (a.empty() ? 1 : -1);
  std::vector<std::string_view> pa = text::Split(a, '.', true), pb = text::Split(b, '.', true);
  for (std::size_t i = 0; i < pa.size() && i < pb.size(); ++i) {
    const bool na = text::IsDigits(pa[i]) && pa[i].size() <= 18, nb = text::IsDigits(pb[i]) && pb[i].size() <= 18;
    if (na && nb) {
      const long long x = std::stoll(std::string(pa[i])), y = std::stoll(std::string(pb[i]));
      if (x != y) return x < y ? -1 : 1;
    } else if (na != nb) {
      return na ? -1 : 1;  // numeric identifiers sort before alphanumeric ones
    } else if (pa[i] != pb[i]) {
      return pa[i] < pb[i] ? -1 : 1;
    }
  }
  if (pa.size() == pb.size()) return 0;
  return pa.size() < pb.size() ? -1 : 1;
}

// One comparator ("<3.5.0", "4.1", "*"): checks it against v; false in *ok when malformed.
bool Holds(const Version& v, std::string_view comp, bool* ok) {
  if (comp == "*") return true;
  std::string_view op;
  if (comp.substr(0, 2) == "<=" || comp.substr(0, 2) == ">=") op = comp.substr(0, 2);
  else if (!comp.empty() && (comp[0] == '<' || comp[0] == '>' || comp[0] == '=')) op = comp.substr(0, 1);
  std::optional<Version> bound = Parse(comp.substr(op.size()));
  if (!bound) {
    *ok = false;
    return false;
  }
  const int c = Compare(v, *bound);
  if (op == "<") return c < 0;
  if (op == "<=") return c <= 0;
  if (op == ">") return c > 0;
  if (op == ">=") return c >= 0;
  return c == 0;
}

// Evaluates `range` against v (when v is given) and reports whether it is well formed.
bool Evaluate(const Version* v, std::string_view range, bool* ok) {
  *ok = true;
  bool any = false, result = false;
  std::size_t start = 0;
  while (start <= range.size()) {
    std::size_t bar = range.find("||", start);
    std::string_view alt = range.substr(start, bar == std::string_view::npos ? std::string_view::npos : bar - start);
    std::vector<std::string_view> comps = text::SplitWhitespace(alt);
    if (comps.empty()) {
      *ok = false;
      return false;
    }
    bool all = true;
    for (std::string_view comp : comps) {
      static const Version kZero{{0}, ""};
      if (!Holds(v ? *v : kZero, comp, ok)) all = false;
      if (!*ok) return false;
    }
    any = true;
    result = result || all;
    if (bar == std::string_view::npos) break;
    start = bar + 2;
  }
  return any && result;
}

}  // namespace

std::optional<Version> Parse(std::string_view text) {
  text = text::Trim(text);
  if (!text.empty() && (text[0] == 'v' || text[0] == 'V')) text.remove_prefix(1);
  if (std::size_t plus = text.find('+'); plus != std::string_view::npos) text = text.substr(0, plus);
  Version out;
  std::size_t dash = text.find('-');
  std::string_view nums = text.substr(0, dash);
  if (dash != std::string_view::npos) {
    out.pre = std::string(text.substr(dash + 1));
    if (out.pre.empty()) return std::nullopt;
  }
  std::size_t i = 0;
  while (true) {
    std::size_t j = i;
    while (j < nums.size() && IsDigit(nums[j])) ++j;
    if (j == i || j - i > 9 || out.parts.size() == 4) return std::nullopt;
    out.parts.push_back(std::stoll(std::string(nums.substr(i, j - i))));
    if (j == nums.size()) break;
    if (nums[j] != '.') return std::nullopt;
    i = j + 1;
  }
  return out;
}

int Compare(const Version& a, const Version& b) {
  for (std::size_t i = 0; i < 4; ++i) {
    const std::int64_t x = i < a.parts.size() ? a.parts[i] : 0, y = i < b.parts.size() ? b.parts[i] : 0;
    if (x != y) return x < y ? -1 : 1;
  }
  return ComparePre(a.pre, b.pre);
}

bool Satisfies(const Version& v, std::string_view range) {
  bool ok = true;
  const bool r = Evaluate(&v, range, &ok);
  return ok && r;
}

bool ValidRange(std::string_view range) {
  bool ok = true;
  Evaluate(nullptr, range, &ok);
  return ok;
}

}  // namespace portal_check::semver
