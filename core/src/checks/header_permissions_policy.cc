// header.permissions-policy: a Permissions-Policy header on each page that parses as an RFC 8941
// Dictionary (browsers ignore the whole header otherwise).
//
// Outcomes: set, missing (no header, or only empty lines), invalid (not a Dictionary). Members
// whose value is not an allowlist (an Inner List of tokens/strings, or the single token * or self)
// are ignored by browsers one by one; they are listed in details without failing the check. The
// deprecated Feature-Policy header is noted in details (it is no replacement).
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "normalize/structured_field.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 100;

bool IsAllowlistEntry(const sf::Item& item) {
  return item.bare.type == sf::BareItem::Type::kToken || item.bare.type == sf::BareItem::Type::kString;
}

// True when a member is an allowlist a browser accepts: "()" / "(self "https://a")" / * / self.
bool IsAllowlist(const sf::Member& m) {
  if (m.is_inner_list) {
    for (const sf::Item& item : m.inner)
      if (!IsAllowlistEntry(item)) return false;
    return true;
  }
  return m.item.bare.type == sf::BareItem::Type::kToken && (m.item.bare.text == "*" || m.item.bare.text == "self");
}

bool AllEmpty(const std::vector<std::string_view>& lines) {
  for (std::string_view l : lines)
    if (!text::Trim(l).empty()) return false;
  return true;
}

class PermissionsPolicyCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const HeaderList& headers = view.exchange.response_headers;
    const std::vector<std::string_view> lines = headers.GetAll("Permissions-Policy");
    CheckResult r = PageResult(view);
    if (lines.empty() || AllEmpty(lines)) {
      r.outcome = "missing";
    } else {
      const std::string joined = sf::JoinFieldLines(lines);
      r.details.Str("value", joined, 2048);
      std::string error;
      const std::optional<sf::Dictionary> dict = sf::ParseDictionary(joined, &error);
      if (!dict) {
        r.outcome = "invalid";
        r.details.Str("parse_error", error, 256);
      } else {
        r.outcome = "set";
        Describe(*dict, r.details);
      }
    }
    NoteFeaturePolicy(headers, r.details);
    out.Emit(std::move(r));
  }

 private:
  static void Describe(const sf::Dictionary& dict, Details& details) {
    DetailList features, ignored, duplicates;
    // Keys are RFC 8941 keys (lower-case ASCII), safe as they are; each list is cut at kMaxListed.
    for (const auto& [key, member] : dict.members) {
      DetailList& list = IsAllowlist(member) ? features : ignored;
      if (list.size() < kMaxListed) list.Str(key);
    }
    for (const std::string& key : dict.duplicate_keys)
      if (duplicates.size() < kMaxListed) duplicates.Str(key);
    details.Set("features", features);
    details.Int("feature_count", static_cast<std::int64_t>(dict.members.size()));
    if (!ignored.empty()) details.Set("ignored_members", ignored);
    if (!duplicates.empty()) details.Set("duplicate_keys", duplicates);
  }

  static void NoteFeaturePolicy(const HeaderList& headers, Details& details) {
    const std::vector<std::string_view> legacy = headers.GetAll("Feature-Policy");
    if (legacy.empty()) return;
    details.Str("feature_policy", sf::JoinFieldLines(legacy), 1024);
    details.Bool("feature_policy_deprecated", true);
  }
};

}  // namespace

extern const CheckDescriptor kHeaderPermissionsPolicyCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderPermissionsPolicyCheck{"header.permissions-policy", CheckInput::kPages, &MakeCheck<PermissionsPolicyCheck>};

}  // namespace portal_check
