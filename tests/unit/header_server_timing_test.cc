// header.server-timing beyond its rule cases: the listing limits at and past their constants
// (20 metrics, 200 bytes per value), hostile field values, and the pages-only input.
#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

#include "check_harness.h"
#include "util/json.h"

namespace portal_check {
namespace {

constexpr char kUrl[] = "https://cong.example.gov.vn/";

Exchange PageWith(const std::vector<std::pair<std::string, std::string>>& headers) {
  return testing::MakeMinimalPageWith(kUrl, headers);
}

CheckResult ServerTimingOf(const std::string& server_timing) {
  return testing::RunOne("header.server-timing", {PageWith({{"Server-Timing", server_timing}})});
}

std::string Metrics(std::size_t n) {
  std::string field;
  for (std::size_t i = 0; i < n; ++i) field += (i ? ", m" : "m") + std::to_string(i) + ";dur=" + std::to_string(i);
  return field;
}

json::Array Listed(const CheckResult& r) {
  const json::Value details = r.details.ToValue();
  const json::Array* metrics = json::FindArray(details, "metrics");
  return metrics ? *metrics : json::Array();
}

TEST(HeaderServerTiming, ListsEveryMetricUpToTwenty) {
  const CheckResult r = ServerTimingOf(Metrics(20));
  EXPECT_EQ(r.outcome, "timings");
  EXPECT_EQ(Listed(r).size(), 20u);
  EXPECT_EQ(r.details.Has("metrics_count"), false) << "all were listed";
}

TEST(HeaderServerTiming, PastTwentyListsTwentyAndCountsAll) {
  const CheckResult r = ServerTimingOf(Metrics(21));
  EXPECT_EQ(Listed(r).size(), 20u);
  ASSERT_TRUE(r.details.Has("metrics_count"));
  EXPECT_EQ(json::GetInt(r.details.ToValue(), "metrics_count", -1), 21);
}

TEST(HeaderServerTiming, ADisclosingMetricPastTheListStillCounts) {
  const std::string bare = [] {
    std::string f;
    for (int i = 0; i < 25; ++i) f += (i ? ", marker" : "marker") + std::to_string(i);
    return f;
  }();
  EXPECT_EQ(ServerTimingOf(bare).outcome, "names-only");
  EXPECT_EQ(ServerTimingOf(bare + ", db;dur=53").outcome, "timings") << "the 26th metric is not listed but is judged";
}

TEST(HeaderServerTiming, ValuesAreKeptWholeUpTo200BytesAndCutPast) {
  const std::string at(200, 'd'), past(201, 'd');
  const json::Value at_metric = Listed(ServerTimingOf("db;desc=\"" + at + "\""))[0];
  EXPECT_EQ(*json::FindString(at_metric, "description"), at);
  const std::string cut = *json::FindString(Listed(ServerTimingOf("db;desc=\"" + past + "\""))[0], "description");
  EXPECT_NE(cut, past);
  EXPECT_EQ(cut.rfind(std::string(100, 'd'), 0), 0u) << "the head is kept";
  EXPECT_LE(cut.size(), 200u + 3) << "at most 200 bytes and the ellipsis";
}

TEST(HeaderServerTiming, HostileValuesNeverCrashAndStayText) {
  // An unterminated quote keeps the rest of the field as the description: nothing is split off.
  const CheckResult open = ServerTimingOf("x;desc=\"unterminated, y;dur=1");
  ASSERT_EQ(Listed(open).size(), 1u);
  EXPECT_EQ(open.outcome, "timings");
  EXPECT_EQ(*json::FindString(Listed(open)[0], "description"), "\"unterminated, y;dur=1");
  // Separators only, a trailing backslash inside a quote, invalid UTF-8, a NUL byte.
  EXPECT_EQ(ServerTimingOf(";;;,,, ;").outcome, "none");  // no metric has a name
  EXPECT_EQ(ServerTimingOf(";dur=53, ,").outcome, "none");
  EXPECT_EQ(ServerTimingOf("a;desc=\"\\").outcome, "timings");
  const CheckResult bad = ServerTimingOf(std::string("db;desc=\"\xff\xfe") + std::string(1, '\0') + "\"");
  const std::string desc = *json::FindString(Listed(bad)[0], "description");
  EXPECT_EQ(desc, "\xEF\xBF\xBD\xEF\xBF\xBD\xE2\x90\x80") << "U+FFFD twice and U+2400 for NUL";
  // A 1 MiB field of metrics: read to its end, listed up to the limit.
  std::string huge;
  while (huge.size() < (1u << 20)) huge += "cdn-cache;desc=HIT, ";
  const CheckResult big = ServerTimingOf(huge);
  EXPECT_EQ(big.outcome, "timings");
  EXPECT_EQ(Listed(big).size(), 20u);
}

TEST(HeaderServerTiming, OnlyPagesAreRead) {
  Exchange script = testing::MakeGet("https://cong.example.gov.vn/app.js", 200, "text/javascript", "var a;");
  testing::AddResponseHeaders(script, {{"Server-Timing", "db;dur=53"}});
  const std::vector<CheckResult> results =
      testing::RunCheck("header.server-timing", {PageWith({}), script});
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].outcome, "none");
  EXPECT_EQ(results[0].page, std::optional<std::string>(kUrl));
}

}  // namespace
}  // namespace portal_check
