// Audit-wide facts a check may read: the target, the ruleset's data lists, the audit options.
#ifndef PORTAL_CHECK_ENGINE_AUDIT_CONTEXT_H_
#define PORTAL_CHECK_ENGINE_AUDIT_CONTEXT_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "normalize/url.h"
#include "util/json.h"

namespace portal_check {

class Ruleset;

class AuditContext {
 public:
  // `data` is the ruleset's "data" object and `ruleset` the ruleset itself (for the rules' outcome
  // rows); either may be null (then lookups answer "absent"). Both must outlive the context.
  AuditContext(std::optional<Url> target, const json::Value* data, const Ruleset* ruleset = nullptr)
      : target_(std::move(target)), data_(data), ruleset_(ruleset) {}

  // The start URL of the audit (options.target, else the first entry's URL); nullopt when neither parses.
  const std::optional<Url>& target() const { return target_; }
  // A data list from rules/data/<name>.json (embedded in the ruleset), or a null value when absent.
  const json::Value& Data(std::string_view name) const;
  // Convenience: the strings of data list `name`'s array member `key` (e.g. Data("session-cookies")["exact"]).
  std::vector<std::string> DataStrings(std::string_view name, std::string_view key) const;
  // The Observatory result code that outcome `outcome` of rule `rule_id` maps to (the outcome
  // row's "observatory" in rules/<rule_id>.json), or "" when the ruleset, rule, row or mapping is
  // absent.
  std::string ObservatoryResultFor(std::string_view rule_id, std::string_view outcome) const;

 private:
  std::optional<Url> target_;
  const json::Value* data_;  // the ruleset's "data" object; owned by the Ruleset
  const Ruleset* ruleset_;   // not owned
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_ENGINE_AUDIT_CONTEXT_H_
