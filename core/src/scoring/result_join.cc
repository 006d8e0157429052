#include "scoring/result_join.h"

#include <string>
#include <utility>

namespace portal_check {
namespace {

// The largest serialising buffer JoinResult keeps for the next result (a larger one is freed).
constexpr std::size_t kKeptScratchBytes = 64 * 1024;

}  // namespace

const SharedText& RetainedResult::EmptyDetails() {
  static const SharedText* const kEmpty = new SharedText("{}");
  return *kEmpty;
}

ReportedResult JoinResult(CheckResult r, const Ruleset& ruleset, TextPool* details_pool) {
  const Ruleset::RuleEntry* entry = ruleset.Entry(r.id);
  const OutcomeRule* rule = ruleset.Outcome(r.id, r.outcome);
  if (!rule) {
    r.details.Str("message", "the ruleset has no row for outcome '" + r.outcome + "'");
    r.outcome = "error";
    rule = ruleset.Outcome(r.id, "error");
  }
  return JoinResult(std::move(r), entry, *rule, ruleset, details_pool);
}

ReportedResult JoinResult(CheckResult r, const Ruleset::RuleEntry* entry, const OutcomeRule& rule,
                          const Ruleset& ruleset, TextPool* details_pool) {
  Details& details = r.details;
  ReportedResult rr;
  rr.pass = rule.pass;
  rr.severity = rule.severity;
  if (entry && entry->graded) {
    const std::string result = r.observatory_result ? *r.observatory_result : rule.observatory;
    if (!result.empty()) {
      const std::optional<int> modifier = ruleset.ObservatoryModifier(result);
      rr.observatory = ObservatoryPart{entry->observatory_test, result, modifier.value_or(0)};
    }
  }
  rr.result.id = std::move(r.id);
  rr.result.outcome = std::move(r.outcome);
  rr.result.page = std::move(r.page);
  if (details.empty()) {
    rr.result.details = RetainedResult::EmptyDetails();
    return rr;
  }
  // Written into a buffer kept from call to call (up to kKeptScratchBytes), then copied at its
  // exact size: one allocation per result instead of one per doubling.
  static thread_local std::string scratch;
  scratch.clear();
  details.AppendTo(scratch);
  std::string text(scratch);
  if (scratch.capacity() > kKeptScratchBytes) std::string().swap(scratch);
  rr.result.details = details_pool ? details_pool->Intern(std::move(text)) : SharedText(std::move(text));
  return rr;
}

}  // namespace portal_check
