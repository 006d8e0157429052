#include "util/vietnamese.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
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

char FoldLetterSearched(char32_t cp) {
  std::size_t lo = 0, hi = kFoldingCount;
  while (lo < hi) {
    const std::size_t mid = (lo + hi) / 2;
    if (kFoldings[mid].letter < cp) lo = mid + 1;
    else hi = mid;
  }
  return lo < kFoldingCount && kFoldings[lo].letter == cp ? kFoldings[lo].ascii : 0;
}

// kFoldings as direct lookups over the two ranges it covers (built once).
constexpr char32_t kLatinFirst = 0xC0, kLatinEnd = 0x250, kVietFirst = 0x1EA0, kVietEnd = 0x1EFA;
struct FoldingTables {
  char latin[kLatinEnd - kLatinFirst] = {};
  char viet[kVietEnd - kVietFirst] = {};
};

const FoldingTables& Foldings() {
  static const FoldingTables tables = [] {
    FoldingTables t;
    for (std::size_t i = 0; i < kFoldingCount; ++i) {
      const char32_t cp = kFoldings[i].letter;
      if (cp >= kLatinFirst && cp < kLatinEnd) t.latin[cp - kLatinFirst] = kFoldings[i].ascii;
      if (cp >= kVietFirst && cp < kVietEnd) t.viet[cp - kVietFirst] = kFoldings[i].ascii;
    }
    return t;
  }();
  return tables;
}

// The ASCII base letter of a precomposed Latin letter, or 0.
char FoldLetter(char32_t cp) {
  if (cp >= kLatinFirst && cp < kLatinEnd) return Foldings().latin[cp - kLatinFirst];
  if (cp >= kVietFirst && cp < kVietEnd) return Foldings().viet[cp - kVietFirst];
  return FoldLetterSearched(cp);  // none today: the tables cover only those two ranges
}

}  // namespace

bool NeedsComposition(std::string_view s) {
  // ComposeLatin copies its input unchanged unless a code point in U+0300–U+036F is decoded (its
  // well-formed UTF-8 lead bytes are 0xCC and 0xCD) or an overlong sequence is re-encoded shorter
  // (lead 0xC0/0xC1, 0xE0 followed by 0x80–0x9F, 0xF0 followed by 0x80–0x8F; overlong marks are
  // decoded as marks too). Anything else decodes and re-encodes to the same bytes, or is copied
  // byte by byte as invalid. This test is conservative: it may say yes to bytes that compose to
  // themselves, never no to bytes that would change.
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  const std::size_t n = s.size();
  constexpr std::uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
  auto some_byte_zero = [](std::uint64_t v) { return ((v - kOnes) & ~v & kHighs) != 0; };  // exact
  std::size_t i = 0;
  while (i < n) {
    const std::size_t end = std::min(n, i + 8);
    if (end - i == 8) {
      // A word without any of the lead bytes below is skipped whole (Vietnamese text in UTF-8 uses
      // the leads 0xC3–0xC6 and 0xE1, so most of its words are).
      std::uint64_t x;
      std::memcpy(&x, p + i, 8);
      if ((x & kHighs) == 0) {  // all ASCII, the commonest word: none of them is a lead byte
        i = end;
        continue;
      }
      const std::uint64_t even = x & (kOnes * 0xFE);  // 0xC0/0xC1 → 0xC0, 0xCC/0xCD → 0xCC
      if (!some_byte_zero(even ^ (kOnes * 0xC0)) && !some_byte_zero(even ^ (kOnes * 0xCC)) &&
          !some_byte_zero(x ^ (kOnes * 0xE0)) && !some_byte_zero(x ^ (kOnes * 0xF0))) {
        i = end;
        continue;
      }
    }
    for (; i < end; ++i) {
      const unsigned char b = p[i];
      if (b < 0xC0) continue;
      if (b == 0xC0 || b == 0xC1 || b == 0xCC || b == 0xCD) return true;
      if (b == 0xE0 && i + 1 < n && p[i + 1] < 0xA0) return true;
      if (b == 0xF0 && i + 1 < n && p[i + 1] < 0x90) return true;
    }
  }
  return false;
}

std::string ComposeLatin(std::string_view s) {
  if (!NeedsComposition(s)) return std::string(s);
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
  // Every input byte gives at most one output byte (a letter folds to one ASCII byte, a mark to
  // none, anything else is copied), so the output is written in place and cut at the end.
  std::string out(s.size(), '\0');
  char* const begin = out.data();
  char* w = begin;
  constexpr std::uint64_t kOnes = 0x0101010101010101ULL;
  std::size_t i = 0;
  while (i < s.size()) {
    // The ASCII bytes that start the next eight, lower-cased at once: bit 7 of each byte of ge_a /
    // gt_z says whether it is >= 'A' / > 'Z'. A byte >= 0x80 may carry into the bytes after it
    // (higher in a little-endian word), never into those before it, which are the ones kept. All
    // eight are written (w trails i, so they fit); w and i move past the ASCII ones only.
    while (i + 8 <= s.size()) {
      std::uint64_t x;
      std::memcpy(&x, s.data() + i, 8);
      const std::uint64_t high = x & (kOnes * 0x80);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
      const std::size_t ascii = high == 0 ? 8 : static_cast<std::size_t>(__builtin_ctzll(high)) / 8;
#else
      const std::size_t ascii = high == 0 ? 8 : 0;
#endif
      if (ascii == 0) break;
      const std::uint64_t ge_a = x + kOnes * (0x80 - 'A');
      const std::uint64_t gt_z = x + kOnes * (0x80 - 'Z' - 1);
      x |= ((ge_a & ~gt_z) & (kOnes * 0x80)) >> 2;  // 0x20 on the upper-case letters
      std::memcpy(w, &x, 8);
      w += ascii;
      i += ascii;
    }
    if (i >= s.size()) break;
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII, most of any text: lower-cased without decoding
      *w++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b - 'A' + 'a' : b);
      ++i;
      continue;
    }
    const std::size_t start = i;
    // Well-formed two- and three-byte sequences (Vietnamese letters: leads 0xC3–0xC6 and 0xE1)
    // decoded here as Next decodes them; anything else through Next.
    long cp;
    const auto b1 = i + 1 < s.size() ? static_cast<unsigned char>(s[i + 1]) : 0u;
    if ((b >> 5) == 6 && (b1 & 0xC0) == 0x80) {
      cp = static_cast<long>(((b & 0x1Fu) << 6) | (b1 & 0x3Fu));
      i += 2;
    } else if ((b >> 4) == 14 && i + 2 < s.size() && (b1 & 0xC0) == 0x80 &&
               (static_cast<unsigned char>(s[i + 2]) & 0xC0) == 0x80) {
      cp = static_cast<long>(((b & 0x0Fu) << 12) | ((b1 & 0x3Fu) << 6) | (static_cast<unsigned char>(s[i + 2]) & 0x3Fu));
      i += 3;
    } else {
      cp = Next(s, i);
    }
    if (cp < 0) {
      std::memcpy(w, s.data() + start, i - start);
      w += i - start;
    } else if (cp < 0x80) {
      *w++ = static_cast<char>(cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp);
    } else if (IsCombining(static_cast<char32_t>(cp))) {
      continue;
    } else if (char a = FoldLetter(static_cast<char32_t>(cp))) {
      *w++ = a;
    } else {
      std::memcpy(w, s.data() + start, i - start);
      w += i - start;
    }
  }
  out.resize(static_cast<std::size_t>(w - begin));
  return out;
}

}  // namespace portal_check::vietnamese
