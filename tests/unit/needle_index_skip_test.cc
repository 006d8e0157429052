// NeedleIndex with only long needles (the Wu–Manber skip of NextCandidate): against the naive
// one-needle-at-a-time search, with shortest needles of 3 to 40 bytes (past the 32-byte window cap),
// needles added longest and shortest first (the skip table rebuilt when the shortest changes), and
// exact and ASCII case-insensitive needles mixed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "util/needle_index.h"

namespace portal_check {
namespace {

using Match = std::pair<std::size_t, std::size_t>;  // (needle index, position)

char Lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool NaiveAt(std::string_view text, std::size_t pos, std::string_view needle, bool ignore_case) {
  if (needle.empty() || text.size() - pos < needle.size()) return false;
  for (std::size_t k = 0; k < needle.size(); ++k) {
    const char a = text[pos + k], b = needle[k];
    if (ignore_case ? Lower(a) != Lower(b) : a != b) return false;
  }
  return true;
}

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
