// site.admin-exposure: an administration login reachable from the Internet (TCVN 14423 asks
// remote administration to go through a VPN or an allow-list).
//
// Evidence: responses about admin paths — those the capture requested from
// rules/data/admin-paths.json (purpose "admin", every hop of their redirect chains), and any
// other exchange whose URL path is one of those paths or continues it with "/" (a crawled
// /quan-tri/ link, a HAR from another tool).
// Reachable means either a 2xx HTML page holding a password input (a login form), or a 401 with
// WWW-Authenticate (an HTTP authentication prompt: the login is open to the Internet, only the
// password protects it). 403 (denied by an allow-list or WAF), 404, and a 2xx page without a
// password field (a soft 404, the home page) are not exposure.
// Outcomes: exposed (details.found: url, status, kind "login-form" | "http-auth"), none
// (details.checked: how many admin-path responses were seen, details.restricted: how many
// answered 401 without a prompt or 403), not-captured (no admin path in the evidence: nothing
// emitted, the rule file's "absent" result).
// Site-level (page = null).
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 20;

// The paths of data list "admin-paths" (read once per ruleset through Compiled).
std::vector<std::string> BuildAdminPaths(const DataLists& lists) { return lists.DataStrings("admin-paths", "paths"); }

bool IsAdminPath(std::string_view path, const std::vector<std::string>& admin_paths) {
  for (const auto& p : admin_paths) {
    if (p.empty() || !text::StartsWithIgnoreCase(path, p)) continue;
    if (path.size() == p.size() || path[p.size()] == '/') return true;
  }
  return false;
}

bool HasPasswordInput(const PageModel& page) {
  for (int i : page.ElementsWithTag("input")) {
    const std::string* type = page.elements()[static_cast<std::size_t>(i)].Attr("type");
    if (type && text::EqualsIgnoreCase(text::Trim(*type), "password")) return true;
  }
  return false;
}

class AdminExposureCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink&) override {
    const Exchange& e = view.exchange;
    if (e.purpose == "script" || e.purpose == "stylesheet") return;
    if (e.purpose != "admin") {
      if (!IsAdminPath(view.url->path(), ctx.Compiled(&BuildAdminPaths))) return;
    }
    ++checked_;
    std::string kind;
    if (view.document && HasPasswordInput(*view.document)) kind = "login-form";
    else if (e.status == 401 && e.response_headers.Has("WWW-Authenticate")) kind = "http-auth";
    else if (e.status == 401 || e.status == 403) ++restricted_;
    if (kind.empty() || found_.size() >= kMaxListed) return;
    for (const auto& f : found_)
      if (*json::FindString(f, "url") == text::SafeUtf8(e.url, 512)) return;
    json::Object o;
    o["url"] = json::Str(text::SafeUtf8(e.url, 512));
    o["status"] = json::Int(e.status);
    o["kind"] = json::Str(kind);
    found_.push_back(json::Value(o));
  }

  void OnFinish(const AuditContext&, ResultSink& out) override {
    if (checked_ == 0) return;  // the engine reports the rule file's "absent" result
    CheckResult r;  // site-level
    r.outcome = found_.empty() ? "none" : "exposed";
    r.details.Int("checked", static_cast<std::int64_t>(checked_));
    r.details.Int("restricted", static_cast<std::int64_t>(restricted_));
    r.details.Set("found", json::Value(found_));
    out.Emit(std::move(r));
  }

 private:
  std::size_t checked_ = 0, restricted_ = 0;
  json::Array found_;
};

}  // namespace

extern const CheckDescriptor kSiteAdminExposureCheck;  // listed in checks/registry.cc
const CheckDescriptor kSiteAdminExposureCheck{"site.admin-exposure", CheckInput::kExchangesWithUrl, &MakeCheck<AdminExposureCheck>};

}  // namespace portal_check
