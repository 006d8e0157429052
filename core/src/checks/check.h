// The interface every check implements, and what the engine hands it.
//
// A check is one file named by its id (checks/header_csp.cc for header.csp). It computes an
// outcome code from the evidence and attaches details; everything else about the outcome (pass,
// severity, score modifier, messages, remediation) comes from its rule file in rules/, joined by
// the engine. A check never sees the network, the clock or randomness.
#ifndef PORTAL_CHECK_CHECKS_CHECK_H_
#define PORTAL_CHECK_CHECKS_CHECK_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "checks/details.h"
#include "evidence/exchange.h"
#include "normalize/url.h"
#include "util/json.h"

namespace portal_check {

class PageModel;
class AuditContext;
struct PageDerived;

// One outcome of one check, about one page (or the whole site when page is nullopt).
struct CheckResult {
  std::string id;                   // the check id, e.g. "header.csp"
  std::string outcome;              // one of the check's outcome codes, or "not-applicable",
                                    // "not-captured", "error"
  std::optional<std::string> page;  // the URL the result is about; nullopt = site-level
  Details details;                  // check-specific facts (checks/details.h: strings are made
                                    // valid UTF-8 as they land here)
  // For graded checks: the Observatory's result code for the same input when it differs from
  // the one the rule file maps `outcome` to (e.g. the Observatory accepts any 'nonce-' prefix).
  std::optional<std::string> observatory_result;
};

class ResultSink {
 public:
  virtual ~ResultSink() = default;
  virtual void Emit(CheckResult result) = 0;
};

// Everything derived once per exchange by the engine and shared by all checks.
struct ExchangeView {
  const Exchange& exchange;
  const std::optional<Url>& url;  // the parsed request URL (nullopt when unparsable)
  const PageModel* page;          // the parsed page when exchange.IsPage(), else nullptr
  bool is_primary_page;           // the page the header grade is computed on (see auditor.h)
  // The parsed HTML of any successful HTML GET: the page, or a site probe's response (an admin
  // path, an exposed-file probe, the 404 page; see Exchange::IsSiteProbe). nullptr otherwise.
  const PageModel* document = nullptr;
  // Values derived from `page` and `url` at the first request and shared by the checks of this
  // exchange (the forms, ...). Filled and read only through checks/support/page_derived.h.
  mutable std::shared_ptr<PageDerived> derived = nullptr;
};

// The exchanges a check reads, declared in its CheckDescriptor. The engine calls
// Check::OnExchange only for the exchanges of that kind, so a check never tests for them itself;
// each kind guarantees what it names to OnExchange:
enum class CheckInput {
  kEveryExchange,     // every exchange
  kExchangesWithUrl,  // view.url has a value (the request URL parses)
  kWebExchanges,      // view.url is an http: or https: URL
  kPages,             // view.page != nullptr (Exchange::IsPage)
  kPagesWithUrl,      // a page, and view.url has a value
  kWebPages,          // a page with an http: or https: URL
  kHttpsPages,        // a page with an https: URL
};
// The number of CheckInput values (they run from 0 to kHttpsPages).
inline constexpr std::size_t kCheckInputKinds = static_cast<std::size_t>(CheckInput::kHttpsPages) + 1;

// True when `view` is an exchange of kind `input`: the engine hands it to the checks declaring it.
bool Reads(CheckInput input, const ExchangeView& view);

class Check {
 public:
  virtual ~Check() = default;
  // Called in HAR order for each exchange of the kind the check's descriptor declares
  // (CheckDescriptor::input), and for no other.
  virtual void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) {}
  // Called once after the last exchange: site-level checks emit here, from facts they kept.
  // Whatever a check keeps must be small (bounded per exchange): the auditor holds no bodies.
  // A check that emits nothing in the whole audit gets one site-level result from the engine:
  // the one its rule file's "absent" member declares (e.g. not-captured "the evidence holds no
  // request for /robots.txt"), else a generic not-applicable / not-captured. So a check does not
  // emit its own "nothing seen" result.
  virtual void OnFinish(const AuditContext& ctx, ResultSink& out) {}
};

// Result builders. A check need not set CheckResult::id: the engine's sink sets it.
//
// A result about the page of `view`: page = its URL (text::SafeUtf8, cut at limits::kMaxUrlBytes).
CheckResult PageResult(const ExchangeView& view);
// A result about `page`, a URL the check kept (made safe the same way).
CheckResult PageResult(std::string_view page);
// A result with `outcome` and the one detail {"reason": reason}: about `page` when given, else
// site-level (page = nullopt). For the engine-wide not-applicable / not-captured and the like.
CheckResult ReasonResult(std::string outcome, std::string reason, std::optional<std::string_view> page = std::nullopt);
inline CheckResult SiteResult(std::string outcome, std::string reason) {
  return ReasonResult(std::move(outcome), std::move(reason));
}
// Header field values (or other site strings) as a list of text::SafeUtf8(value, max_bytes).
DetailList SafeStringList(const std::vector<std::string_view>& values, std::size_t max_bytes);

// A registered check: its id, the exchanges it reads and a factory for a fresh instance per
// audit. Each check file defines one next to its code, listed in checks/registry.cc, e.g.
//   const CheckDescriptor kHeaderCspCheck{"header.csp", CheckInput::kPages, &MakeCheck<HeaderCspCheck>};
// Its outcome codes are the rows of rules/<id>.json; what the engine reports when the check saw
// nothing is that file's "absent" member.
struct CheckDescriptor {
  std::string_view id;
  CheckInput input;
  std::unique_ptr<Check> (*make)();
};

// The factory of a check class C (default-constructible), for CheckDescriptor::make.
template <class C>
std::unique_ptr<Check> MakeCheck() {
  return std::make_unique<C>();
}

}  // namespace portal_check

#endif  // PORTAL_CHECK_CHECKS_CHECK_H_
