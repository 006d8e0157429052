#include "util/needle_index.h"

namespace portal_check {
namespace {

char UpperAscii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

}  // namespace

std::size_t NeedleIndex::Add(std::string_view needle, bool ignore_case) {
  const std::size_t index = needles_.size();
  Needle n{std::string(needle), ignore_case};
  if (ignore_case)
    for (char& c : n.text) c = LowerAscii(c);
  if (!n.text.empty()) {
    const char first = n.text[0];
    buckets_[static_cast<unsigned char>(first)].push_back(static_cast<std::uint32_t>(index));
    // The spellings of the first two bytes the text may show.
    const char firsts[2] = {first, ignore_case ? UpperAscii(first) : first};
    for (char f : firsts) first_[static_cast<unsigned char>(f)] = true;
    if (n.text.size() == 1) {
      for (char f : firsts) single_[static_cast<unsigned char>(f)] = true;
    } else {
      const char seconds[2] = {n.text[1], ignore_case ? UpperAscii(n.text[1]) : n.text[1]};
      for (char f : firsts) {
        for (char s : seconds) {
          const unsigned pair = (static_cast<unsigned>(static_cast<unsigned char>(f)) << 8) | static_cast<unsigned char>(s);
          pairs_[pair >> 6] |= std::uint64_t{1} << (pair & 63);
        }
      }
    }
  }
  needles_.push_back(std::move(n));
  return index;
}

std::size_t NeedleIndex::NextCandidate(std::string_view text, std::size_t from) const {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  if (n == 0) return 0;
  // A tight loop: most bytes fail the first-byte table.
  for (std::size_t pos = from; pos + 1 < n; ++pos) {
    const unsigned b0 = p[pos];
    if (!first_[b0]) continue;
    if (single_[b0]) return pos;
    const unsigned pair = (b0 << 8) | p[pos + 1];
    if ((pairs_[pair >> 6] >> (pair & 63)) & 1U) return pos;
  }
  if (from < n && single_[p[n - 1]]) return n - 1;  // the last byte starts only one-byte needles
  return n;
}

}  // namespace portal_check
