// Helpers shared by the native tests: reading files of the source tree, auditing a HAR text.
#ifndef PORTAL_CHECK_TESTS_SUPPORT_H_
#define PORTAL_CHECK_TESTS_SUPPORT_H_

#include <string>
#include <vector>

#include "portal_check/auditor.h"
#include "util/json.h"

namespace portal_check::testing {

// The repository's root (compiled in).
std::string SourceDir();
// The contents of a file; "" when unreadable.
std::string ReadFileOrEmpty(const std::string& path);
// The files in `dir` whose names end with `suffix`, sorted.
std::vector<std::string> ListFiles(const std::string& dir, const std::string& suffix);
// The bytes of the bad-input fixture `name` (tests/fixtures/bad-input/, README.md there): the file
// itself, or for NAME.recipe.json the document its parts describe. "" when it is missing or
// unreadable (a test failure is recorded).
std::string BadInput(const std::string& name);
// Wraps HAR entries (a JSON array value) into a HAR document text.
std::string HarFromEntries(const json::Value& entries);
// Audits a HAR text with the embedded ruleset; the report JSON text, or a Status.
StatusOr<std::string> AuditHarText(const std::string& har, const std::string& target = "");
// AuditHarText, then the report parsed; records a test failure and returns null when either fails.
json::Value AuditHarReport(const std::string& har);

}  // namespace portal_check::testing

#endif  // PORTAL_CHECK_TESTS_SUPPORT_H_
