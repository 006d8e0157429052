#include "engine/evidence_gaps.h"

#include <utility>

#include "scoring/result_join.h"
#include "evidence/limits.h"
#include "util/text.h"

namespace portal_check {
namespace {

std::string PageKey(std::string_view url) { return text::SafeUtf8(url, limits::kMaxUrlBytes); }

bool Needs(const Ruleset& ruleset, std::string_view id, std::string_view what) {
  const json::Value* rule = ruleset.Rule(id);
  const json::Array* needs = rule ? json::FindArray(*rule, "needs") : nullptr;
  if (!needs) return false;
  for (const json::Value& n : *needs)
    if (n.is<std::string>() && n.get<std::string>() == what) return true;
  return false;
}

ReportedResult NotCaptured(const ReportedResult& seen, std::string reason, const Ruleset& ruleset) {
  CheckResult r = ReasonResult("not-captured", std::move(reason));
  r.id = seen.result.id;
  r.page = seen.result.page;
  r.details.Str("seen_outcome", seen.result.outcome);
  return JoinResult(std::move(r), ruleset);
}

// A resource a site check reads: one the capture marked as a probe of the site, or a
// robots.txt / security.txt a browser or another tool recorded.
bool IsSiteResource(const Exchange& ex) {
  if (ex.IsSiteProbe()) return true;
  std::string_view path = ex.url;
  path = path.substr(0, path.find_first_of("?#"));
  return text::EndsWithIgnoreCase(path, "/robots.txt") || text::EndsWithIgnoreCase(path, "/security.txt");
}

}  // namespace

void EvidenceGaps::Note(const Exchange& ex, Notices& notices) {
  saw_cookie_evidence_ = saw_cookie_evidence_ || ex.has_cookie_evidence;
  if (ex.body_state == BodyState::kCaptured) return;
  if (ex.body_state == BodyState::kCut && cut_bodies_++ < kListedCutBodies)
    listed_cut_bodies_.push_back(text::SafeUtf8(ex.url, 300));
  if (IsSiteResource(ex) && probe_gaps_++ == 0) first_probe_gap_ = PageKey(ex.url);
  const bool document = ex.IsHtmlDocument();
  const bool script = !document && ex.IsScript() && ex.status >= 200 && ex.status < 300;
  if (!document && !script) return;
  if (document) {
    BodyState& state = page_gaps_[PageKey(ex.url)];
    if (state != BodyState::kMissing) state = ex.body_state;
  } else if (script_gaps_++ == 0) {
    first_script_gap_ = PageKey(ex.url);
  }
  if (ex.body_cut) return;  // the kMaxBodyBytes notice already says it
  AppendNotice(notices, Notice{"body-not-captured", ex.index,
                               "entry " + std::to_string(ex.index) + " (" + text::SafeUtf8(ex.url, 300) + "): " +
                                   (document ? "the HTML document's" : "the script's") + " body is " +
                                   (ex.body_state == BodyState::kMissing ? "missing" : "incomplete") + " (" +
                                   ex.body_gap + "); checks that read it say not-captured instead of passing. " +
                                   "Export the HAR with response bodies (DevTools: \"Save all as HAR with content\")"});
}

bool EvidenceGaps::CookiesStripped() const { return !saw_cookie_evidence_ && producer_ == "WebInspector"; }

BodyState EvidenceGaps::PageBody(std::string_view page) const {
  const auto it = page_gaps_.find(page);
  return it == page_gaps_.end() ? BodyState::kCaptured : it->second;
}

void EvidenceGaps::Apply(std::vector<ReportedResult>& results, const Ruleset& ruleset, Notices& notices) const {
  const bool cookies_stripped = CookiesStripped();
  if (cookies_stripped)
    AppendNotice(notices, Notice{"cookies-not-exported", std::nullopt,
                                 "this HAR was exported by Chrome or Edge DevTools without sensitive data: it holds no "
                                 "Set-Cookie or Cookie field at all, so the cookie checks say not-captured. In DevTools "
                                 "open Settings > Preferences > Network, tick \"Allow to generate HAR with sensitive "
                                 "data\", then use \"Export HAR (with sensitive data)\""});
  if (cut_bodies_ > 0) {
    std::string list;
    for (const std::string& url : listed_cut_bodies_) list += (list.empty() ? "" : ", ") + url;
    if (cut_bodies_ > listed_cut_bodies_.size()) list += ", ...";
    notices.insert(notices.begin(),
                   Notice{"bodies-cut", std::nullopt,
                          std::to_string(cut_bodies_) + " response bod" + (cut_bodies_ == 1 ? "y was" : "ies were") +
                              " cut: only the first part of each was seen (" + list +
                              "); what lies past each cut was not audited"});
  }
  if (page_gaps_.empty() && script_gaps_ == 0 && probe_gaps_ == 0 && !cookies_stripped) return;
  for (ReportedResult& r : results) {
    // not-applicable stays only where it cannot hide anything: "no form on this page" from a page
    // whose body is missing is a guess, not a finding.
    if (r.result.outcome == "not-captured" || r.result.outcome == "error") continue;
    const std::string& id = r.result.id;
    if (cookies_stripped && Needs(ruleset, id, "cookies")) {
      r = NotCaptured(r, "the HAR holds no cookie fields (exported without sensitive data)", ruleset);
      continue;
    }
    if (r.result.page && Needs(ruleset, id, "page-body")) {
      const BodyState body = PageBody(*r.result.page);
      if (body == BodyState::kMissing || (body == BodyState::kCut && r.pass)) {
        r = NotCaptured(r, body == BodyState::kMissing ? "the page's body is not in the HAR"
                                                       : "only part of the page's body is in the HAR",
                        ruleset);
        continue;
      }
    }
    if (probe_gaps_ > 0 && r.pass && Needs(ruleset, id, "probe-bodies")) {
      r = NotCaptured(r, std::to_string(probe_gaps_) + " resource(s) the site checks read are not (wholly) in the HAR, the first " +
                             first_probe_gap_,
                      ruleset);
      continue;
    }
    if (script_gaps_ > 0 && r.pass && Needs(ruleset, id, "script-bodies"))
      r = NotCaptured(r, std::to_string(script_gaps_) + " script bod" + (script_gaps_ == 1 ? "y is" : "ies are") +
                             " not (wholly) in the HAR, the first " + first_script_gap_,
                      ruleset);
  }
}

}  // namespace portal_check
