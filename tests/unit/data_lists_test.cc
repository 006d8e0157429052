// DataLists::Compiled: what a builder makes of the data lists is built once per DataLists (one
// audit), one product per builder, and a DataLists without data hands builders empty lists.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_harness.h"
#include "normalize/error_signatures.h"
#include "normalize/form_model.h"
#include "normalize/url_spans.h"
#include "ruleset/data_lists.h"
#include "util/json.h"

namespace portal_check {
namespace {

int builds = 0;  // calls of CountingBuilder

// The "exact" strings of data list "session-cookies", counting its calls.
std::vector<std::string> CountingBuilder(const DataLists& lists) {
  ++builds;
  return lists.DataStrings("session-cookies", "exact");
}

std::size_t CountOfExact(const DataLists& lists) { return lists.DataStrings("session-cookies", "exact").size(); }
std::string FirstPrefix(const DataLists& lists) {
  const std::vector<std::string> prefixes = lists.DataStrings("session-cookies", "url_parameter_prefixes");
  return prefixes.empty() ? "" : prefixes.front();
}

TEST(DataListsCompiled, BuildsOncePerDataLists) {
  builds = 0;
  const DataLists lists(&testing::RulesetData());
  const std::vector<std::string>& first = lists.Compiled(&CountingBuilder);
  const std::vector<std::string>& again = lists.Compiled(&CountingBuilder);
  EXPECT_EQ(builds, 1);
  EXPECT_EQ(&first, &again);
  EXPECT_FALSE(first.empty());  // the real ruleset names session cookies
  EXPECT_EQ(first, lists.DataStrings("session-cookies", "exact"));

  const DataLists next_audit(&testing::RulesetData());
  const std::vector<std::string>& other = next_audit.Compiled(&CountingBuilder);
  EXPECT_EQ(builds, 2);
  EXPECT_NE(&other, &first);
  EXPECT_EQ(other, first);
}

TEST(DataListsCompiled, EachBuilderHasItsOwnProduct) {
  const DataLists lists(&testing::RulesetData());
  const std::size_t& count = lists.Compiled(&CountOfExact);
  const std::string& prefix = lists.Compiled(&FirstPrefix);
  const SessionParamNames& names = lists.Compiled(&BuildSessionParamNames);
  EXPECT_EQ(count, lists.DataStrings("session-cookies", "exact").size());
  EXPECT_EQ(prefix, FirstPrefix(lists));
  EXPECT_TRUE(names.Matches("PHPSESSID"));
  EXPECT_FALSE(names.Matches("page"));
  // Read again in another order: still the same objects.
  EXPECT_EQ(&lists.Compiled(&BuildSessionParamNames), &names);
  EXPECT_EQ(&lists.Compiled(&FirstPrefix), &prefix);
  EXPECT_EQ(&lists.Compiled(&CountOfExact), &count);
}

TEST(DataListsCompiled, WithoutDataBuildersGetEmptyLists) {
  builds = 0;
  const DataLists none(nullptr);
  EXPECT_TRUE(none.Compiled(&CountingBuilder).empty());
  EXPECT_EQ(builds, 1);
  EXPECT_EQ(none.Compiled(&CountOfExact), 0u);
  EXPECT_EQ(none.Compiled(&FirstPrefix), "");
  EXPECT_TRUE(none.Compiled(&BuildErrorSignatureMatcher).Find("<h1>Server Error in '/' Application.</h1>").empty());
  FormField card;
  card.type = "text";
  card.name = "card_number";
  EXPECT_EQ(none.Compiled(&BuildSensitiveFieldMatcher).Kind(card), "");

  // The same builders over the real ruleset find what the empty product does not.
  const DataLists lists(&testing::RulesetData());
  EXPECT_FALSE(lists.Compiled(&BuildErrorSignatureMatcher).Find("<h1>Server Error in '/' Application.</h1>").empty());
  EXPECT_EQ(lists.Compiled(&BuildSensitiveFieldMatcher).Kind(card), "card");
}

TEST(DataListsCompiled, EmptyDataObjectIsLikeNone) {
  const json::Value empty{json::Object{}};
  const DataLists lists(&empty);
  EXPECT_TRUE(lists.Compiled(&CountingBuilder).empty());
  EXPECT_TRUE(lists.Compiled(&BuildErrorSignatureMatcher).Find("ORA-00933: SQL command not properly ended").empty());
}

}  // namespace
}  // namespace portal_check
