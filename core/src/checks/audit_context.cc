#include "checks/audit_context.h"

#include "ruleset/ruleset.h"

namespace portal_check {

std::string AuditContext::ObservatoryResultFor(std::string_view rule_id, std::string_view outcome) const {
  if (!ruleset_) return {};
  const std::optional<OutcomeRule> row = ruleset_->Outcome(rule_id, outcome);
  return row ? row->observatory : std::string();
}

}  // namespace portal_check
