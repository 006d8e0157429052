// page.error-disclosure: stack traces and error pages in response bodies (ASP.NET yellow screen,
// PHP warnings and fatal errors, Java and Python traces, SQL driver errors, full server paths).
//
// Matching: normalize/error_signatures.h over the signatures of rules/data/error-signatures.json.
// Scope (decided): every HTML page gets a result, disclosed or none. Other responses whose body is
// text (HTML at any status — a yellow screen is usually a 500 —, JSON, XML, text/plain; not
// JavaScript or CSS, whose code legitimately holds such strings as literals) get a result only
// when they disclose, about their own URL. The raw body bytes are scanned (the signatures are
// ASCII, so the page's charset does not matter).
// Outcomes: disclosed (fails), none. Details: "signatures" [{id, family, excerpt}] (at most 20),
// "families" (sorted, unique), "status", and "body_cut" when only the first kMaxBodyBytes were seen.
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_content_scan.h"
#include "checks/audit_context.h"
#include "normalize/error_signatures.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 20;

class ErrorDisclosureCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const Exchange& ex = view.exchange;
    const bool page = view.page != nullptr;
    if (!page && (ex.status == 0 || !content::IsTextBody(ex, false))) return;
    const std::vector<ErrorSignatureHit> hits = FindErrorSignatures(ex.body, ctx);
    if (hits.empty() && !page) return;
    CheckResult r = PageResult(view);
    r.outcome = hits.empty() ? "none" : "disclosed";
    DetailList listed;
    std::set<std::string> families;
    for (const ErrorSignatureHit& h : hits) {
      families.insert(h.family);
      if (listed.size() >= kMaxListed) continue;
      listed.Add(json::Value(ErrorSignatureDetail(h, 128)));
    }
    DetailList family_list;
    for (const std::string& f : families) family_list.Str(f, 64);
    r.details.Set("signatures", std::move(listed));
    r.details.Set("families", std::move(family_list));
    r.details.Int("status", ex.status);
    if (ex.body_cut) r.details.Bool("body_cut", true);
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kPageErrorDisclosureCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageErrorDisclosureCheck{"page.error-disclosure", CheckInput::kEveryExchange, &MakeCheck<ErrorDisclosureCheck>};

}  // namespace portal_check
