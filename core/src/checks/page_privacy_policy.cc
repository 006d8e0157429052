// page.privacy-policy: the home page links to a published personal-data / privacy policy
// (Tín Nhiệm Mạng label criteria 3 and 4; Decree 13/2023 on personal data protection).
//
// Judged on the home page only: the label asks for a policy reachable from the home page, and a
// policy link is a site-wide fact, so judging every internal page (search results, login) would
// repeat the same finding or raise false "missing" ones. The home page is the audit's primary
// page (ExchangeView::is_primary_page), else the first page (page_links::HomePageJudgement);
// other pages get not-applicable.
//
// A policy link is an <a> or <area> whose href is not javascript:/mailto:/tel: and either
//   - whose label (text, title, aria-label, alt of images inside; vietnamese::FoldForMatch) holds
//     a phrase of data list "privacy-phrases" "link_text", when the label is at most
//     kMaxLabelBytes long (policy links are short; a long news headline that mentions
//     "quyền riêng tư" is not one), or
//   - whose resolved URL's path and query (folded) hold a part of "privacy-phrases" "href_parts".
// Reachability: when the HAR also holds a fetch of every policy link (without fragment) made
// after the home page and each answered 4xx/5xx or nothing, the policy is not reachable → missing
// with "broken_links". Outcomes: found, missing. Details: "links" (at most 10: url, text,
// matched), "broken_links" when applicable.
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_derived.h"
#include "checks/support/page_links.h"
#include "checks/audit_context.h"
#include "evidence/limits.h"
#include "normalize/page_model.h"
#include "util/text.h"
#include "util/vietnamese.h"

namespace portal_check {

using namespace std::string_view_literals;  // tag and attribute names compare size first
namespace {

constexpr std::size_t kMaxLabelBytes = 120;
constexpr std::size_t kMaxListed = 10;
constexpr char kOtherPage[] = "judged on the home page only: a published policy must be reachable from the home page";

class PrivacyPolicyCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    NoteFetch(view);
    if (view.page == nullptr) return;
    if (!home_.Candidate(view)) {
      out.Emit(ReasonResult("not-applicable", kOtherPage, view.exchange.url));
      return;
    }
    links_.clear();
    home_.Keep(view, Judge(view, ctx.Compiled(&page_links::BuildPrivacyPhrases)));
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override {
    if (CheckResult* r = home_.Judged(); r != nullptr && r->outcome == "found" && !links_.empty()) {
      bool all_broken = true;
      DetailList broken;
      for (const auto& [url, status] : links_) {
        if (status == kUnseen || (status >= 200 && status < 400)) {
          all_broken = false;
          break;
        }
        broken.Str(url, limits::kMaxUrlBytes);
      }
      if (all_broken) {
        r->outcome = "missing";
        r->details.Set("broken_links", std::move(broken));
      }
    }
    home_.Finish(out, kOtherPage);
  }

 private:
  static constexpr int kUnseen = -1;

  CheckResult Judge(const ExchangeView& view, const page_links::PrivacyPhrases& phrases) {
    const PageModel& page = *view.page;
    DetailList listed;
    for (const page_links::WebLink& link : SharedWebLinks(view)) {  // the <a>/<area> links to http(s) URLs
      const HtmlElement& e = page.elements()[link.index];
      const Url& u = link.url;
      const std::string* matched = nullptr;
      const std::string& label = link.label;
      if (label.size() <= kMaxLabelBytes) matched = page_links::FindAny(label, phrases.link_text);
      if (matched == nullptr) {
        const std::string where = vietnamese::FoldForMatch(u.path() + "?" + u.query());
        matched = page_links::FindAny(where, phrases.href_parts);
      }
      if (matched == nullptr) continue;
      const std::string key = page_links::WithoutFragment(u.href());
      if (links_.size() < kMaxListed) links_.emplace(key, kUnseen);
      if (listed.size() >= kMaxListed) continue;
      Details o;
      o.Str("url", u.href(), limits::kMaxUrlBytes);
      o.Str("text", text::Trim(e.text), 200);
      o.Str("matched", *matched);
      listed.Add(std::move(o));
    }
    CheckResult r = PageResult(view);
    r.outcome = listed.empty() ? "missing" : "found";
    r.details.Set("links", std::move(listed));
    return r;
  }

  // Records the status of a later fetch of a policy link of the judged page.
  void NoteFetch(const ExchangeView& view) {
    if (links_.empty()) return;
    auto it = links_.find(page_links::WithoutFragment(view.url->href()));
    if (it == links_.end()) return;
    const int status = view.exchange.status;
    if (it->second == kUnseen || (status >= 200 && status < 400)) it->second = status;
  }

  std::map<std::string, int> links_;  // policy links of the latest kept page → status (kUnseen)
  page_links::HomePageJudgement home_;
};

}  // namespace

extern const CheckDescriptor kPagePrivacyPolicyCheck;  // listed in checks/registry.cc
const CheckDescriptor kPagePrivacyPolicyCheck{"page.privacy-policy", CheckInput::kExchangesWithUrl, &MakeCheck<PrivacyPolicyCheck>};

}  // namespace portal_check
