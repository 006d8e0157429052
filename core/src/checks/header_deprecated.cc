// header.deprecated: headers that browsers dropped and that can only hurt. The watch-list is data:
// rules/data/deprecated-headers.json ("unless_zero": deprecated unless the value is 0, e.g.
// X-XSS-Protection; "always": deprecated whatever the value, e.g. HPKP, P3P, Expect-CT).
// Outcomes: none, present (info). Without the data list the check emits nothing (never "none").
#include <memory>
#include <string>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kWatchList = "deprecated-headers";

// "0", optionally followed by parameters ("0; mode=block" still disables the auditor).
bool DisablesAuditor(std::string_view value) {
  const std::string_view first = text::Trim(value.substr(0, value.find(';')));
  return first == "0";
}

void AddHeader(DetailList& list, std::string_view name, std::string_view value) {
  Details o;
  o.Str("name", name);
  o.Str("value", value, 256);
  list.Add(o);
}

class DeprecatedCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const json::Array* unless_zero = json::FindArray(ctx.Data(kWatchList), "unless_zero");
    const json::Array* always = json::FindArray(ctx.Data(kWatchList), "always");
    if (unless_zero == nullptr || always == nullptr) return;  // no watch-list: no verdict
    const HeaderList& h = view.exchange.response_headers;
    DetailList found;
    for (const json::Value& name : *unless_zero)
      if (name.is<std::string>())
        for (std::string_view v : h.GetAll(name.get<std::string>()))
          if (!DisablesAuditor(v)) AddHeader(found, name.get<std::string>(), v);
    for (const json::Value& name : *always)
      if (name.is<std::string>())
        for (std::string_view v : h.GetAll(name.get<std::string>())) AddHeader(found, name.get<std::string>(), v);
    CheckResult r = PageResult(view);
    r.outcome = found.empty() ? "none" : "present";
    r.details.Set("headers", found);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderDeprecatedCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderDeprecatedCheck{"header.deprecated", CheckInput::kPages, &MakeCheck<DeprecatedCheck>};

}  // namespace portal_check
