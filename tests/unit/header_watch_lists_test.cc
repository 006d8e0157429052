// The header watch-lists are data (rules/data/deprecated-headers.json, version-headers.json): the
// embedded lists are well-formed, a new entry is one line of data, and a ruleset without the list
// gives no verdict (never a clean "none").
#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "check_harness.h"
#include "util/json.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

constexpr char kUrl[] = "https://cong.example.gov.vn/";

Exchange PageWith(const std::vector<std::pair<std::string, std::string>>& headers) {
  return testing::MakeMinimalPageWith(kUrl, headers);
}

json::Value Parse(const char* text) {
  json::Value v;
  EXPECT_TRUE(json::ParseBounded(text, 64, v).ok()) << text;
  return v;
}

TEST(HeaderWatchLists, EmbeddedListsAreWellFormed) {
  const json::Value& data = testing::RulesetData();
  const json::Value* version = json::Find(data, "version-headers");
  ASSERT_NE(version, nullptr);
  const json::Array* headers = json::FindArray(*version, "headers");
  ASSERT_NE(headers, nullptr);
  ASSERT_FALSE(headers->empty());
  const std::set<std::string> kinds = {"banner", "version-number", "backend-host", "debug"};
  for (const json::Value& h : *headers) {
    const std::string* name = json::FindString(h, "name");
    const std::string* kind = json::FindString(h, "kind");
    ASSERT_TRUE(name != nullptr && !name->empty());
    ASSERT_NE(kind, nullptr) << *name;
    EXPECT_TRUE(kinds.count(*kind)) << *name << ": unknown kind " << *kind << " (the check would skip it)";
  }
  const json::Value* deprecated = json::Find(data, "deprecated-headers");
  ASSERT_NE(deprecated, nullptr);
  for (const char* key : {"unless_zero", "always"}) {
    const json::Array* list = json::FindArray(*deprecated, key);
    ASSERT_NE(list, nullptr) << key;
    for (const json::Value& v : *list) EXPECT_TRUE(v.is<std::string>() && !v.get<std::string>().empty()) << key;
  }
}

TEST(HeaderWatchLists, ANewVersionHeaderIsOneLineOfData) {
  const json::Value data =
      Parse(R"({"version-headers":{"headers":[{"name":"X-Made-Up-Banner","kind":"banner"},{"name":"Server","kind":"backend-host"}]}})");
  testing::RunOptions options;
  options.data = &data;
  CheckResult r = testing::RunOne(testing::FactoryOf("header.version-disclosure"),
                                  {PageWith({{"x-made-up-banner", "Portal/3.1"}, {"Server", "Apache/2.4.41"}})}, options);
  EXPECT_EQ(r.outcome, "version");
  const json::Array& listed = testing::DetailOrNull(r, "headers").get<json::Array>();
  ASSERT_EQ(listed.size(), 2u);
  EXPECT_EQ(*json::FindString(listed[0], "name"), "X-Made-Up-Banner");  // spelled as the data spells it
  EXPECT_EQ(*json::FindString(listed[1], "name"), "Server");
  EXPECT_FALSE(json::GetBool(listed[1], "version", true));  // "backend-host": never a version
}

TEST(HeaderWatchLists, ANewDeprecatedHeaderIsOneLineOfData) {
  const json::Value data = Parse(R"({"deprecated-headers":{"unless_zero":["X-Old-Switch"],"always":["X-Gone"]}})");
  testing::RunOptions options;
  options.data = &data;
  EXPECT_EQ(testing::RunOne(testing::FactoryOf("header.deprecated"), {PageWith({{"X-Gone", "1"}})}, options).outcome, "present");
  EXPECT_EQ(testing::RunOne(testing::FactoryOf("header.deprecated"), {PageWith({{"X-Old-Switch", "0"}})}, options).outcome, "none");
  EXPECT_EQ(testing::RunOne(testing::FactoryOf("header.deprecated"), {PageWith({{"X-Old-Switch", "1"}})}, options).outcome, "present");
  // Not on this list: P3P is no longer watched.
  EXPECT_EQ(testing::RunOne(testing::FactoryOf("header.deprecated"), {PageWith({{"P3P", "CP=\"x\""}})}, options).outcome, "none");
}

TEST(HeaderWatchLists, WithoutTheListThereIsNoVerdict) {
  const json::Value empty = Parse("{}");
  testing::RunOptions options;
  options.data = &empty;
  EXPECT_TRUE(testing::RunCheck(testing::FactoryOf("header.version-disclosure"), {PageWith({{"Server", "Apache/2.4.41"}})}, options).empty());
  EXPECT_TRUE(testing::RunCheck(testing::FactoryOf("header.deprecated"), {PageWith({{"P3P", "CP=\"x\""}})}, options).empty());
}

}  // namespace
}  // namespace portal_check
