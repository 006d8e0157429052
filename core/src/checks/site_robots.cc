// site.robots: a robots.txt that names sensitive areas (administration, backups, configuration,
// version control) in its Allow/Disallow lines. robots.txt hides nothing: anyone can read it, so
// every path it lists is a published map for attackers.
//
// Evidence: the /robots.txt exchange on the audited site (capture purpose "robots"; else by URL
// path). Markers: rules/data/sensitive-paths.json ("contains": a segment containing the marker;
// "segments": a whole segment), ASCII case-insensitive.
// Outcomes: disclosed (some Allow/Disallow path is sensitive; details.paths, at most 20),
// none (no sensitive path, or no robots.txt: 404 or a soft 404; details.present),
// not-captured (robots.txt was never requested: nothing emitted, the rule file's "absent"
// result). page = the robots.txt URL.
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/support/site_support.h"
#include "checks/audit_context.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxPaths = 20;
constexpr std::size_t kMaxLines = 10000;

// The markers of data list "sensitive-paths" (read once per ruleset through Compiled).
struct SensitivePaths {
  std::vector<std::string> contains, segments;
};
SensitivePaths BuildSensitivePaths(const DataLists& lists) {
  return SensitivePaths{lists.DataStrings("sensitive-paths", "contains"), lists.DataStrings("sensitive-paths", "segments")};
}

// True when one segment of `path` matches a marker.
bool IsSensitive(std::string_view path, const std::vector<std::string>& contains, const std::vector<std::string>& segments) {
  for (std::string_view seg : text::Split(path, '/')) {
    std::string s;
    for (char c : seg)
      if (c != '*' && c != '$') s.push_back(c);
    s = text::Lower(s);
    if (s.empty()) continue;
    for (const auto& m : contains)
      if (!m.empty() && s.find(text::Lower(m)) != std::string::npos) return true;
    for (const auto& m : segments)
      if (text::EqualsIgnoreCase(s, m)) return true;
  }
  return false;
}

class RobotsCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink&) override {
    if (!site::IsSiteFile(view, ctx, "robots", "/robots.txt")) return;
    const Exchange& e = view.exchange;
    const bool present = e.status >= 200 && e.status < 300 && !site::HasHtmlMarkup(e.body);
    if (seen_ && (found_ || !present)) return;  // keep the first answer that is the file
    seen_ = true;
    url_ = e.url;
    status_ = e.status;
    found_ = present;
    paths_.clear();
    if (!present) return;
    const SensitivePaths& markers = ctx.Compiled(&BuildSensitivePaths);
    std::size_t lines = 0;
    for (std::string_view line : text::Split(e.body, '\n')) {
      if (++lines > kMaxLines || paths_.size() >= kMaxPaths) break;
      line = line.substr(0, line.find('#'));
      const std::size_t colon = line.find(':');
      if (colon == std::string_view::npos) continue;
      const std::string_view field = text::Trim(line.substr(0, colon));
      if (!text::EqualsIgnoreCase(field, "disallow") && !text::EqualsIgnoreCase(field, "allow")) continue;
      const std::string_view path = text::Trim(line.substr(colon + 1));
      if (!path.empty() && IsSensitive(path, markers.contains, markers.segments)) paths_.push_back(text::SafeUtf8(path, 256));
    }
  }

  void OnFinish(const AuditContext&, ResultSink& out) override {
    if (!seen_) return;  // the engine reports the rule file's "absent" result
    CheckResult r = PageResult(url_);
    r.outcome = paths_.empty() ? "none" : "disclosed";
    r.details.Bool("present", found_);
    r.details.Int("status", status_);
    r.details.Set("paths", site::StringArray(paths_));
    out.Emit(std::move(r));
  }

 private:
  bool seen_ = false, found_ = false;
  std::string url_;
  int status_ = 0;
  std::vector<std::string> paths_;
};

}  // namespace

extern const CheckDescriptor kSiteRobotsCheck;  // listed in checks/registry.cc
const CheckDescriptor kSiteRobotsCheck{"site.robots", CheckInput::kEveryExchange, &MakeCheck<RobotsCheck>};

}  // namespace portal_check
