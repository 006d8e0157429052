// util/needle_index.h (many needles in one pass) and content::WordIndex (the same with word
// boundaries), each checked against the plain one-needle-at-a-time search it replaces.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "checks/support/page_content_scan.h"
#include "util/needle_index.h"

namespace portal_check {
namespace {

using Match = std::pair<std::size_t, std::size_t>;  // (needle index, position)

std::vector<Match> All(const NeedleIndex& index, std::string_view text) {
  std::vector<Match> out;
  index.Scan(text, [&](std::size_t needle, std::size_t pos) {
    out.emplace_back(needle, pos);
    return true;
  });
  return out;
}

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

// The reference: every needle compared at every position, exact or ASCII case-insensitive.
bool NaiveAt(std::string_view text, std::size_t pos, std::string_view needle, bool ignore_case) {
  if (needle.empty() || text.size() - pos < needle.size()) return false;
  for (std::size_t k = 0; k < needle.size(); ++k) {
    const char a = text[pos + k], b = needle[k];
    if (ignore_case ? Lower(a) != Lower(b) : a != b) return false;
  }
  return true;
}

TEST(NeedleIndex, FindsEveryOccurrenceInPositionOrder) {
  NeedleIndex index;
  index.Add("Warning: ");
  index.Add("ORA-");
  index.Add("a");  // one byte
  const std::vector<Match> got = All(index, "x Warning: ORA-1 ORA-2 a");
  const std::vector<Match> want = {{0, 2}, {2, 3}, {1, 11}, {1, 17}, {2, 23}};  // "a" in "Warning" too
  EXPECT_EQ(got, want);
  EXPECT_TRUE(All(index, "").empty());
  EXPECT_TRUE(All(index, "ORA").empty());   // a needle cut by the end of the text
  EXPECT_EQ(All(index, "ORA-"), (std::vector<Match>{{1, 0}}));  // a needle ending the text
}

TEST(NeedleIndex, IgnoreCaseAppliesPerNeedle) {
  NeedleIndex index;
  index.Add("\\WwwRoot\\", /*ignore_case=*/true);
  index.Add("Stack", /*ignore_case=*/false);
  EXPECT_EQ(All(index, "d:\\wwwroot\\a D:\\WWWROOT\\b"), (std::vector<Match>{{0, 2}, {0, 15}}));
  EXPECT_EQ(All(index, "stack STACK Stack"), (std::vector<Match>{{1, 12}}));
  EXPECT_EQ(index.needle(0), "\\wwwroot\\");  // kept lower-cased
}

TEST(NeedleIndex, OrderAtOnePositionIsExactBucketThenLowerCaseBucket) {
  NeedleIndex index;
  index.Add("sql", /*ignore_case=*/true);    // bucket 's'
  index.Add("SQL", /*ignore_case=*/false);   // bucket 'S'
  index.Add("SQLSTATE", /*ignore_case=*/false);
  index.Add("s", /*ignore_case=*/true);      // bucket 's'
  // At 'S': the exact bucket first (1, 2 in order of Add), then the ignore-case ones of 's'.
  EXPECT_EQ(All(index, "SQLSTATE"), (std::vector<Match>{{1, 0}, {2, 0}, {0, 0}, {3, 0}, {3, 3}}));
  // At 's': one bucket, in order of Add; the case-sensitive "SQL" does not match.
  EXPECT_EQ(All(index, "sql"), (std::vector<Match>{{0, 0}, {3, 0}}));
}

TEST(NeedleIndex, EmptyNeedleNeverMatchesAndStopEndsTheScan) {
  NeedleIndex index;
  EXPECT_EQ(index.Add(""), 0u);
  EXPECT_EQ(index.Add("ab"), 1u);
  EXPECT_EQ(index.size(), 2u);
  std::vector<Match> got;
  index.Scan("ab ab ab", [&](std::size_t needle, std::size_t pos) {
    got.emplace_back(needle, pos);
    return got.size() < 2;
  });
  EXPECT_EQ(got, (std::vector<Match>{{1, 0}, {1, 3}}));
}

TEST(NeedleIndex, OnlyEmptyNeedlesOrNoneFindNothing) {
  NeedleIndex none;
  NeedleIndex empty_only;
  empty_only.Add("");
  // In a buffer of exactly its bytes (no terminating NUL past them, as a std::string has): a scan
  // reading one byte past the text is an error under AddressSanitizer.
  const std::string_view source = "a text longer than eight bytes";
  const std::vector<char> bytes(source.begin(), source.end());
  const std::string_view text(bytes.data(), bytes.size());
  for (const NeedleIndex* index : {&none, &empty_only}) {
    EXPECT_EQ(index->NextCandidate(text, 0), text.size());
    EXPECT_TRUE(All(*index, text).empty());
  }
}

TEST(NeedleIndex, AgreesWithNaiveSearchOnGeneratedTexts) {
  // A small alphabet (with both cases and a non-ASCII byte) makes overlaps and near misses common.
  const std::string alphabet = "aAbB:\\ \xC3";
  std::uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 200; ++round) {
    NeedleIndex index;
    std::vector<std::pair<std::string, bool>> needles;
    const int count = 1 + static_cast<int>(next() % 6);
    for (int n = 0; n < count; ++n) {
      std::string needle;
      const int len = static_cast<int>(next() % 4);  // 0..3 bytes, the empty needle included
      for (int k = 0; k < len; ++k) needle.push_back(alphabet[next() % alphabet.size()]);
      const bool ignore_case = next() % 2 == 0;
      index.Add(needle, ignore_case);
      needles.emplace_back(needle, ignore_case);
    }
    std::string text;
    const int len = static_cast<int>(next() % 40);
    for (int k = 0; k < len; ++k) text.push_back(alphabet[next() % alphabet.size()]);

    std::vector<Match> got = All(index, text), want;
    for (std::size_t pos = 0; pos < text.size(); ++pos)
      for (std::size_t n = 0; n < needles.size(); ++n)
        if (NaiveAt(text, pos, needles[n].first, needles[n].second)) want.emplace_back(n, pos);
    // Same matches; within one position the index has its own (documented) order.
    std::sort(got.begin(), got.end(), [](const Match& a, const Match& b) {
      return std::make_pair(a.second, a.first) < std::make_pair(b.second, b.first);
    });
    ASSERT_EQ(got, want) << "round " << round << " text '" << text << "'";
  }
}

TEST(WordIndex, ReportsExactlyTheWordsContainsWordFinds) {
  const std::vector<std::string> words = {"slot", "sex", "nha cai", "ca do", "18+", "x"};
  content::WordIndex index;
  for (const std::string& w : words) index.Add(w);
  for (const std::string text : {"link slot gacor", "chon timeslot phu hop", "unisex", "(sex)", "nha cai uy tin",
                                 "nha caiuy", "keo ca do bong da 18+", "x", "xx x", "", "slots slot"}) {
    std::vector<bool> found(words.size(), false);
    index.ForEachFound(text, [&](std::size_t w) { found[w] = true; });
    for (std::size_t w = 0; w < words.size(); ++w)
      EXPECT_EQ(found[w], content::ContainsWord(text, words[w])) << "'" << text << "' / '" << words[w] << "'";
  }
}

// ---- only needles of 3 bytes or more, against the naive search: shortest needles of 3 to 40 bytes
// (below kMinSkipLength the pair and three-byte tests of every position, from it the Wu–Manber
// skip of NextCandidate, past the 32-byte window cap), needles added longest and shortest first
// (the skip table rebuilt when the shortest changes), exact and ASCII case-insensitive mixed.

TEST(NeedleIndexSkip, AgreesWithNaiveSearchForLongNeedles) {
  const std::string alphabet = "aAbBcC: \xC3";
  std::uint32_t seed = 777;
  auto next = [&] {
    seed = seed * 1103515245u + 12345u;
    return (seed >> 16) & 0x7FFF;
  };
  std::size_t total_matches = 0;
  for (int round = 0; round < 400; ++round) {
    const std::size_t min_len = 3 + next() % 38;  // 3..40
    const int count = 1 + static_cast<int>(next() % 6);
    std::string text;
    const int text_len = static_cast<int>(next() % 300);
    for (int k = 0; k < text_len; ++k) text.push_back(alphabet[next() % 3 == 0 ? next() % alphabet.size() : next() % 2]);
    std::vector<std::pair<std::string, bool>> needles;
    for (int n = 0; n < count; ++n) {
      const std::size_t len = min_len + next() % 5;
      std::string needle;
      // Half the needles are cut from the text, so that matches occur.
      if (next() % 2 == 0 && text.size() >= len) {
        needle = text.substr(next() % (text.size() - len + 1), len);
      } else {
        for (std::size_t k = 0; k < len; ++k) needle.push_back(alphabet[next() % 2]);
      }
      needles.emplace_back(needle, next() % 2 == 0);
    }
    if (round % 2 == 0)  // longest first: the shortest shrinks as needles are added
      std::sort(needles.begin(), needles.end(), [](const auto& a, const auto& b) { return a.first.size() > b.first.size(); });
    NeedleIndex index;
    for (const auto& [needle, ignore_case] : needles) index.Add(needle, ignore_case);

    std::vector<Match> got, want;
    index.Scan(text, [&](std::size_t needle, std::size_t pos) {
      got.emplace_back(needle, pos);
      return true;
    });
    for (std::size_t pos = 0; pos < text.size(); ++pos)
      for (std::size_t n = 0; n < needles.size(); ++n)
        if (NaiveAt(text, pos, needles[n].first, needles[n].second)) want.emplace_back(n, pos);
    std::sort(got.begin(), got.end(), [](const Match& a, const Match& b) {
      return std::make_pair(a.second, a.first) < std::make_pair(b.second, b.first);
    });
    ASSERT_EQ(got, want) << "round " << round << " text '" << text << "'";
    total_matches += want.size();
  }
  EXPECT_GT(total_matches, 200u);  // the generator does produce matches
}

TEST(NeedleIndexSkip, NextCandidateNeverPassesANeedleAndStaysInOrder) {
  NeedleIndex index;
  index.Add("Fatal error", /*ignore_case=*/true);
  index.Add("ORA-0", /*ignore_case=*/false);
  index.Add("xyzzy-long-needle-past-the-window-cap", /*ignore_case=*/false);
  const std::string text =
      "ok FATAL ERROR: ora-0 ORA-0 fatal errorORA-0 ... xyzzy-long-needle-past-the-window-cap "
      "xyzzy-long-needle-past-the-window-ca ORA-";
  std::vector<std::size_t> candidates;
  for (std::size_t pos = index.NextCandidate(text, 0); pos < text.size(); pos = index.NextCandidate(text, pos + 1))
    candidates.push_back(pos);
  EXPECT_TRUE(std::is_sorted(candidates.begin(), candidates.end()));
  for (std::size_t want : {text.find("FATAL"), text.find("ORA-0"), text.find("fatal"), text.find("errorORA") + 5,
                           text.find("xyzzy")})
    EXPECT_NE(std::find(candidates.begin(), candidates.end(), want), candidates.end()) << want;
  EXPECT_EQ(index.NextCandidate(text, text.rfind("ORA-")), text.size());  // too short to hold a needle
}

}  // namespace
}  // namespace portal_check
