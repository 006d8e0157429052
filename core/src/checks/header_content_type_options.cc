// header.content-type-options (graded): X-Content-Type-Options: nosniff on each page, and the
// same-origin script/style responses that lack it.
//
// Outcome (from the page's own response, as the Observatory grades it): nosniff, missing, invalid.
// The browser's reading (Fetch "determine nosniff") is the first value of the combined header
// list compared case-insensitively with "nosniff"; the Observatory compares the whole value as
// Node hands it over (repeated fields joined with ", "), so "nosniff, nosniff" in one field or in
// two passes a browser and fails the Observatory, and the result then carries its own code.
//
// Script and style responses arrive after (or, in a HAR, sometimes before) their page, so page
// results are kept and emitted in OnFinish with the per-origin list of subresources without nosniff
// (at most kMaxListed URLs per origin, plus a count).
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/audit_context.h"
#include "normalize/observatory_view.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxListed = 50;

enum class Nosniff { kNosniff, kMissing, kInvalid };

const char* OutcomeCode(Nosniff n) {
  switch (n) {
    case Nosniff::kNosniff: return "nosniff";
    case Nosniff::kMissing: return "missing";
    case Nosniff::kInvalid: return "invalid";
  }
  return "invalid";
}

const char* ObservatoryCode(Nosniff n) {
  switch (n) {
    case Nosniff::kNosniff: return "x-content-type-options-nosniff";
    case Nosniff::kMissing: return "x-content-type-options-not-implemented";
    case Nosniff::kInvalid: return "x-content-type-options-header-invalid";
  }
  return "x-content-type-options-header-invalid";
}

// The browser's reading: the first comma-separated value of all field lines.
Nosniff BrowserNosniff(const HeaderList& headers) {
  const std::vector<std::string_view> lines = headers.GetAll("X-Content-Type-Options");
  if (lines.empty()) return Nosniff::kMissing;
  const std::string_view first_line = lines.front();
  const std::string_view first = text::Trim(first_line.substr(0, first_line.find(',')));
  return text::EqualsIgnoreCase(first, "nosniff") ? Nosniff::kNosniff : Nosniff::kInvalid;
}

// The Observatory's reading: the value as its retriever reads it (observatory_view.h), trimmed,
// must be exactly "nosniff" (case-insensitive).
Nosniff ObservatoryNosniff(const HeaderList& headers) {
  const std::optional<std::string> value = observatory::Header(headers, "X-Content-Type-Options");
  // An empty value reads as absent there (a falsy string in JavaScript).
  if (!value || value->empty()) return Nosniff::kMissing;
  return text::EqualsIgnoreCase(observatory::JsTrim(std::string_view(*value).substr(0, 256)), "nosniff")
             ? Nosniff::kNosniff
             : Nosniff::kInvalid;
}

// A script or stylesheet response, by MIME type or by the capture's resource type.
bool IsScriptOrStyle(const Exchange& ex) {
  if (ex.resource_type == "script" || ex.resource_type == "stylesheet") return true;
  const std::string& m = ex.mime_type;
  return m == "text/css" || m == "text/javascript" || m == "application/javascript" ||
         m == "application/x-javascript" || m == "application/ecmascript" || m == "text/ecmascript";
}

struct OriginSubresources {
  std::vector<std::string> urls;  // at most kMaxListed
  std::size_t count = 0;          // all of them
};

class ContentTypeOptionsCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (view.page != nullptr) {
      RecordPage(view);
    } else if (view.exchange.status >= 200 && view.exchange.status < 300 && IsScriptOrStyle(view.exchange) &&
               BrowserNosniff(view.exchange.response_headers) != Nosniff::kNosniff) {
      OriginSubresources& subs = by_origin_[view.url->Origin()];
      ++subs.count;
      if (subs.urls.size() < kMaxListed) subs.urls.push_back(text::SafeUtf8(view.exchange.url, 2048));
    }
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override {
    for (PendingPage& p : pages_) {
      auto it = by_origin_.find(p.origin);
      DetailList urls;
      std::size_t count = 0;
      if (it != by_origin_.end()) {
        for (const std::string& u : it->second.urls) urls.Str(u);
        count = it->second.count;
      }
      p.result.details.Set("subresources_without_nosniff", urls);
      p.result.details.Int("subresources_without_nosniff_count", static_cast<std::int64_t>(count));
      out.Emit(std::move(p.result));
    }
    pages_.clear();
  }

 private:
  struct PendingPage {
    std::string origin;
    CheckResult result;
  };

  void RecordPage(const ExchangeView& view) {
    const HeaderList& headers = view.exchange.response_headers;
    const Nosniff truth = BrowserNosniff(headers);
    const Nosniff observatory = ObservatoryNosniff(headers);
    CheckResult r = PageResult(view);
    r.outcome = OutcomeCode(truth);
    r.details.Set("header_values", SafeStringList(headers.GetAll("X-Content-Type-Options"), 256));
    if (observatory != truth) {
      r.observatory_result = ObservatoryCode(observatory);
      r.details.Str("observatory_divergence",
          "the Observatory compares the whole value with nosniff, as Node hands it over (repeated fields joined "
          "with \", \"); browsers read its first comma-separated value");
    }
    pages_.push_back(PendingPage{view.url->Origin(), std::move(r)});
  }

  std::vector<PendingPage> pages_;
  std::map<std::string, OriginSubresources> by_origin_;
};

}  // namespace

extern const CheckDescriptor kHeaderContentTypeOptionsCheck;  // listed in checks/registry.cc
const CheckDescriptor kHeaderContentTypeOptionsCheck{"header.content-type-options", CheckInput::kExchangesWithUrl, &MakeCheck<ContentTypeOptionsCheck>};

}  // namespace portal_check
