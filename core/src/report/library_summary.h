// One-line text of page.vulnerable-library's details, for reports that carry a message string
// (SARIF): each library with a version and advisories, how it was detected, each advisory id with
// its fixed release, and the date of the advisory data.
#ifndef PORTAL_CHECK_REPORT_LIBRARY_SUMMARY_H_
#define PORTAL_CHECK_REPORT_LIBRARY_SUMMARY_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "util/json.h"

namespace portal_check {

// "jQuery 3.4.1 (file content, https://…/a.js): CVE-2020-11022 fixed in 3.5.0, … Advisory data of
// 2026-08-22." — "" when `details` has no library with advisories. At most kMaxLibraries
// libraries and kMaxAdvisories advisories per library are named; the rest are counted.
std::string VulnerableLibrarySummary(const json::Value& details);
// The same from details kept as JSON text (ReportedResult::details); "" for any other result.
std::string VulnerableLibrarySummaryOfText(std::string_view details_json);

constexpr std::size_t kMaxSummaryLibraries = 16;
constexpr std::size_t kMaxSummaryAdvisories = 8;

}  // namespace portal_check

#endif  // PORTAL_CHECK_REPORT_LIBRARY_SUMMARY_H_
