// HarJsonCheck reads a HAR's JSON as an audit does: on every bad-input fixture (and every cut of
// the truncated one) its error is the error the audit stops on (or, for an entry the audit skips
// with a notice, that notice's text), and it accepts what the audit reads.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "evidence/har_json_check.h"
#include "test_support.h"

namespace portal_check {
namespace {

// Feeds `doc` in uneven chunks, as testing::AuditHarText does.
Status Check(const std::string& doc) {
  HarJsonCheck check;
  const std::size_t chunk = 64 * 1024 + 7;
  if (doc.empty())
    if (Status s = check.Feed(""); !s.ok()) return s;
  for (std::size_t pos = 0; pos < doc.size(); pos += chunk)
    if (Status s = check.Feed(std::string_view(doc).substr(pos, chunk)); !s.ok()) return s;
  return check.End();
}

void ExpectSameAsTheAudit(const std::string& doc, const std::string& what) {
  const Status check = Check(doc);
  const auto audit = testing::AuditHarText(doc);
  if (check.ok()) {
    // The audit read the same JSON: it either succeeds or stops on a HAR field, not on JSON.
    if (!audit.ok()) EXPECT_EQ(audit.status().message().find(" at byte "), std::string::npos) << what << ": " << audit.status().ToString();
    return;
  }
  if (!audit.ok()) {
    EXPECT_EQ(audit.status().ToString(), check.ToString()) << what;
  } else {
    EXPECT_NE(audit.value().find(check.message()), std::string::npos) << what << ": " << check.ToString();
  }
}

TEST(HarJsonCheck, SameOutcomeAsTheAuditOnEveryBadInput) {
  const std::string dir = testing::SourceDir() + "/tests/fixtures/bad-input";
  std::size_t files = 0;
  for (const std::string suffix : {".har", ".recipe.json"})
    for (const std::string& name : testing::ListFiles(dir, suffix)) {
      if (name.find("100mb") != std::string::npos) continue;  // a body, not JSON structure: slow for nothing here
      ExpectSameAsTheAudit(testing::BadInput(name), name);
      ++files;
    }
  EXPECT_GE(files, 30u);
  const std::string full = testing::BadInput("truncated.cuts.har");
  for (std::size_t cut = 0; cut < full.size(); ++cut) ExpectSameAsTheAudit(full.substr(0, cut), "cut " + std::to_string(cut));
}

TEST(HarJsonCheck, NamesTheEntryAndTheByte) {
  EXPECT_EQ(Check(testing::BadInput("duplicate-in-entry.har")).ToString(),
            "invalid-argument: entry 0: duplicate member 'method' at byte 53");
  EXPECT_EQ(Check(testing::BadInput("duplicate-root-log.har")).ToString(), "invalid-argument: duplicate member 'log' at byte 38");
  EXPECT_EQ(Check(R"({"log":{"entries":[{},{},{"a":[1e400]}]}})").ToString(),
            "invalid-argument: entry 2: JSON number out of range at byte 6");
  EXPECT_TRUE(Check(R"({"log":{"entries":[{"a":"\uD83D"}]}})").ok());
  // After an error every call fails with it.
  HarJsonCheck check;
  EXPECT_FALSE(check.Feed(R"({"log":{"entries":[{"a":1,"a":2}]}})").ok());
  EXPECT_EQ(check.Feed("").message(), "entry 0: duplicate member 'a' at byte 7");
  EXPECT_FALSE(check.End().ok());
}

}  // namespace
}  // namespace portal_check
