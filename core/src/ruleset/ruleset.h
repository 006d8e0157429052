// The ruleset document the engine runs: {"ruleset": {version, rules: [ids]}, "rules": {id: rule
// file}, "data": {name: data list}, "profiles": {id: criteria profile}, "declarations": {the
// declarations catalogue}, "documents": {the catalogue of documents profiles cite}} ("profiles",
// "declarations" and "documents" optional: a document without them offers no profile). The default one is embedded at build time from rules/; a
// bundle carries its own for replay.
#ifndef PORTAL_CHECK_RULESET_RULESET_H_
#define PORTAL_CHECK_RULESET_RULESET_H_

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "portal_check/status.h"
#include "ruleset/data_lists.h"
#include "util/json.h"

namespace portal_check {

struct OutcomeRule {
  bool pass = false;
  std::string severity;     // high | medium | low | info
  std::string observatory;  // the Observatory result code this outcome maps to ("" when none)
};

// A rule file's "absent" member: the site-level result the engine reports for a check that
// emitted nothing in a whole audit (the evidence it reads was not there).
struct AbsentEvidence {
  std::string outcome;  // "not-captured" or "not-applicable"
  std::string reason;   // details.reason, e.g. "the evidence holds no request for /robots.txt"
};

class Ruleset {
 public:
  Ruleset() = default;
  Ruleset(const Ruleset&) = delete;  // (its rule index points into its own document)
  Ruleset& operator=(const Ruleset&) = delete;
  // Parses and validates a ruleset document: the version, the id list, one rule per listed id
  // with an outcomes object whose rows have a boolean pass and a known severity, and an "absent"
  // member, when there is one, of an engine-wide outcome and a non-empty reason. Errors:
  // kInvalidArgument naming the first problem.
  static StatusOr<std::shared_ptr<const Ruleset>> Parse(std::string_view document);
  // The ruleset embedded at build time (rules/). nullptr only if the build embedded a broken
  // document, which a unit test rules out.
  static std::shared_ptr<const Ruleset> Embedded();
  // The embedded document's text.
  static std::string_view EmbeddedDocument();

  const std::string& version() const { return version_; }
  const std::vector<std::string>& rule_ids() const { return rule_ids_; }
  // The ids of rule_ids() that IsGraded, in the same order.
  const std::vector<std::string>& graded_rule_ids() const { return graded_rule_ids_; }
  bool Lists(std::string_view id) const;
  // The rule file of `id`, or nullptr.
  const json::Value* Rule(std::string_view id) const;
  // What `outcome` of check `id` means (nullptr when the rule has no row for it; the row lives as
  // long as the ruleset). The engine-wide outcomes are answered here too: not-applicable (pass,
  // info), not-captured (not pass, info), error (not pass, info).
  const OutcomeRule* Outcome(std::string_view id, std::string_view outcome) const;
  // What an audit reads of one rule for every result, indexed once by Parse (pointers into the
  // ruleset's document: an entry lives as long as the ruleset). A caller that needs several facts
  // of one rule looks it up once (Entry) and reads them here.
  struct RuleEntry {
    const json::Value* rule = nullptr;
    std::unordered_map<std::string_view, OutcomeRule> outcomes;  // its "outcomes" rows
    bool graded = false;
    bool listed = false;  // named in the ruleset's rule list (Lists)
    std::string observatory_test;
    // What `outcome` means for this rule, as Ruleset::Outcome answers it (nullptr when no row).
    const OutcomeRule* Outcome(std::string_view outcome) const;
  };
  // The entry of rule `id` (a rule file of the document, listed or not), or nullptr.
  const RuleEntry* Entry(std::string_view id) const;
  // The "absent" result of check `id`: its rule file's, else the embedded ruleset's rule's (a
  // ruleset older than the member, or one that dropped it, reads missing evidence as the engine
  // does: never a pass), nullopt when neither declares one.
  std::optional<AbsentEvidence> Absent(std::string_view id) const;
  bool IsGraded(std::string_view id) const;
  std::string ObservatoryTest(std::string_view id) const;
  // The Observatory modifier of a result code (data/observatory.json), nullopt when unknown.
  std::optional<int> ObservatoryModifier(std::string_view result) const;
  // The "data" object (data lists by name).
  const json::Value& data() const { return doc_.get("data"); }
  // Where the data lists' compiled products are kept for every audit of this ruleset
  // (DataLists::Compiled): built once, while the ruleset lives.
  CompiledDataStore* compiled_data() const { return &compiled_data_; }
  // The criteria profile `id` (rules/profiles/<id>.json), or nullptr. Parse does not validate
  // profiles (ValidateProfile in scoring/profile.h does, when one is asked for).
  const json::Value* Profile(std::string_view id) const;
  // The ids of every profile in the document, sorted.
  std::vector<std::string> ProfileIds() const;
  // The declarations catalogue's entry for `id` ({id, title, help}), or nullptr.
  const json::Value* Declaration(std::string_view id) const;
  // The documents catalogue's entry for `id` ({id, title, short, law, status, url, …}, see
  // rules/profiles/documents.json), or nullptr.
  const json::Value* Document(std::string_view id) const;

 private:
  void IndexRules();

  // The "absent" member of this document's rule `id` alone.
  std::optional<AbsentEvidence> DeclaredAbsent(std::string_view id) const;
  json::Value doc_;
  // Every member of doc_["rules"]. The keys here and in RuleEntry::outcomes are views of doc_'s
  // member names (doc_ does not change after Parse). A lookup by id or outcome allocates nothing.
  std::unordered_map<std::string_view, RuleEntry> rule_index_;
  std::string version_;
  std::vector<std::string> rule_ids_;
  std::vector<std::string> graded_rule_ids_;
  std::map<std::string, int, std::less<>> observatory_modifiers_;  // data.observatory.modifiers
  mutable CompiledDataStore compiled_data_;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_RULESET_RULESET_H_
