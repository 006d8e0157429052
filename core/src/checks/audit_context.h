// Audit-wide facts a check may read: the target, the ruleset's data lists (DataLists, compiled
// once per ruleset), and the rules' outcome rows it needs (the Observatory mapping).
#ifndef PORTAL_CHECK_CHECKS_AUDIT_CONTEXT_H_
#define PORTAL_CHECK_CHECKS_AUDIT_CONTEXT_H_

#include <optional>
#include <string>
#include <string_view>

#include "normalize/url.h"
#include "ruleset/data_lists.h"

namespace portal_check {

class Ruleset;

class AuditContext : public DataLists {
 public:
  // `data` is the ruleset's "data" object and `ruleset` the ruleset itself (for the rules' outcome
  // rows); either may be null (then lookups answer "absent"). Both must outlive the context.
  // When `data` is the ruleset's own, the compiled data lists are the ruleset's (built once for
  // every audit of it, Ruleset::compiled_data), else this context's.
  AuditContext(std::optional<Url> target, const json::Value* data, const Ruleset* ruleset = nullptr);

  // The start URL of the audit (options.target, else the first entry's URL); nullopt when neither parses.
  const std::optional<Url>& target() const { return target_; }
  // The Observatory result code that outcome `outcome` of rule `rule_id` maps to (the outcome
  // row's "observatory" in rules/<rule_id>.json), or "" when the ruleset, rule, row or mapping is
  // absent.
  std::string ObservatoryResultFor(std::string_view rule_id, std::string_view outcome) const;

 private:
  std::optional<Url> target_;
  const Ruleset* ruleset_;  // not owned
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_AUDIT_CONTEXT_H_
