#include "ruleset/ruleset.h"

#include "evidence/limits.h"
#include "util/inflate.h"
#include "util/json_scan.h"

namespace portal_check {

extern const std::string_view kEmbeddedRulesetDeflate;
extern const std::size_t kEmbeddedRulesetDeflateInflatedBytes;

namespace {
bool KnownSeverity(std::string_view s) { return s == "high" || s == "medium" || s == "low" || s == "info"; }

Status ValidateRule(const std::string& id, const json::Value* rule) {
  if (!rule || !rule->is<json::Object>()) return Status::Invalid("ruleset: rule '" + id + "' is listed but missing");
  const std::string* rid = json::FindString(*rule, "id");
  if (!rid || *rid != id) return Status::Invalid("ruleset: rule '" + id + "' has a different id inside");
  const json::Object* outcomes = json::FindObject(*rule, "outcomes");
  if (!outcomes || outcomes->empty()) return Status::Invalid("ruleset: rule '" + id + "' has no outcomes");
  for (const auto& [code, row] : *outcomes) {
    const json::Value* pass = json::Find(row, "pass");
    const std::string* severity = json::FindString(row, "severity");
    if (!pass || !pass->is<bool>() || !severity || !KnownSeverity(*severity))
      return Status::Invalid("ruleset: rule '" + id + "' outcome '" + code + "' needs a boolean pass and a severity");
  }
  if (const json::Value* absent = json::Find(*rule, "absent")) {
    const std::string* outcome = json::FindString(*absent, "outcome");
    const std::string* reason = json::FindString(*absent, "reason");
    if (!outcome || (*outcome != "not-captured" && *outcome != "not-applicable") || !reason || reason->empty())
      return Status::Invalid("ruleset: rule '" + id +
                             "' absent needs an outcome (not-captured or not-applicable) and a reason");
  }
  return Status::Ok();
}
}  // namespace

StatusOr<std::shared_ptr<const Ruleset>> Ruleset::Parse(std::string_view document) {
  auto rs = std::make_shared<Ruleset>();
  if (Status s = json::ParseBounded(document, limits::kMaxJsonDepth, rs->doc_); !s.ok())
    return Status::Invalid("ruleset: " + s.message());
  const json::Value* meta = json::Find(rs->doc_, "ruleset");
  if (!meta) return Status::Invalid("ruleset: no \"ruleset\" member");
  const std::string* version = json::FindString(*meta, "version");
  if (!version) return Status::Invalid("ruleset: no version");
  rs->version_ = *version;
  const json::Array* ids = json::FindArray(*meta, "rules");
  if (!ids) return Status::Invalid("ruleset: no rule list");
  const json::Value* rules = json::Find(rs->doc_, "rules");
  for (const json::Value& v : *ids) {
    if (!v.is<std::string>()) return Status::Invalid("ruleset: a rule id is not a string");
    const std::string& id = v.get<std::string>();
    if (Status s = ValidateRule(id, rules ? json::Find(*rules, id) : nullptr); !s.ok()) return s;
    rs->rule_ids_.push_back(id);
  }
  if (!json::FindObject(rs->doc_, "data")) rs->doc_.get<json::Object>()["data"] = json::Value(json::Object());
  rs->IndexRules();
  for (const std::string& id : rs->rule_ids_)
    if (const auto it = rs->rule_index_.find(id); it != rs->rule_index_.end()) it->second.listed = true;
  for (const std::string& id : rs->rule_ids_)
    if (rs->IsGraded(id)) rs->graded_rule_ids_.push_back(id);
  const json::Value* obs = json::Find(rs->data(), "observatory");
  if (const json::Object* mods = obs ? json::FindObject(*obs, "modifiers") : nullptr)
    for (const auto& [result, m] : *mods)
      if (m.is<std::int64_t>()) rs->observatory_modifiers_.emplace(result, static_cast<int>(m.get<std::int64_t>()));
  return std::shared_ptr<const Ruleset>(std::move(rs));
}

void Ruleset::IndexRules() {
  const json::Object* rules = json::FindObject(doc_, "rules");
  if (!rules) return;
  for (const auto& [id, rule] : *rules) {
    RuleEntry& entry = rule_index_[id];
    entry.rule = &rule;
    entry.graded = json::GetBool(rule, "graded", false);
    if (const std::string* t = json::FindString(rule, "observatory_test")) entry.observatory_test = *t;
    const json::Object* outcomes = json::FindObject(rule, "outcomes");
    if (!outcomes) continue;
    for (const auto& [outcome, row] : *outcomes) {
      OutcomeRule out;
      out.pass = json::GetBool(row, "pass", false);
      if (const std::string* sev = json::FindString(row, "severity")) out.severity = *sev;
      if (const std::string* o = json::FindString(row, "observatory")) out.observatory = *o;
      entry.outcomes.emplace(outcome, std::move(out));
    }
  }
}

const Ruleset::RuleEntry* Ruleset::Entry(std::string_view id) const {
  auto it = rule_index_.find(id);
  return it == rule_index_.end() ? nullptr : &it->second;
}

std::string_view Ruleset::EmbeddedDocument() {
  // Inflated on the first call and kept for the process (the text is handed out as a view).
  static const std::string* const kDocument =
      new std::string(Inflate(kEmbeddedRulesetDeflate, kEmbeddedRulesetDeflateInflatedBytes).value_or(std::string()));
  return *kDocument;
}

std::shared_ptr<const Ruleset> Ruleset::Embedded() {
  static const std::shared_ptr<const Ruleset> kEmbedded = [] {
    auto parsed = Parse(EmbeddedDocument());
    return parsed.ok() ? parsed.value() : std::shared_ptr<const Ruleset>();
  }();
  return kEmbedded;
}

bool Ruleset::Lists(std::string_view id) const {
  const RuleEntry* entry = Entry(id);
  return entry && entry->listed;
}

const json::Value* Ruleset::Rule(std::string_view id) const {
  const RuleEntry* entry = Entry(id);
  return entry ? entry->rule : nullptr;
}

namespace {

// The row of an engine-wide outcome (the same for every rule), or nullptr for any other outcome.
const OutcomeRule* EngineWideOutcome(std::string_view outcome) {
  static const OutcomeRule kNotApplicable{true, "info", ""};
  static const OutcomeRule kNotPassing{false, "info", ""};
  if (outcome == "not-applicable") return &kNotApplicable;
  if (outcome == "not-captured" || outcome == "error") return &kNotPassing;
  return nullptr;
}

}  // namespace

const OutcomeRule* Ruleset::RuleEntry::Outcome(std::string_view outcome) const {
  if (const OutcomeRule* wide = EngineWideOutcome(outcome)) return wide;
  auto row = outcomes.find(outcome);
  return row == outcomes.end() ? nullptr : &row->second;
}

const OutcomeRule* Ruleset::Outcome(std::string_view id, std::string_view outcome) const {
  if (const OutcomeRule* wide = EngineWideOutcome(outcome)) return wide;
  const RuleEntry* entry = Entry(id);
  return entry ? entry->Outcome(outcome) : nullptr;
}

const json::Value* Ruleset::Profile(std::string_view id) const {
  const json::Value* profiles = json::Find(doc_, "profiles");
  const json::Value* p = profiles ? json::Find(*profiles, id) : nullptr;
  return p && p->is<json::Object>() ? p : nullptr;
}

std::vector<std::string> Ruleset::ProfileIds() const {
  std::vector<std::string> ids;
  if (const json::Object* profiles = json::FindObject(doc_, "profiles"))
    for (const auto& [id, p] : *profiles) ids.push_back(id);  // std::map: sorted
  return ids;
}

namespace {

// The entry `id` of catalogue `name` ({name: [{id, …}, …]} under the document's key `name`).
const json::Value* CatalogueEntry(const json::Value& doc, const char* name, std::string_view id) {
  const json::Value* catalogue = json::Find(doc, name);
  const json::Array* items = catalogue ? json::FindArray(*catalogue, name) : nullptr;
  if (!items) return nullptr;
  for (const json::Value& item : *items) {
    const std::string* item_id = json::FindString(item, "id");
    if (item_id && *item_id == id) return &item;
  }
  return nullptr;
}

}  // namespace

const json::Value* Ruleset::Declaration(std::string_view id) const {
  return CatalogueEntry(doc_, "declarations", id);
}

const json::Value* Ruleset::Document(std::string_view id) const {
  return CatalogueEntry(doc_, "documents", id);
}

std::optional<AbsentEvidence> Ruleset::Absent(std::string_view id) const {
  if (std::optional<AbsentEvidence> own = DeclaredAbsent(id)) return own;
  const std::shared_ptr<const Ruleset> embedded = Embedded();
  if (!embedded || embedded.get() == this) return std::nullopt;
  return embedded->DeclaredAbsent(id);
}

std::optional<AbsentEvidence> Ruleset::DeclaredAbsent(std::string_view id) const {
  const json::Value* rule = Rule(id);
  const json::Value* absent = rule ? json::Find(*rule, "absent") : nullptr;
  const std::string* outcome = absent ? json::FindString(*absent, "outcome") : nullptr;
  const std::string* reason = absent ? json::FindString(*absent, "reason") : nullptr;
  if (!outcome || !reason) return std::nullopt;
  return AbsentEvidence{*outcome, *reason};
}

bool Ruleset::IsGraded(std::string_view id) const {
  const RuleEntry* entry = Entry(id);
  return entry && entry->graded;
}

std::string Ruleset::ObservatoryTest(std::string_view id) const {
  const RuleEntry* entry = Entry(id);
  return entry ? entry->observatory_test : std::string();
}

std::optional<int> Ruleset::ObservatoryModifier(std::string_view result) const {
  auto it = observatory_modifiers_.find(result);
  if (it == observatory_modifiers_.end()) return std::nullopt;
  return it->second;
}

}  // namespace portal_check
