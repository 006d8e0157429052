// header.cors: Access-Control-Allow-Origin (ACAO) with Access-Control-Allow-Credentials (ACAC)
// on every response of each page's origin, reported once per page.
//
// Classes, worst first:
//  * universal-with-credentials: ACAO "*" with ACAC true (browsers refuse the pair, but it shows
//    the server means to expose credentialed responses to anyone), or ACAO equal to a request
//    Origin that is cross-site to the response while ACAC is true: a reflected origin. A browser
//    capture only shows the origins the site itself used, so a same-site Origin echoed back is
//    counted as restricted, not as reflection.
//  * null-origin: ACAO "null" (sandboxed frames and data: documents of any site present it).
//  * public: ACAO "*" without credentials.
//  * restricted: a specific origin.
//  * not-set: no ACAO on any response of the origin.
// Responses arrive in any order relative to their page, so facts are aggregated per origin and
// the page results emitted in OnFinish. Per origin at most kMaxExamples examples are kept.
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "normalize/url.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxExamples = 20;

enum class Cors { kNotSet = 0, kRestricted = 1, kPublic = 2, kNullOrigin = 3, kUniversal = 4 };
constexpr std::size_t kClassCount = 5;

const char* CodeOf(Cors c) {
  switch (c) {
    case Cors::kNotSet: return "not-set";
    case Cors::kRestricted: return "restricted";
    case Cors::kPublic: return "public";
    case Cors::kNullOrigin: return "null-origin";
    case Cors::kUniversal: return "universal-with-credentials";
  }
  return "not-set";
}

// True when `request_origin` is a parsable origin on another site than `response_url`.
bool IsCrossSite(std::string_view request_origin, const Url& response_url) {
  const std::optional<Url> origin = Url::Parse(request_origin);
  return origin && !origin->SameSite(response_url);
}

Cors Classify(const Exchange& ex, const Url& url) {
  const std::optional<std::string_view> acao_line = ex.response_headers.Get("Access-Control-Allow-Origin");
  if (!acao_line) return Cors::kNotSet;
  const std::string_view acao = text::Trim(*acao_line);
  const std::optional<std::string_view> acac = ex.response_headers.Get("Access-Control-Allow-Credentials");
  const bool credentials = acac && text::EqualsIgnoreCase(text::Trim(*acac), "true");
  if (acao == "*") return credentials ? Cors::kUniversal : Cors::kPublic;
  if (acao == "null") return Cors::kNullOrigin;
  const std::optional<std::string_view> origin = ex.request_headers.Get("Origin");
  if (credentials && origin && text::Trim(*origin) == acao && IsCrossSite(acao, url)) return Cors::kUniversal;
  return Cors::kRestricted;
}

Details Example(const Exchange& ex, Cors c) {
  Details o;
  o.Str("url", ex.url, 2048);
  o.Str("class", CodeOf(c));
  o.Str("allow_origin", ex.response_headers.Get("Access-Control-Allow-Origin").value_or(""), 512);
  if (auto acac = ex.response_headers.Get("Access-Control-Allow-Credentials"))
    o.Str("allow_credentials", *acac, 64);
  if (auto origin = ex.request_headers.Get("Origin")) o.Str("request_origin", *origin, 512);
  return o;
}

struct OriginFacts {
  Cors worst = Cors::kNotSet;
  std::size_t counts[kClassCount] = {0, 0, 0, 0, 0};
  // Up to kMaxExamples examples with their classes, in the order they were kept; once full a
  // failing one replaces the first non-failing one (see Add).
  std::vector<std::pair<Cors, Details>> examples;
  std::vector<std::string> pages;

  void Add(const Exchange& ex, Cors c) {
    ++counts[static_cast<std::size_t>(c)];
    if (c > worst) worst = c;
    if (c == Cors::kNotSet) return;
    if (examples.size() < kMaxExamples) {
      examples.emplace_back(c, Example(ex, c));
      return;
    }
    // Full: a failing example replaces the first non-failing one, so failures are never hidden.
    if (c < Cors::kNullOrigin) return;
    for (auto& [cls, example] : examples) {
      if (cls == Cors::kPublic || cls == Cors::kRestricted) {
        cls = c;
        example = Example(ex, c);
        return;
      }
    }
  }
};

class CorsCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (view.exchange.status == 0) return;
    OriginFacts& facts = origins_[view.url->Origin()];
    facts.Add(view.exchange, Classify(view.exchange, *view.url));
    if (view.page != nullptr) facts.pages.push_back(view.exchange.url);
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override {
    for (auto& [origin, facts] : origins_) {
      for (const std::string& page : facts.pages) out.Emit(ResultFor(facts, page));
    }
    origins_.clear();
  }

 private:
  static CheckResult ResultFor(const OriginFacts& facts, const std::string& page) {
    CheckResult r = PageResult(page);
    r.outcome = CodeOf(facts.worst);
    Details counts;
    for (std::size_t i = 1; i < kClassCount; ++i) {
      if (facts.counts[i] > 0) counts.Int(CodeOf(static_cast<Cors>(i)), static_cast<std::int64_t>(facts.counts[i]));
    }
    std::size_t total = 0;
    for (std::size_t c : facts.counts) total += c;
    r.details.Int("responses_seen", static_cast<std::int64_t>(total));
    r.details.Set("counts", counts);
    DetailList examples;
    for (const auto& [cls, example] : facts.examples) examples.Add(example);
    r.details.Set("examples", examples);
    return r;
  }

  std::map<std::string, OriginFacts> origins_;
};

}  // namespace

extern const CheckDescriptor kHeaderCorsCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderCorsCheck{"header.cors", CheckInput::kWebExchanges, &MakeCheck<CorsCheck>};

}  // namespace portal_check
