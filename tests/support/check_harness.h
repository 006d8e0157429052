// Drives one check directly, as the engine would, without a HAR: builds exchanges, runs a fresh
// check over them (pages get a page model) with an AuditContext, and collects what it emits.
#ifndef PORTAL_CHECK_TESTS_CHECK_HARNESS_H_
#define PORTAL_CHECK_TESTS_CHECK_HARNESS_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "evidence/exchange.h"
#include "util/json.h"

namespace portal_check {
class Ruleset;
}  // namespace portal_check

namespace portal_check::testing {

using CheckFactory = std::unique_ptr<Check> (*)();

// The registered descriptor of check `id`, or of the check `make` builds; nullptr when none.
const CheckDescriptor* FindCheck(std::string_view id);
const CheckDescriptor* FindCheck(CheckFactory make);
// The registered factory of check `id` (e.g. FactoryOf("form.login")); records a test failure and
// returns nullptr when no check has that id.
CheckFactory FactoryOf(std::string_view id);

// Keeps every result. Like the engine's sink it stamps the check's id on each result (when the
// check is registered), and it fails the test when a check emits an outcome its rule file does
// not declare (the engine would turn it into "error").
class CollectingSink : public ResultSink {
 public:
  explicit CollectingSink(const CheckDescriptor* check = nullptr) : check_(check) {}
  void Emit(CheckResult r) override;
  std::vector<CheckResult> results;

 private:
  const CheckDescriptor* check_;
};

// The data lists of the embedded ruleset (rules/data/*.json), as the engine hands them to checks.
const json::Value& RulesetData();
// The embedded ruleset (its rules' outcome rows, e.g. their Observatory mapping), or nullptr.
const Ruleset* EmbeddedRuleset();

// A GET exchange answered with `status` and `mime_type` and `body`.
Exchange MakeGet(std::string url, int status = 200, std::string mime_type = "text/html", std::string body = "");
// A GET of an HTML page: 200, text/html, `html` as the body and a
// "Content-Type: text/html; charset=utf-8" response header.
Exchange MakeHtmlPage(std::string url, std::string html);
// A GET answered with a redirect to `location` (redirect_url and a Location header).
Exchange MakeRedirect(std::string url, std::string location, int status = 302);
// Adds each {name, value} to the response headers, in order.
void AddResponseHeaders(Exchange& e, const std::vector<std::pair<std::string, std::string>>& headers);
// A minimal HTML page at `url` (MakeHtmlPage) with `headers` added after its Content-Type.
Exchange MakeMinimalPageWith(std::string url, const std::vector<std::pair<std::string, std::string>>& headers);

struct RunOptions {
  // The audit's target URL; by default the first exchange's URL (as the engine does).
  std::optional<std::string> target;
  // The ruleset data lists the AuditContext hands out; nullptr for none.
  const json::Value* data = &RulesetData();
  // The ruleset whose rules the AuditContext answers from (AuditContext::ObservatoryResultFor).
  const Ruleset* ruleset = EmbeddedRuleset();
};

// Runs a fresh check over `exchanges` (indices assigned in order; pages get a page model, the
// first page on the target's host is the primary one, as in the engine), then its OnFinish;
// returns every result. As in the engine, a registered check sees only the exchanges its
// descriptor declares (CheckDescriptor::input), and one that emitted nothing gets its rule file's
// "absent" result when options.ruleset declares one (the engine's generic fallback is not added).
std::vector<CheckResult> RunCheck(CheckFactory make, std::vector<Exchange> exchanges, const RunOptions& options = {});
std::vector<CheckResult> RunCheck(std::string_view id, std::vector<Exchange> exchanges, const RunOptions& options = {});

// The single result of a run (fails the test when there is not exactly one; then {}).
CheckResult OnlyResult(const std::vector<CheckResult>& results);
CheckResult RunOne(CheckFactory make, std::vector<Exchange> exchanges, const RunOptions& options = {});
CheckResult RunOne(std::string_view id, std::vector<Exchange> exchanges, const RunOptions& options = {});

// A detail of a result: nullptr / a null value when absent.
const json::Value* FindDetail(const CheckResult& r, const std::string& key);
const json::Value& DetailOrNull(const CheckResult& r, const std::string& key);

// The elements of a JSON array of strings (a detail's list), "?" for any element that is not a
// string; empty when `v` is not an array.
std::vector<std::string> StringsOf(const json::Value& v);

}  // namespace portal_check::testing

#endif  // PORTAL_CHECK_TESTS_CHECK_HARNESS_H_
