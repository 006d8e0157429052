// header.referrer-policy (graded): the policy a browser applies to each page, from the
// Referrer-Policy header and <meta name=referrer> (the meta, processed after the headers,
// overrides them when it names a policy).
//
// Outcomes: private, not-set, unsafe, invalid (a header or meta is present but names no policy).
// The Observatory reads the same two sources but differently (see normalize/referrer_policy.h):
// it does not map the legacy meta keywords (never, always, default, origin-when-crossorigin),
// accepts a comma list in the meta, keeps only the last non-empty meta (an unknown one voids a
// valid header), and reads no meta at all when the Content-Type is not exactly text/html
// (observatory_view.h). A <meta> inside <template> content applies nowhere. When its result
// differs from the one the rule maps our outcome to, the result carries it.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "normalize/observatory_view.h"
#include "normalize/page_model.h"
#include "normalize/referrer_policy.h"
#include "util/text.h"

namespace portal_check {
namespace {

std::string ObservatoryCodeOf(std::string_view outcome) {
  if (outcome == "private") return "referrer-policy-private";
  if (outcome == "unsafe") return "referrer-policy-unsafe";
  if (outcome == "invalid") return "referrer-policy-header-invalid";
  return "referrer-policy-not-implemented";
}

// The content of every <meta name=referrer content=…> (without http-equiv) outside <template>
// content, in document order; `observatory_kept` receives the one the Observatory's retriever
// keeps (the last non-empty content; its name test trims JavaScript white space), or nullptr.
std::vector<const std::string*> ReferrerMetas(const PageModel& page, const std::string*& observatory_kept) {
  std::vector<const std::string*> out;
  observatory_kept = nullptr;
  for (int i : page.ElementsWithTag("meta")) {
    const HtmlElement& meta = page.elements()[static_cast<std::size_t>(i)];
    if (meta.in_template) continue;
    const std::string* name = meta.Attr("name");
    const std::string* content = meta.Attr("content");
    if (name == nullptr || content == nullptr || meta.HasAttr("http-equiv")) continue;
    if (text::EqualsIgnoreCase(text::Trim(*name), "referrer")) out.push_back(content);
    if (text::EqualsIgnoreCase(observatory::JsTrim(*name), "referrer") && !content->empty()) observatory_kept = content;
  }
  return out;
}

class ReferrerPolicyCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    const std::vector<std::string_view> lines = view.exchange.response_headers.GetAll("Referrer-Policy");
    const std::string* observatory_meta = nullptr;
    const std::vector<const std::string*> metas = ReferrerMetas(*view.page, observatory_meta);
    if (!observatory::ReadsAsHtml(view.exchange.response_headers)) observatory_meta = nullptr;

    const std::optional<std::string> header_policy = ParseReferrerPolicyHeader(lines);
    std::optional<std::string> meta_policy;
    for (const std::string* content : metas) {
      if (auto p = ParseReferrerMeta(*content)) meta_policy = std::move(p);
    }
    const std::optional<std::string>& effective = meta_policy ? meta_policy : header_policy;

    CheckResult r = PageResult(view);
    if (effective) {
      r.outcome = ClassifyReferrerPolicy(*effective) == ReferrerClass::kPrivate ? "private" : "unsafe";
      r.details.Str("policy", *effective);
      r.details.Str("source", meta_policy ? "meta" : "header");
    } else {
      r.outcome = (lines.empty() && metas.empty()) ? "not-set" : "invalid";
    }
    DetailList meta_values;
    for (const std::string* c : metas) meta_values.Str(*c, 512);
    r.details.Set("header_values", SafeStringList(lines, 512));
    r.details.Set("meta_values", meta_values);

    const std::string observatory =
        ObservatoryReferrerResult(observatory::Header(view.exchange.response_headers, "Referrer-Policy"), observatory_meta);
    if (observatory != ObservatoryCodeOf(r.outcome)) {
      r.observatory_result = observatory;
      r.details.Str("observatory_divergence",
          "the Observatory joins the header and the last non-empty <meta name=referrer> (read only when the "
          "Content-Type is exactly text/html) and takes the last known token, without the legacy meta keywords "
          "browsers map");
    }
    out.Emit(std::move(r));
  }
};

}  // namespace

extern const CheckDescriptor kHeaderReferrerPolicyCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderReferrerPolicyCheck{"header.referrer-policy", CheckInput::kPages, &MakeCheck<ReferrerPolicyCheck>};

}  // namespace portal_check
