// RedactOutcome (report/outcome_redaction.h) on results that share their details text
// (util/shared_text.h): each result's details come out exactly as redacting every result's own copy
// in order did, also when redacting a text teaches the redactor a secret that same text holds
// earlier; equal answers stay one shared text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/audit_context.h"
#include "report/outcome_redaction.h"
#include "report/secret_redaction.h"
#include "util/shared_text.h"

namespace portal_check {
namespace {

const AuditContext& Context() {
  static const AuditContext ctx(std::nullopt, &testing::RulesetData());
  return ctx;
}

TEST(RedactOutcome, SharedDetailsComeOutAsEachResultsOwnCopyWould) {
  // "a" holds a token bare, "b" the URL that names it a secret (members sorted: "a" is read
  // first). Redacting the text teaches the redactor the token, so the same text redacted again
  // also marks "a".
  const std::vector<std::string> texts = {
      R"({"x":"plain"})",
      R"({"a":"tok-ABCDEFGH1234","b":"https://portal.gov.vn/?token=tok-ABCDEFGH1234"})",
      R"({"x":"plain"})",
      R"({"a":"tok-ABCDEFGH1234","b":"https://portal.gov.vn/?token=tok-ABCDEFGH1234"})",
      R"({"x":"plain"})",
      R"({"u":"https://portal.gov.vn/?sid=sess-77777777"})",
      R"({"u":"https://portal.gov.vn/?sid=sess-77777777"})",
      R"({"u":"https://portal.gov.vn/?sid=sess-77777777"})",
      "{}",
  };
  TextPool pool;
  AuditOutcome outcome;
  for (const std::string& t : texts) {
    ReportedResult r;
    r.result.id = "header.csp";
    r.result.details = pool.Intern(t);
    outcome.results.push_back(r);
  }
  ASSERT_EQ(outcome.results[0].result.details.identity(), outcome.results[2].result.details.identity());

  SecretRedactor each(Context());
  std::vector<std::string> expected;
  each.RedactUrlField("");
  each.RedactUrlField("");
  for (const std::string& t : texts) {
    std::string copy = t;
    each.RedactJsonTextInPlace(copy);
    expected.push_back(copy);
  }
  ASSERT_NE(expected[1], expected[3]) << "the second copy is redacted with the secret the first taught";

  SecretRedactor shared(Context());
  RedactOutcome(outcome, shared);
  for (std::size_t i = 0; i < texts.size(); ++i) EXPECT_EQ(outcome.results[i].result.details.str(), expected[i]) << i;
  EXPECT_EQ(outcome.results[0].result.details.identity(), outcome.results[4].result.details.identity());
  // Result 5 teaches the session id; 6 is redacted again (and teaches nothing); 7 reuses 6's answer.
  EXPECT_NE(outcome.results[5].result.details.str(), texts[5]);
  EXPECT_EQ(outcome.results[6].result.details.identity(), outcome.results[7].result.details.identity())
      << "a text whose redaction taught nothing new is redacted once";
}

TEST(TextPool, EqualTextsShareOneCopy) {
  TextPool pool;
  const SharedText a = pool.Intern("{\"k\":1}");
  const SharedText b = pool.Intern(std::string("{\"k\":") + "1}");
  const SharedText c = pool.Intern("{\"k\":2}");
  EXPECT_EQ(a.identity(), b.identity());
  EXPECT_NE(a.identity(), c.identity());
  EXPECT_EQ(a.str(), "{\"k\":1}");
  EXPECT_EQ(SharedText().str(), "");
  EXPECT_EQ(ReportedResult{}.result.details.str(), "{}");
}

}  // namespace
}  // namespace portal_check
