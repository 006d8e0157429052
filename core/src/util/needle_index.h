// A set of byte-string needles searched together in one pass over a text, built once (per
// ruleset) and then read-only. Each text position is first checked against a table of the
// needles' first two bytes (a 64 Kbit set; a 64 KiB byte table for the scan that tests every
// position, pair_table_) and, when every needle has three bytes or more, a
// hashed set of their first three bytes, and only then compared with the needles bucketed under
// its first byte: scanning is linear in the text plus the compares of the positions that pass.
// No regex, no allocation while scanning.
#ifndef PORTAL_CHECK_UTIL_NEEDLE_INDEX_H_
#define PORTAL_CHECK_UTIL_NEEDLE_INDEX_H_

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace portal_check {

class NeedleIndex {
 public:
  // Adds `needle` and returns its index (0, 1, 2, ... in order of Add). An empty needle is kept
  // (its index is valid) but never matches. With `ignore_case`, ASCII letters of the needle and of
  // the text compare case-insensitively; other bytes always compare exactly.
  std::size_t Add(std::string_view needle, bool ignore_case = false);

  std::size_t size() const { return needles_.size(); }
  const std::string& needle(std::size_t index) const { return needles_[index].text; }

  // The first position p >= from where a needle may start, or text.size() when there is none.
  // Positions it skips hold no needle; a position it returns has a needle's first two bytes (or
  // its only byte) and, when every needle has three bytes or more, three bytes whose hash a
  // needle's first three have. When every needle has at least kMinSkipLength bytes, windows of
  // the shortest needle's length are skipped by their last two bytes (Wu–Manber, blocks of two
  // bytes), so most positions are never read; otherwise every position's pair is tested, eight
  // at a time.
  std::size_t NextCandidate(std::string_view text, std::size_t from) const;

  // Calls fn(index, pos) for every needle that occurs at text[pos]. Order: first the needles
  // bucketed under the byte text[pos] itself, then, when that byte is an upper-case ASCII letter,
  // the ignore-case needles bucketed under its lower-case; within a bucket, in order of Add. (A
  // case-sensitive needle is bucketed under its first byte, an ignore-case one under its
  // lower-cased first byte.) fn returns false to stop; ForEachAt then returns false too.
  // REQUIRES: pos < text.size().
  template <typename Fn>
  bool ForEachAt(std::string_view text, std::size_t pos, Fn&& fn) const {
    const unsigned char exact = static_cast<unsigned char>(text[pos]);
    const unsigned char lower = static_cast<unsigned char>(LowerAscii(static_cast<char>(exact)));
    for (std::uint32_t i : buckets_[exact])
      if (MatchesAt(text, pos, needles_[i]) && !fn(static_cast<std::size_t>(i), pos)) return false;
    if (lower != exact) {
      for (std::uint32_t i : buckets_[lower])
        if (needles_[i].ignore_case && MatchesAt(text, pos, needles_[i]) && !fn(static_cast<std::size_t>(i), pos))
          return false;
    }
    return true;
  }

  // Calls ForEachAt for every position of `text` in ascending order (skipping the positions
  // NextCandidate rules out) until fn returns false.
  template <typename Fn>
  void Scan(std::string_view text, Fn&& fn) const {
    for (std::size_t pos = NextCandidate(text, 0); pos < text.size(); pos = NextCandidate(text, pos + 1))
      if (!ForEachAt(text, pos, fn)) return;
  }

  static char LowerAscii(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

 private:
  struct Needle {
    std::string text;  // lower-cased ASCII letters when ignore_case
    bool ignore_case = false;
  };

  static bool MatchesAt(std::string_view text, std::size_t pos, const Needle& n) {
    if (n.text.empty() || text.size() - pos < n.text.size()) return false;
    const char* t = text.data() + pos;
    if (!n.ignore_case) return std::char_traits<char>::compare(t, n.text.data(), n.text.size()) == 0;
    for (std::size_t k = 0; k < n.text.size(); ++k)
      if (LowerAscii(t[k]) != n.text[k]) return false;
    return true;
  }

  // Skipping pays from this shortest-needle length on; the window is at most kMaxWindow bytes.
  // A skip step waits for the byte it reads, then for the table entry it indexes (about 14 cycles
  // measured on x86-64), while the pair test of every position pipelines (2 to 3 cycles per
  // byte): skipping is slower unless steps pass 5 bytes or more on average. Measured on the
  // engine's indexes over the pages of bench/make-corpus.mjs (bytes per step): windows of 3, 4
  // and 5 bytes 1.6, 2.8 and 3.0; of 8 and 10 bytes 5.6 and 6.6. (The redactor's index of an
  // audit's secrets, 8 bytes or more, thus skips and never makes a pair_table_.)
  static constexpr std::size_t kMinSkipLength = 8;
  static constexpr std::size_t kMaxWindow = 32;
  // shift_ has this many entries, a two-byte block's entry at ShiftSlot(block): 4 KiB stays in the
  // first-level cache while a text is scanned (64 Ki entries, one per block, did not, and cost
  // more time than their instructions). Blocks sharing a slot share the smallest of their
  // shifts, which never passes a needle start; it only stops the skip earlier.
  static constexpr std::size_t kShiftSlots = 4096;
  static std::size_t ShiftSlot(unsigned char first, unsigned char second) {
    return ((static_cast<std::size_t>(first) << 4) ^ second) & (kShiftSlots - 1);
  }
  // Records in shift_ the two-byte blocks of needle `n` within the first window_ bytes.
  void AddToShifts(const Needle& n);
  void RebuildShifts();

  std::vector<Needle> needles_;
  std::size_t min_length_ = 0;  // of the non-empty needles; 0 when there is none
  // window_ = min(min_length_, kMaxWindow) when min_length_ >= kMinSkipLength, else 0 (no
  // skipping). shift_[ShiftSlot(block)]: how far a window may move when its last two bytes are
  // `block` without passing a needle start: window_ - 2 - (the last offset k <= window_ - 2 where
  // some needle has `block` at k, in any case spelling it matches), or window_ - 1 when none; the
  // smallest of these over the blocks of one slot.
  std::size_t window_ = 0;
  std::vector<std::uint8_t> shift_;
  std::array<std::vector<std::uint32_t>, 256> buckets_;
  std::array<bool, 256> first_{};                 // first bytes of all needles
  std::array<bool, 256> single_{};                // first bytes of one-byte needles
  bool any_single_ = false;                       // some needle has one byte
  // TripleHash of the first three bytes (each spelling of an ignore-case needle) of the needles
  // of three bytes or more; read only when every needle has three bytes or more.
  std::array<std::uint64_t, 65536 / 64> triples_{};
  static unsigned TripleHash(unsigned char a, unsigned char b, unsigned char c) {
    return ((static_cast<std::uint32_t>(a) << 16 | static_cast<std::uint32_t>(b) << 8 | c) * 0x9E3779B1u) >> 16;
  }
  // Whether a needle may start at p[pos] by its first three bytes (true when some needle is
  // shorter than three bytes). REQUIRES: pos < n, n = the text's size.
  bool PassesTriple(const unsigned char* p, std::size_t n, std::size_t pos) const;
  // pairs_ as one byte per pair, indexed by PairKey of the pair's two bytes: what the scan without
  // skipping reads (one load per position instead of a word load, a shift and a mask). 64 KiB,
  // only while that scan is the one used (every needle of two bytes or more, the shortest below
  // kMinSkipLength), else empty; kept by Add (SyncPairTable).
  std::vector<std::uint8_t> pair_table_;
  static std::uint16_t PairKey(const unsigned char* two);  // the two bytes as they lie in memory
  // After `added` was added: pair_table_ made (from pairs_) when the pair scan starts being the
  // one used, given the added needle's pairs while it stays so, emptied when it stops.
  void SyncPairTable(const Needle& added);
  std::array<std::uint64_t, 65536 / 64> pairs_{};  // first two bytes of longer needles
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_UTIL_NEEDLE_INDEX_H_
