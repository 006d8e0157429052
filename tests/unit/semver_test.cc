// normalize/semver.h and normalize/version_pattern.h, and every range of the shipped tables.
#include <gtest/gtest.h>

#include "check_harness.h"
#include "normalize/semver.h"
#include "normalize/version_pattern.h"

namespace portal_check {
namespace {

semver::Version V(const char* s) {
  auto v = semver::Parse(s);
  EXPECT_TRUE(v.has_value()) << s;
  return v.value_or(semver::Version{});
}

TEST(Semver, ParsesLibraryAndCmsVersions) {
  EXPECT_EQ(V("3.7.1").parts, (std::vector<std::int64_t>{3, 7, 1}));
  EXPECT_EQ(V("v1.6.0.2").parts.size(), 4u);
  EXPECT_EQ(V("4.25.2-lts").pre, "lts");
  EXPECT_EQ(V("10").parts, (std::vector<std::int64_t>{10}));
  EXPECT_EQ(V("1.0.0+build.7").pre, "");
  for (const char* bad : {"", "a.b", "1..2", "1.2.3.4.5", "1.2-", "1234567890.1", "-1"}) EXPECT_FALSE(semver::Parse(bad)) << bad;
}

TEST(Semver, Orders) {
  EXPECT_LT(semver::Compare(V("1.9.1"), V("1.12.4")), 0);
  EXPECT_EQ(semver::Compare(V("1.2"), V("1.2.0")), 0);
  EXPECT_LT(semver::Compare(V("4.24.0-lts"), V("4.24.0")), 0);
  EXPECT_GT(semver::Compare(V("4.25.2-lts"), V("4.24.0-lts")), 0);
  EXPECT_LT(semver::Compare(V("3.0.0-alpha.0"), V("3.0.0-beta.1")), 0);
  EXPECT_LT(semver::Compare(V("1.0.0-beta.2"), V("1.0.0-beta.11")), 0);
  EXPECT_LT(semver::Compare(V("16.0.0.5134"), V("16.0.0.14326")), 0);
  EXPECT_LT(semver::Compare(V("1.6.0.1"), V("1.6.0.2")), 0);
}

TEST(Semver, Ranges) {
  EXPECT_TRUE(semver::Satisfies(V("1.12.4"), ">=1.2.0 <3.5.0"));
  EXPECT_FALSE(semver::Satisfies(V("3.5.0"), ">=1.2.0 <3.5.0"));
  EXPECT_TRUE(semver::Satisfies(V("4.1.1"), ">=2.3.0 <3.4.0 || >=4.0.0 <4.1.2"));
  EXPECT_FALSE(semver::Satisfies(V("3.4.1"), ">=2.3.0 <3.4.0 || >=4.0.0 <4.1.2"));
  EXPECT_TRUE(semver::Satisfies(V("2.7.16"), ">=2.0.0 <3.0.0-alpha.0"));
  EXPECT_FALSE(semver::Satisfies(V("3.4.38"), ">=2.0.0 <3.0.0-alpha.0"));
  EXPECT_TRUE(semver::Satisfies(V("1.7.3"), "<=1.7.3"));
  EXPECT_TRUE(semver::Satisfies(V("0.1"), "*"));
  EXPECT_TRUE(semver::Satisfies(V("1.2.3"), "1.2.3"));
  for (const char* bad : {"", "<", "<=x", ">=1 ||", "|| <2", "<1.0 <<2"}) {
    EXPECT_FALSE(semver::ValidRange(bad)) << bad;
    EXPECT_FALSE(semver::Satisfies(V("1.0"), bad)) << bad;
  }
}

TEST(Semver, EveryShippedRangeAndVersionIsWellFormed) {
  const json::Value& data = testing::RulesetData();
  const json::Array* libs = json::FindArray(*json::Find(data, "js-libraries"), "libraries");
  ASSERT_NE(libs, nullptr);
  EXPECT_GE(libs->size(), 25u);
  std::size_t advisories = 0;
  for (const char* file : {"js-advisories", "js-advisories-supplement"}) {
    const json::Value* by_library = json::Find(*json::Find(data, file), "libraries");
    ASSERT_NE(by_library, nullptr) << file;
    for (const auto& [name, list] : by_library->get<json::Object>())
      for (const json::Value& a : list.get<json::Array>()) {
        ++advisories;
        const std::string* range = json::FindString(a, "range");
        ASSERT_NE(range, nullptr);
        EXPECT_TRUE(semver::ValidRange(*range)) << file << " " << name << ": " << *range;
        const std::string* fixed = json::FindString(a, "fixed");
        ASSERT_NE(fixed, nullptr);
        EXPECT_TRUE(*fixed == "none" || semver::Parse(*fixed)) << name << ": fixed " << *fixed;
        const std::string* sev = json::FindString(a, "severity");
        ASSERT_NE(sev, nullptr);
        EXPECT_TRUE(*sev == "critical" || *sev == "high" || *sev == "medium" || *sev == "low") << *sev;
        const json::Array* ids = json::FindArray(a, "ids");
        ASSERT_TRUE(ids && !ids->empty()) << name;
      }
  }
  EXPECT_GE(advisories, 500u);
  const json::Array* products = json::FindArray(*json::Find(data, "cms"), "products");
  ASSERT_NE(products, nullptr);
  for (const json::Value& p : *products) EXPECT_TRUE(semver::Parse(*json::FindString(p, "oldest_supported")));
}

TEST(VersionPattern, ReadsTokens) {
  EXPECT_EQ(VersionTokenLength("1.12.4.min.js", 0, true), 6u);
  EXPECT_EQ(VersionTokenLength("4.25.2-lts (Standard)", 0, true), 10u);
  EXPECT_EQ(VersionTokenLength("3.0.0-beta.1\"", 0, true), 12u);
  EXPECT_EQ(VersionTokenLength("1.12.4-wp", 0, true), 6u);
  EXPECT_EQ(VersionTokenLength("7 (http", 0, true), 0u);
  EXPECT_EQ(VersionTokenLength("7 (http", 0, false), 1u);
  EXPECT_EQ(VersionTokenLength("v1.2", 0, false), 0u);
}

TEST(VersionPattern, FindsLiteralAnchors) {
  VersionPattern banner("jQuery v{v}");
  EXPECT_EQ(banner.Find("requires jQuery version 1.9.1 /*! jQuery v1.12.4 | (c)", true)->version, "1.12.4");
  EXPECT_FALSE(banner.Find("jQuery Migrate v3.4.1", true));
  VersionPattern url("jquery-{v}.min.js", true);
  EXPECT_EQ(url.Find("/js/jquery-3.6.0.min.js", true)->version, "3.6.0");
  EXPECT_FALSE(url.Find("/js/jquery-3.6.0.slim.min.js", true));
  VersionPattern anchored("^// {v} (");
  EXPECT_EQ(anchored.Find("\xEF\xBB\xBF// 4.9.11 (2020-07-13)\n!function", true)->version, "4.9.11");
  EXPECT_FALSE(anchored.Find("x// 4.9.11 (", true));
  VersionPattern any("^{v}", true);
  EXPECT_EQ(any.Find("16.0.0.5134", false)->version, "16.0.0.5134");
  EXPECT_FALSE(VersionPattern("{v}").valid());
  // Found by its longer tail, token read backwards.
  VersionPattern tail("nn=\"{v}\",tn=200,");
  EXPECT_EQ(tail.Find("var X,nn=\"4.17.21\",tn=200,rn=\"Unsupported", true)->version, "4.17.21");
  EXPECT_FALSE(tail.Find("var X,mm=\"4.17.21\",tn=200,", true));
  EXPECT_FALSE(tail.Find("\",tn=200,", true));
  std::string hostile(1 << 20, 'j');
  for (std::size_t i = 0; i < hostile.size(); i += 8) hostile.replace(i, 8, "jQuery v");
  EXPECT_FALSE(banner.Find(hostile, true));  // bounded by kMaxOccurrences
}

}  // namespace
}  // namespace portal_check
