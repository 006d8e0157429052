// A check result joined with its rule: what the report, the grade and SARIF are made from
// (scoring/result_join.h makes them).
#ifndef PORTAL_CHECK_SCORING_REPORTED_RESULT_H_
#define PORTAL_CHECK_SCORING_REPORTED_RESULT_H_

#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "evidence/notice.h"
#include "util/shared_text.h"

namespace portal_check {

struct ObservatoryPart {
  std::string test;    // the Observatory's test name, e.g. "content-security-policy"
  std::string result;  // its result code for the same input
  int modifier = 0;    // its score modifier
};

// What is kept of one CheckResult once it is emitted: its key fields, and its details already
// rendered as compact JSON text instead of a json::Object (a DOM of std::map nodes costs several
// times the text, and every result is kept until the report is written), shared with every other
// result whose details are the same text (the auditor interns them: util/shared_text.h).
struct RetainedResult {
  std::string id;
  std::string outcome;
  std::optional<std::string> page;  // nullopt = site-level
  SharedText details = EmptyDetails();  // json::Serialize(details, /*pretty=*/false)

  static const SharedText& EmptyDetails();  // "{}"
};

struct ReportedResult {
  RetainedResult result;
  bool pass = false;
  std::string severity;
  std::optional<ObservatoryPart> observatory;  // graded checks only
};

// Everything a report is rendered from.
struct AuditOutcome {
  std::string engine_version;
  std::string ruleset_version;
  std::string target;                   // "" when unknown
  std::string graded_page;              // the page the header grade is about ("" when none)
  // Why there is no header grade ("" when there is one): "no-document" (no HTML document of the
  // target was audited), "no-response-headers", "body-not-captured"; the texts are in
  // rules/data/observatory.json "ungraded".
  std::string grade_unavailable;
  std::vector<std::string> pages;       // every audited page URL, in HAR order
  std::size_t entries = 0;              // HAR entries audited
  std::vector<ReportedResult> results;  // sorted by id, then page
  Notices notices;
  json::Object profiles;                // {profile id: section} (scoring/profile.h); empty = no
                                        // profile asked for, and the report has no "profiles"
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_SCORING_REPORTED_RESULT_H_
