#include "engine/audit_context.h"

#include "engine/ruleset.h"

namespace portal_check {

const json::Value& AuditContext::Data(std::string_view name) const {
  static const json::Value kNull;
  if (!data_) return kNull;
  const json::Value* v = json::Find(*data_, name);
  return v ? *v : kNull;
}

std::vector<std::string> AuditContext::DataStrings(std::string_view name, std::string_view key) const {
  std::vector<std::string> out;
  if (const json::Array* arr = json::FindArray(Data(name), key))
    for (const json::Value& v : *arr)
      if (v.is<std::string>()) out.push_back(v.get<std::string>());
  return out;
}

std::string AuditContext::ObservatoryResultFor(std::string_view rule_id, std::string_view outcome) const {
  if (!ruleset_) return {};
  const std::optional<OutcomeRule> row = ruleset_->Outcome(rule_id, outcome);
  return row ? row->observatory : std::string();
}

}  // namespace portal_check
