// site.security-txt: the site's security.txt per RFC 9116, field by field.
//
// Evidence: the exchanges for /.well-known/security.txt and the legacy /security.txt on the
// audited site (the capture marks them purpose "security-txt"; for other HARs the URL path is
// matched). The chosen file is the first 2xx answer that is not an HTML page, preferring
// /.well-known/ over the top-level path and https over http.
// Outcomes:
//   not-captured  no request for security.txt in the evidence at all (nothing emitted: the rule
//                 file's "absent" result)
//   missing       requested, but no 2xx answer that is the file (404, or a soft 404: the site's
//                 HTML page served with 200)
//   invalid       the file breaks a MUST of RFC 9116 (details.errors, codes below)
//   expired       the only error is an Expires date not after the request time (the exchange's
//                 startedDateTime; the core never reads the clock)
//   valid-with-recommendations  no error, but details.recommendations is not empty
//   valid         no error, no recommendation
// Error codes: not-https (served over http), not-well-known (only the top-level /security.txt
// answered), content-type (not text/plain), charset (a charset other than utf-8),
// invalid-line (a line that is not a field, a comment or blank), no-contact, contact-uri (a
// Contact that is not a mailto:, https:, tel: or http: URI), insecure-uri (an http: URI in
// Contact, Encryption, Acknowledgments, Policy, Hiring, CSAF or Canonical: web URIs MUST be
// https), no-expires, multiple-expires, expires-format (not an RFC 3339 date-time with offset),
// expired, multiple-preferred-languages, canonical-mismatch (Canonical fields present and none is
// the URL the file was fetched from), signature-malformed (a PGP signed message without a
// whole signature block).
// Recommendation codes: no-charset (RFC 9116: charset=utf-8), expires-over-a-year, not-signed,
// signed-without-canonical. Unknown fields are ignored (RFC 9116 section 2.5); comments and CRLF
// line ends are allowed.
#include <memory>
#include <string>
#include <vector>

#include "checks/check.h"
#include "checks/support/site_support.h"
#include "checks/audit_context.h"
#include "evidence/har_reader.h"
#include "evidence/media_type.h"
#include "normalize/security_txt.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::size_t kMaxCandidates = 8;
constexpr std::size_t kMaxKeptBody = 32 * 1024;
constexpr std::int64_t kOneYear = 366 * 86400;

struct Candidate {
  std::string url;
  bool https = false;
  bool well_known = false;
  int status = 0;
  std::string content_type;  // the Content-Type header ("" when absent)
  std::string body;          // at most kMaxKeptBody
  bool markup = false;       // the body is an HTML page (soft 404)
  std::optional<std::int64_t> started;
};

// RFC 3339 date-time: full date, 'T', time, and a Z or ±hh:mm offset; and parsable.
std::optional<std::int64_t> ParseRfc3339(std::string_view v) {
  if (v.size() < 20 || (v[10] != 'T' && v[10] != 't')) return std::nullopt;
  const char last = v.back();
  const bool zulu = last == 'Z' || last == 'z';
  const bool offset = v.size() >= 25 && (v[v.size() - 6] == '+' || v[v.size() - 6] == '-') && v[v.size() - 3] == ':';
  if (!zulu && !offset) return std::nullopt;
  return ParseIsoDateTime(v);
}

bool StartsWith(std::string_view s, std::string_view p) { return text::StartsWithIgnoreCase(s, p); }

void Add(json::Array& list, std::string_view code) {
  for (const auto& v : list)
    if (v.get<std::string>() == code) return;
  list.push_back(json::Str(code));
}

class SecurityTxtCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink&) override {
    const bool well_known = site::IsSiteFile(view, ctx, "security-txt", "/.well-known/security.txt");
    const bool root = !well_known && view.exchange.purpose.empty() && site::IsSiteFile(view, ctx, "", "/security.txt");
    if (!well_known && !root) return;
    if (candidates_.size() >= kMaxCandidates) return;
    Candidate c;
    c.url = view.exchange.url;
    c.https = view.url->IsHttps();
    // A capture-marked exchange is "well known" by where it was asked for, unless its chain
    // ended on the legacy path.
    c.well_known = view.url->path() == "/.well-known/security.txt" || (well_known && view.url->path() != "/security.txt");
    c.status = view.exchange.status;
    if (auto ct = view.exchange.response_headers.Get("Content-Type")) c.content_type = std::string(*ct);
    c.body = site::KeepPrefix(view.exchange.body, kMaxKeptBody);
    c.markup = site::HasHtmlMarkup(view.exchange.body);
    c.started = view.exchange.started;
    candidates_.push_back(std::move(c));
  }

  void OnFinish(const AuditContext&, ResultSink& out) override {
    if (candidates_.empty()) return;  // the engine reports the rule file's "absent" result
    const Candidate* chosen = nullptr;
    for (int rank = 0; rank < 4 && !chosen; ++rank) {
      const bool want_well_known = rank == 0 || rank == 2;
      const bool want_https = rank < 2;
      for (const Candidate& c : candidates_)
        if (c.status >= 200 && c.status < 300 && !c.markup && c.well_known == want_well_known && c.https == want_https) {
          chosen = &c;
          break;
        }
    }
    if (!chosen) {
      CheckResult r = SiteResult("missing", "no request for security.txt was answered with the file");
      json::Array requests;
      for (const Candidate& c : candidates_) {
        json::Object o;
        o["url"] = json::Str(text::SafeUtf8(c.url, 512));
        o["status"] = json::Int(c.status);
        if (c.status >= 200 && c.status < 300 && c.markup) o["soft_404"] = json::Bool(true);
        requests.push_back(json::Value(o));
      }
      r.details.Set("requests", json::Value(requests));
      out.Emit(std::move(r));
      return;
    }
    out.Emit(Evaluate(*chosen));
  }

 private:
  static CheckResult Evaluate(const Candidate& c) {
    CheckResult r = PageResult(c.url);
    json::Array errors, recs;
    if (!c.https) Add(errors, "not-https");
    if (!c.well_known) Add(errors, "not-well-known");
    const MediaType mt = ParseMediaType(c.content_type);
    if (mt.essence != "text/plain") Add(errors, "content-type");
    if (!mt.charset) Add(recs, "no-charset");
    else if (CanonicalCharset(*mt.charset) != "utf-8") Add(errors, "charset");

    const SecurityTxt sec = ParseSecurityTxt(c.body);
    if (!sec.invalid_lines.empty()) Add(errors, "invalid-line");
    if (sec.is_signed && !sec.signature_well_formed) Add(errors, "signature-malformed");

    const auto contacts = sec.Values("contact");
    if (contacts.empty()) Add(errors, "no-contact");
    for (std::string_view v : contacts) {
      if (StartsWith(v, "http://")) Add(errors, "insecure-uri");
      else if (!StartsWith(v, "mailto:") && !StartsWith(v, "https://") && !StartsWith(v, "tel:")) Add(errors, "contact-uri");
    }
    for (std::string_view name : {"encryption", "acknowledgments", "policy", "hiring", "csaf", "canonical"})
      for (std::string_view v : sec.Values(name))
        if (StartsWith(v, "http://")) Add(errors, "insecure-uri");

    const auto expires = sec.Values("expires");
    if (expires.empty()) Add(errors, "no-expires");
    if (expires.size() > 1) Add(errors, "multiple-expires");
    if (expires.size() == 1) {
      r.details.Str("expires", expires[0], 64);
      if (auto at = ParseRfc3339(expires[0]); !at) {
        Add(errors, "expires-format");
      } else if (!c.started) {
        r.details.Bool("expiry_unchecked", true);  // no request time to compare with
      } else if (*at <= *c.started) {
        Add(errors, "expired");
      } else if (*at - *c.started > kOneYear) {
        Add(recs, "expires-over-a-year");
      }
    }
    if (sec.Values("preferred-languages").size() > 1) Add(errors, "multiple-preferred-languages");

    const auto canonicals = sec.Values("canonical");
    if (!canonicals.empty()) {
      const std::optional<Url> fetched = Url::Parse(c.url);
      bool match = false;
      for (std::string_view v : canonicals) {
        const std::optional<Url> u = Url::Parse(v);
        if (u && fetched && u->href() == fetched->href()) match = true;
      }
      if (!match) Add(errors, "canonical-mismatch");
    }
    if (!sec.is_signed) Add(recs, "not-signed");
    else if (canonicals.empty()) Add(recs, "signed-without-canonical");

    bool only_expired = errors.size() == 1 && errors[0].get<std::string>() == "expired";
    r.outcome = errors.empty() ? (recs.empty() ? "valid" : "valid-with-recommendations") : (only_expired ? "expired" : "invalid");
    r.details.Int("status", c.status);
    r.details.Set("errors", json::Value(errors));
    r.details.Set("recommendations", json::Value(recs));
    r.details.Bool("signed", sec.is_signed);
    r.details.Set("contact", SafeStringList(contacts, 256));
    if (!sec.invalid_lines.empty()) {
      json::Array lines;
      for (int n : sec.invalid_lines) lines.push_back(json::Int(n));
      r.details.Set("invalid_lines", json::Value(lines));
    }
    return r;
  }

  std::vector<Candidate> candidates_;
};

}  // namespace

extern const CheckDescriptor kSiteSecurityTxtCheck;  // listed in checks/registry.cc
const CheckDescriptor kSiteSecurityTxtCheck{"site.security-txt", CheckInput::kEveryExchange, &MakeCheck<SecurityTxtCheck>};

}  // namespace portal_check
