// What the evidence did not hold, and what that does to the results that needed it.
//
// A rule declares the evidence its check needs ("needs" in rules/<id>.json):
//   "page-body"     the HTML of the page a result is about;
//   "script-bodies" the bodies of the scripts the pages load;
//   "probe-bodies"  the bodies of what the site checks read: robots.txt, security.txt, and the
//                   capture's probes (the 404 page, admin paths, exposed files);
//   "cookies"       the Set-Cookie / Cookie fields (or the HAR cookies arrays).
// When that evidence is missing, a result cannot pass: it becomes not-captured with the reason
// (details.reason, and details.seen_outcome = what the check made of the partial evidence).
// When the evidence is only partial (a cut body, some script bodies missing), failing results
// stand — what was seen fails — and only passing ones become not-captured.
#ifndef PORTAL_CHECK_ENGINE_EVIDENCE_GAPS_H_
#define PORTAL_CHECK_ENGINE_EVIDENCE_GAPS_H_

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "ruleset/ruleset.h"
#include "evidence/exchange.h"
#include "evidence/notice.h"
#include "scoring/reported_result.h"

namespace portal_check {

class EvidenceGaps {
 public:
  // URLs of cut bodies named in the "bodies-cut" notice; the count covers them all.
  static constexpr std::size_t kListedCutBodies = 5;

  // The HAR's log.creator.name. Chrome's and Edge's DevTools ("WebInspector") leave out every
  // Set-Cookie and Cookie field unless the user allows "sensitive data" in the export.
  void SetProducer(std::string_view creator_name) { producer_ = std::string(creator_name); }

  // Records what `ex` lacks: the body of an HTML document or a script (with a notice naming the
  // entry, unless the engine's own kMaxBodyBytes cut already has one), and whether the entry
  // holds any cookie evidence.
  void Note(const Exchange& ex, Notices& notices);

  // True when the producer is one known to strip cookies and no entry held any cookie evidence:
  // the cookies of this site cannot be judged from this HAR.
  bool CookiesStripped() const;

  // Whether the HTML document at `page` (its URL as results name it) lacks its body.
  BodyState PageBody(std::string_view page) const;

  // Rewrites the results whose rule needs evidence that is absent (see above), and adds the
  // notice that tells the user how to export cookies when they were stripped. When any body of
  // any kind was cut (by its producer or at kMaxBodyBytes), puts first one "bodies-cut" notice
  // counting them and naming the first kListedCutBodies, outside the kMaxNotices cap: the reader
  // must know what was not (wholly) seen.
  void Apply(std::vector<ReportedResult>& results, const Ruleset& ruleset, Notices& notices) const;

 private:
  std::string producer_;
  bool saw_cookie_evidence_ = false;
  std::map<std::string, BodyState, std::less<>> page_gaps_;  // document URL → kCut / kMissing
  std::size_t script_gaps_ = 0;                              // scripts without their whole body
  std::string first_script_gap_;                             // the first one's URL
  std::size_t cut_bodies_ = 0;                               // bodies of any kind only partly held
  std::vector<std::string> listed_cut_bodies_;               // the first kListedCutBodies URLs
  std::size_t probe_gaps_ = 0;                               // site-check resources likewise
  std::string first_probe_gap_;
};

}  // namespace portal_check

#endif  // PORTAL_CHECK_ENGINE_EVIDENCE_GAPS_H_
