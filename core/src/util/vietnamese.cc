#include "util/vietnamese.h"

#include <algorithm>
#include <vector>

#include "util/vietnamese_tables.h"

namespace portal_check::vietnamese {
namespace {

// Decodes one UTF-8 sequence at `i`; returns the code point and advances `i`, or returns -1 and
// advances by one byte for an invalid sequence.
long Next(std::string_view s, std::size_t& i) {
  const auto b0 = static_cast<unsigned char>(s[i]);
  std::size_t len = b0 < 0x80 ? 1 : (b0 >> 5) == 6 ? 2 : (b0 >> 4) == 14 ? 3 : (b0 >> 3) == 30 ? 4 : 0;
  if (len == 0 || i + len > s.size()) {
    ++i;
    return -1;
  }
  long cp = len == 1 ? b0 : len == 2 ? (b0 & 0x1F) : len == 3 ? (b0 & 0x0F) : (b0 & 0x07);
  for (std::size_t k = 1; k < len; ++k) {
    const auto b = static_cast<unsigned char>(s[i + k]);
    if ((b & 0xC0) != 0x80) {
      ++i;
      return -1;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  i += len;
  return cp;
}

void Append(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

bool IsCombining(char32_t cp) { return cp >= 0x300 && cp <= 0x36F; }

// Canonical combining class of the marks that occur in the tables (230 for the rest).
int CombiningClass(char32_t mark) {
  if (mark == 0x31B) return 216;  // horn
  if (mark == 0x323 || mark == 0x324 || mark == 0x325 || mark == 0x326 || mark == 0x327 || mark == 0x328 ||
      mark == 0x32D || mark == 0x32E || mark == 0x330 || mark == 0x331)
    return mark == 0x327 || mark == 0x328 ? 202 : 220;
  return 230;
}

char32_t Compose(char32_t base, char32_t mark) {
  for (std::size_t i = 0; i < kCompositionCount; ++i)
    if (kCompositions[i].base == base && kCompositions[i].mark == mark) return kCompositions[i].composed;
  return 0;
}

// Fully decomposes a precomposed letter into base + marks (appended to `marks`).
char32_t Decompose(char32_t cp, std::vector<char32_t>& marks) {
  for (std::size_t i = 0; i < kCompositionCount; ++i) {
    if (kCompositions[i].composed == cp) {
      char32_t base = Decompose(kCompositions[i].base, marks);
      marks.push_back(kCompositions[i].mark);
      return base;
    }
  }
  return cp;
}

// Composes one base letter with its following marks and appends the result.
void Flush(std::string& out, long base, std::vector<char32_t>& marks) {
  if (base >= 0 && marks.empty()) {  // the common case: a letter with no combining mark
    Append(out, static_cast<char32_t>(base));
    return;
  }
  if (base < 0) {
    for (char32_t m : marks) Append(out, m);
    marks.clear();
    return;
  }
  std::vector<char32_t> all;
  char32_t start = Decompose(static_cast<char32_t>(base), all);
  all.insert(all.end(), marks.begin(), marks.end());
  std::stable_sort(all.begin(), all.end(), [](char32_t a, char32_t b) { return CombiningClass(a) < CombiningClass(b); });
  std::vector<char32_t> left;
  for (char32_t m : all) {
    char32_t c = Compose(start, m);
    if (c != 0 && (left.empty() || CombiningClass(left.back()) < CombiningClass(m))) start = c;
    else left.push_back(m);
  }
  Append(out, start);
  for (char32_t m : left) Append(out, m);
  marks.clear();
}

char FoldLetter(char32_t cp) {
  std::size_t lo = 0, hi = kFoldingCount;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (kFoldings[mid].letter < cp) lo = mid + 1;
    else hi = mid;
  }
  return lo < kFoldingCount && kFoldings[lo].letter == cp ? kFoldings[lo].ascii : 0;
}

}  // namespace

std::string ComposeLatin(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  long base = -1;  // the pending base letter (-1: none)
  std::vector<char32_t> marks;
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const long cp = Next(s, i);
    if (cp >= 0 && IsCombining(static_cast<char32_t>(cp)) && base >= 0) {
      marks.push_back(static_cast<char32_t>(cp));
      continue;
    }
    Flush(out, base, marks);
    base = -1;
    if (cp < 0) {
      out.append(s.substr(start, i - start));
    } else if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z') || (cp >= 0xC0 && cp <= 0x24F) ||
               (cp >= 0x1EA0 && cp <= 0x1EF9)) {
      base = cp;
    } else {
      Append(out, static_cast<char32_t>(cp));
    }
  }
  Flush(out, base, marks);
  return out;
}

std::string FoldForMatch(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const std::size_t start = i;
    const long cp = Next(s, i);
    if (cp < 0) {
      out.append(s.substr(start, i - start));
    } else if (cp < 0x80) {
      out.push_back(static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp));
    } else if (IsCombining(static_cast<char32_t>(cp))) {
      continue;
    } else if (char a = FoldLetter(static_cast<char32_t>(cp))) {
      out.push_back(a);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  return out;
}

}  // namespace portal_check::vietnamese
