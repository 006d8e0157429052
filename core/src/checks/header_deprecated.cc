// header.deprecated: headers that browsers dropped and that can only hurt: X-XSS-Protection other
// than 0 (the removed XSS auditor could be abused to leak or block page content),
// Public-Key-Pins and Public-Key-Pins-Report-Only (HPKP, removed; a bad pin can lock users out),
// P3P (ignored since IE), Expect-CT (obsolete since Certificate Transparency is enforced).
// Outcomes: none, present (info).
#include <memory>
#include <string>

#include "checks/check.h"
#include "engine/audit_context.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kAlwaysDeprecated[] = {"Public-Key-Pins", "Public-Key-Pins-Report-Only", "P3P",
                                                  "Expect-CT"};

// "0", optionally followed by parameters ("0; mode=block" still disables the auditor).
bool DisablesAuditor(std::string_view value) {
  const std::string_view first = text::Trim(value.substr(0, value.find(';')));
  return first == "0";
}

void AddHeader(json::Array& list, std::string_view name, std::string_view value) {
  json::Object o;
  o["name"] = json::Str(name);
  o["value"] = json::Str(text::SafeUtf8(value, 256));
  list.push_back(json::Value(o));
}

class DeprecatedCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (view.page == nullptr) return;
    const HeaderList& h = view.exchange.response_headers;
    json::Array found;
    for (std::string_view v : h.GetAll("X-XSS-Protection"))
      if (!DisablesAuditor(v)) AddHeader(found, "X-XSS-Protection", v);
    for (std::string_view name : kAlwaysDeprecated)
      for (std::string_view v : h.GetAll(name)) AddHeader(found, name, v);
    CheckResult r = PageResult(view);
    r.outcome = found.empty() ? "none" : "present";
    r.details["headers"] = json::Value(found);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderDeprecatedCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderDeprecatedCheck{"header.deprecated", &MakeCheck<DeprecatedCheck>};

}  // namespace portal_check
