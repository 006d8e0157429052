#include "checks/audit_context.h"

#include "ruleset/ruleset.h"

namespace portal_check {
namespace {
CompiledDataStore* StoreFor(const json::Value* data, const Ruleset* ruleset) {
  return ruleset && data == &ruleset->data() ? ruleset->compiled_data() : nullptr;
}
}  // namespace

AuditContext::AuditContext(std::optional<Url> target, const json::Value* data, const Ruleset* ruleset)
    : DataLists(data, StoreFor(data, ruleset)), target_(std::move(target)), ruleset_(ruleset) {}

std::string AuditContext::ObservatoryResultFor(std::string_view rule_id, std::string_view outcome) const {
  if (!ruleset_) return {};
  const OutcomeRule* row = ruleset_->Outcome(rule_id, outcome);
  return row ? row->observatory : std::string();
}

}  // namespace portal_check
