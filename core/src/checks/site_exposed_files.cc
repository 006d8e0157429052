// site.exposed-files: files that must never be served (version control, secrets, configuration,
// diagnostics pages, backups) answered with their real content.
//
// Evidence: ONLY the exchanges the capture made with the user's explicit active-probe consent
// (entry._portalCheck.purpose == "probe", written by `--probe`); anything else in the HAR is
// ignored, so a HAR without consent never yields this finding. Signatures:
// rules/data/exposed-files.json (see its _comment). An exchange counts as the file when its URL
// path is a listed path, its status is 2xx and its body carries the file's signature; a 2xx
// without it (the home page or an error page served with 200) is a soft 404, not an exposure.
// Outcomes: exposed (details.files: path, name, status), none (probed, nothing exposed;
// details.probed and details.soft_404 count the answers), not-probed (no probe exchange: the
// user did not consent). Site-level (page = null).
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/support/site_support.h"
#include "checks/audit_context.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 30;

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// True when `body` starts with the bytes written in `hex` (malformed hex never matches).
bool StartsWithHex(std::string_view body, std::string_view hex) {
  if (hex.size() % 2 != 0 || hex.size() / 2 > body.size()) return false;
  for (std::size_t i = 0; i < hex.size(); i += 2) {
    const int hi = HexValue(hex[i]), lo = HexValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return false;
    if (static_cast<unsigned char>(body[i / 2]) != static_cast<unsigned>(hi * 16 + lo)) return false;
  }
  return true;
}

// At least two lines "KEY=VALUE" with KEY of [A-Za-z_][A-Za-z0-9_.]* (an .env file); comments and
// blank lines are skipped, any other line disproves it.
bool LooksLikeEnv(std::string_view body) {
  int pairs = 0;
  std::size_t lines = 0;
  for (std::string_view line : text::Split(body, '\n')) {
    if (++lines > 200) break;
    if (line.empty() || line.front() == '#') continue;
    if (text::StartsWithIgnoreCase(line, "export ")) line.remove_prefix(7);
    const std::size_t eq = line.find('=');
    if (eq == 0 || eq == std::string_view::npos) return false;
    for (std::size_t i = 0; i < eq; ++i) {
      const char c = line[i];
      const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (i > 0 && ((c >= '0' && c <= '9') || c == '.'));
      if (!ok) return false;
    }
    ++pairs;
  }
  return pairs >= 2;
}

// Whether `body` carries the signature of data entry `file`.
bool HasSignature(const json::Value& file, std::string_view body) {
  if (!json::GetBool(file, "html", false) && site::HasHtmlMarkup(body)) return false;
  bool any_rule = false;
  if (const json::Array* starts = json::FindArray(file, "starts_with")) {
    any_rule = true;
    std::string_view b = body;
    while (!b.empty() && (b.front() == ' ' || b.front() == '\t' || b.front() == '\r' || b.front() == '\n')) b.remove_prefix(1);
    bool ok = false;
    for (const auto& s : *starts)
      if (s.is<std::string>() && b.substr(0, s.get<std::string>().size()) == s.get<std::string>()) ok = true;
    if (!ok) return false;
  }
  if (const json::Array* all = json::FindArray(file, "contains")) {
    any_rule = true;
    for (const auto& s : *all)
      if (!s.is<std::string>() || !text::ContainsIgnoreCase(body, s.get<std::string>())) return false;
  }
  if (const json::Array* magic = json::FindArray(file, "magic_hex")) {
    any_rule = true;
    bool ok = false;
    for (const auto& s : *magic)
      if (s.is<std::string>() && StartsWithHex(body, s.get<std::string>())) ok = true;
    if (!ok) return false;
  }
  if (const std::string* kind = json::FindString(file, "kind")) {
    any_rule = true;
    if (*kind == "env" && !LooksLikeEnv(body)) return false;
    if (*kind == "tar" && (body.size() < 262 || body.substr(257, 5) != "ustar")) return false;
    if (*kind != "env" && *kind != "tar") return false;  // an unknown kind never matches
  }
  return any_rule;  // an entry without any signature rule can never prove an exposure
}

class ExposedFilesCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink&) override {
    if (view.exchange.purpose != "probe") return;
    ++probed_;
    const json::Array* files = json::FindArray(ctx.Data("exposed-files"), "files");
    if (!files) return;
    const Exchange& e = view.exchange;
    for (const json::Value& file : *files) {
      const std::string* path = json::FindString(file, "path");
      if (!path || *path != view.url->path()) continue;
      if (e.status < 200 || e.status >= 300) break;
      if (!HasSignature(file, e.body)) {
        ++soft_404_;
        break;
      }
      if (exposed_.size() < kMaxListed) {
        Details o;
        o.Str("path", *path);
        const std::string* name = json::FindString(file, "name");
        o.Str("name", name ? *name : *path);
        o.Str("url", e.url, 512);
        o.Int("status", e.status);
        exposed_.Add(o);
      }
      break;
    }
  }

  void OnFinish(const AuditContext&, ResultSink& out) override {
    if (probed_ == 0) {
      out.Emit(SiteResult("not-probed", "no active-probe request in the evidence (capture with --probe to check)"));
      return;
    }
    CheckResult r;  // site-level: page = nullopt
    r.outcome = exposed_.empty() ? "none" : "exposed";
    r.details.Int("probed", static_cast<std::int64_t>(probed_));
    r.details.Int("soft_404", static_cast<std::int64_t>(soft_404_));
    r.details.Set("files", exposed_);
    out.Emit(std::move(r));
  }

 private:
  std::size_t probed_ = 0, soft_404_ = 0;
  DetailList exposed_;
};

}  // namespace

extern const CheckDescriptor kSiteExposedFilesCheck;  // listed in checks/registry.cc
const CheckDescriptor kSiteExposedFilesCheck{"site.exposed-files", CheckInput::kExchangesWithUrl, &MakeCheck<ExposedFilesCheck>};

}  // namespace portal_check
