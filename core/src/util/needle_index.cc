#include "util/needle_index.h"

#include <algorithm>
#include <array>
#include <cstring>

namespace portal_check {
namespace {

char UpperAscii(char c) { return (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c; }

// The spellings a text may show of a needle's byte `c` (stored lower-case when ignore_case).
std::array<char, 2> Spellings(char c, bool ignore_case) { return {c, ignore_case ? UpperAscii(c) : c}; }

}  // namespace

std::size_t NeedleIndex::Add(std::string_view needle, bool ignore_case) {
  const std::size_t index = needles_.size();
  Needle n{std::string(needle), ignore_case};
  if (ignore_case)
    for (char& c : n.text) c = LowerAscii(c);
  if (!n.text.empty()) {
    const char first = n.text[0];
    buckets_[static_cast<unsigned char>(first)].push_back(static_cast<std::uint32_t>(index));
    const std::array<char, 2> firsts = Spellings(first, ignore_case);
    for (char f : firsts) first_[static_cast<unsigned char>(f)] = true;
    if (n.text.size() >= 3) {
      for (char f : firsts)
        for (char s : Spellings(n.text[1], ignore_case))
          for (char t : Spellings(n.text[2], ignore_case)) {
            const unsigned h = TripleHash(static_cast<unsigned char>(f), static_cast<unsigned char>(s), static_cast<unsigned char>(t));
            triples_[h >> 6] |= std::uint64_t{1} << (h & 63);
          }
    }
    if (n.text.size() == 1) {
      any_single_ = true;
      for (char f : firsts) single_[static_cast<unsigned char>(f)] = true;
    } else {
      const std::array<char, 2> seconds = Spellings(n.text[1], ignore_case);
      for (char f : firsts) {
        for (char s : seconds) {
          const unsigned pair = (static_cast<unsigned>(static_cast<unsigned char>(f)) << 8) | static_cast<unsigned char>(s);
          pairs_[pair >> 6] |= std::uint64_t{1} << (pair & 63);
        }
      }
    }
  }
  needles_.push_back(std::move(n));
  const std::size_t length = needles_.back().text.size();
  if (length > 0 && (min_length_ == 0 || length < min_length_)) {
    min_length_ = length;
    RebuildShifts();
  } else if (length > 0 && window_ > 0) {
    AddToShifts(needles_.back());
  }
  SyncPairTable(needles_.back());
  return index;
}

std::uint16_t NeedleIndex::PairKey(const unsigned char* two) {
  std::uint16_t key;
  std::memcpy(&key, two, 2);
  return key;
}

void NeedleIndex::SyncPairTable(const Needle& added) {
  const bool pair_scan = window_ == 0 && !any_single_ && min_length_ >= 2;
  if (!pair_scan) {
    std::vector<std::uint8_t>().swap(pair_table_);
    return;
  }
  if (pair_table_.empty()) {  // the scan starts being the one used: every pair so far
    pair_table_.assign(65536, 0);
    for (unsigned word = 0; word < pairs_.size(); ++word) {
      for (std::uint64_t bits = pairs_[word]; bits != 0; bits &= bits - 1) {
        const unsigned pair = word * 64 + static_cast<unsigned>(__builtin_ctzll(bits));
        const unsigned char two[2] = {static_cast<unsigned char>(pair >> 8), static_cast<unsigned char>(pair & 0xFF)};
        pair_table_[PairKey(two)] = 1;
      }
    }
    return;
  }
  if (added.text.size() < 2) return;
  for (char f : Spellings(added.text[0], added.ignore_case))
    for (char s : Spellings(added.text[1], added.ignore_case)) {
      const unsigned char two[2] = {static_cast<unsigned char>(f), static_cast<unsigned char>(s)};
      pair_table_[PairKey(two)] = 1;
    }
}

void NeedleIndex::RebuildShifts() {
  window_ = min_length_ >= kMinSkipLength ? std::min(min_length_, kMaxWindow) : 0;
  shift_.clear();
  if (window_ == 0) return;
  shift_.assign(kShiftSlots, static_cast<std::uint8_t>(window_ - 1));
  for (const Needle& n : needles_)
    if (!n.text.empty()) AddToShifts(n);
}

void NeedleIndex::AddToShifts(const Needle& n) {
  for (std::size_t k = 0; k + 2 <= window_; ++k) {
    const char a[2] = {n.text[k], n.ignore_case ? UpperAscii(n.text[k]) : n.text[k]};
    const char b[2] = {n.text[k + 1], n.ignore_case ? UpperAscii(n.text[k + 1]) : n.text[k + 1]};
    const auto shift = static_cast<std::uint8_t>(window_ - 2 - k);
    for (char x : a) {
      for (char y : b) {
        std::uint8_t& entry = shift_[ShiftSlot(static_cast<unsigned char>(x), static_cast<unsigned char>(y))];
        entry = std::min(entry, shift);
      }
    }
  }
}

bool NeedleIndex::PassesTriple(const unsigned char* p, std::size_t n, std::size_t pos) const {
  if (min_length_ < 3) return true;
  if (pos + 2 >= n) return false;  // no needle of three bytes or more starts there
  const unsigned h = TripleHash(p[pos], p[pos + 1], p[pos + 2]);
  return (triples_[h >> 6] >> (h & 63)) & 1U;
}

std::size_t NeedleIndex::NextCandidate(std::string_view text, std::size_t from) const {
  const unsigned char* p = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  if (n == 0) return 0;
  auto pair_bit = [&](std::size_t at) -> std::uint64_t {  // REQUIRES: at + 1 < n
    const unsigned pair = (static_cast<unsigned>(p[at]) << 8) | p[at + 1];
    return (pairs_[pair >> 6] >> (pair & 63)) & 1U;
  };
  std::size_t pos = from;
  if (window_ > 0) {
    // Wu–Manber: a needle starting at q with pos <= q <= pos + window_ - 2 has the window's last
    // block at offset pos + window_ - 2 - q of its first window_ bytes, so shift_ <= q - pos; one
    // starting later is not passed either, since no shift exceeds window_ - 1.
    while (pos + window_ <= n) {
      const std::size_t last = pos + window_ - 2;
      const std::uint8_t shift = shift_[ShiftSlot(p[last], p[last + 1])];
      if (shift != 0) {
        pos += shift;
        continue;
      }
      if (pair_bit(pos) && PassesTriple(p, n, pos)) return pos;
      ++pos;
    }
    return n;  // a needle needs at least window_ bytes
  }
  if (!any_single_) {
    if (min_length_ == 0) return n;  // no needle (or only empty ones)
    // Every needle has min_length_ >= 2 bytes (pair_table_ is filled): one starts only before
    // `end`. Eight positions per branch: each is one read of the table at its two bytes, the
    // reads independent of each other; only a group with a hit is looked at position by position.
    const std::uint8_t* const table = pair_table_.data();
    auto pair_at = [&](std::size_t at) -> unsigned { return table[PairKey(p + at)]; };
    const std::size_t end = n >= min_length_ ? n - min_length_ + 1 : 0;
    while (pos + 8 <= end) {
      const unsigned any = pair_at(pos) | pair_at(pos + 1) | pair_at(pos + 2) | pair_at(pos + 3) | pair_at(pos + 4) |
                           pair_at(pos + 5) | pair_at(pos + 6) | pair_at(pos + 7);
      if (any != 0)
        for (std::size_t k = pos; k < pos + 8; ++k)
          if (pair_at(k) && PassesTriple(p, n, k)) return k;
      pos += 8;
    }
    for (; pos < end; ++pos)
      if (pair_at(pos) && PassesTriple(p, n, pos)) return pos;
    return n;
  }
  // With one-byte needles: most bytes fail the first-byte table.
  for (; pos + 1 < n; ++pos) {
    const unsigned b0 = p[pos];
    if (!first_[b0]) continue;
    if (single_[b0]) return pos;
    if (pair_bit(pos)) return pos;
  }
  if (from < n && single_[p[n - 1]]) return n - 1;  // the last byte starts only one-byte needles
  return n;
}

}  // namespace portal_check
