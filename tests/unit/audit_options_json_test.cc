// The public helpers hosts use to drive the engine (portal_check/auditor.h): options from JSON,
// output format names, and the error value.
#include <gtest/gtest.h>

#include <string>

#include "portal_check/auditor.h"
#include "portal_check/status.h"

namespace portal_check {
namespace {

TEST(AuditOptionsFromJson, EmptyTextGivesDefaults) {
  auto o = AuditOptionsFromJson("");
  ASSERT_TRUE(o.ok());
  EXPECT_TRUE(o->target.empty());
  EXPECT_TRUE(o->ruleset_document.empty());
  EXPECT_TRUE(o->profiles.empty());
  EXPECT_TRUE(o->declarations_json.empty());
}

TEST(AuditOptionsFromJson, ReadsEveryMember) {
  auto o = AuditOptionsFromJson(R"({"target":"https://cong.example.gov.vn/","profiles":["level-2","observatory"],)"
                                R"("declarations":{"waf":true},"ruleset":null})");
  ASSERT_TRUE(o.ok()) << o.status().message();
  EXPECT_EQ(o->target, "https://cong.example.gov.vn/");
  EXPECT_EQ(o->profiles, (std::vector<std::string>{"level-2", "observatory"}));
  EXPECT_EQ(o->declarations_json, R"({"waf":true})");
  EXPECT_TRUE(o->ruleset_document.empty());  // null = not given
}

TEST(AuditOptionsFromJson, RefusesBadInput) {
  auto not_json = AuditOptionsFromJson("{");
  ASSERT_FALSE(not_json.ok());
  EXPECT_EQ(not_json.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(not_json.status().message().rfind("options: ", 0), 0u);
  auto profiles = AuditOptionsFromJson(R"({"profiles":["level-2",3]})");
  ASSERT_FALSE(profiles.ok());
  EXPECT_EQ(profiles.status().message(), "options: \"profiles\" must be an array of profile ids");
  auto declarations = AuditOptionsFromJson(R"({"declarations":[]})");
  ASSERT_FALSE(declarations.ok());
  EXPECT_EQ(declarations.status().message(), "declarations: expected a JSON object");
  // Nesting past the bound (64) is refused, never a crash.
  auto deep = AuditOptionsFromJson(R"({"ruleset":)" + std::string(100, '[') + std::string(100, ']') + "}");
  EXPECT_FALSE(deep.ok());
}

TEST(ParseOutputFormat, KnownNamesOnly) {
  ASSERT_TRUE(ParseOutputFormat("json").ok());
  EXPECT_EQ(ParseOutputFormat("json").value(), OutputFormat::kReportJson);
  EXPECT_EQ(ParseOutputFormat("sarif").value(), OutputFormat::kSarif);
  for (const char* name : {"", "JSON", "html", "sarif ", "xml"}) {
    auto f = ParseOutputFormat(name);
    ASSERT_FALSE(f.ok()) << name;
    EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument) << name;
  }
}

TEST(ErrorValueJson, EscapesTheMessage) {
  EXPECT_EQ(ErrorValueJson(Status::Invalid("output: unknown format \"x\"")),
            R"({"error":{"code":"invalid-argument","message":"output: unknown format \"x\""},"ok":false})");
}

}  // namespace
}  // namespace portal_check
