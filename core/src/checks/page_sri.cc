// page.sri (graded, Observatory test "subresource-integrity"): Subresource Integrity on scripts
// loaded from other sites, with the Observatory's own result codes.
//
// The Observatory's verdict (reproduced from its documented behaviour, for every page):
//   - each <script src>: the src as its DOM reports it (resolved only against an absolute
//     <base href>, since the Observatory parses the body without a document URL) is
//       * protocol-relative ("//host/…"): foreign, and never a secure scheme (even on https);
//       * a full http(s) URL: foreign when its registrable domain differs from the page host's;
//         secure scheme when https;
//       * anything else (relative, data:, …): same origin; secure scheme when the page is https.
//   - foreign scripts: integrity (a non-empty attribute, whatever it holds) over an insecure
//     scheme → implemented-but-external-scripts-not-loaded-securely; no integrity over https →
//     not-implemented-but-external-scripts-loaded-securely; no integrity over an insecure scheme →
//     not-implemented-and-external-scripts-not-loaded-securely. The worst wins, in the
//     Observatory's order (kObservatoryOrder below, which ranks "implemented but insecure" better
//     than "not implemented but secure").
//   - a same-origin script with integrity on a secure scheme, before any other verdict →
//     implemented-and-all-scripts-loaded-securely (a bonus the Observatory keeps even when later
//     foreign scripts carry integrity over https).
//   - no <script> at all → not-implemented-but-no-scripts-loaded; otherwise, with no verdict yet:
//     implemented-and-external-scripts-loaded-securely when a foreign script was seen, else
//     not-implemented-but-all-scripts-loaded-from-secure-origin.
//   - the audited start URL answering with something other than HTML (and no page seen) →
//     not-implemented-response-not-html; so does a page whose Content-Type is not exactly
//     text/html or application/xhtml+xml before its ';' ("TEXT/HTML", "text/html ; charset=…"):
//     the Observatory then never parses it (observatory_view.h), while browsers render it as HTML
//     and this check judges its scripts (observatory_result carries the Observatory's code).
//   - scripts inside <template> content are not scripts of the page: the DOM's querySelectorAll
//     does not reach them and browsers never run them.
//
// Where this check is stricter (the truth), it computes the same verdict again with:
//   - integrity counted only when well-formed: at least one token sha256/sha384/sha512 (case-
//     insensitive) followed by base64 or base64url of exactly the digest's length (32/48/64
//     bytes, padding optional), options after '?' ignored. Browsers ignore tokens they cannot
//     parse, so a malformed attribute protects nothing, although the Observatory accepts it.
//   - cross-origin stylesheets: a stylesheet from another site fetched over http:// (as the page
//     resolves it) worsens the verdict like an insecure foreign script. A stylesheet over https
//     without integrity does not: many cannot carry a fixed digest (Google Fonts CSS varies by
//     browser), so it is reported in details only. Such a stylesheet gives its verdict even on a
//     page without scripts.
// When the truth is worse than the Observatory's verdict, the outcome is the truth and
// CheckResult::observatory_result carries the Observatory's code (so the grade still matches the
// Observatory); otherwise the outcome is the Observatory's code. A protocol-relative script on an
// https page, which the Observatory penalises although it loads over https, keeps the
// Observatory's code (the outcome never reports better than the Observatory) with a note.
//
// Details: "resources" (at most 50): each script/stylesheet not same-origin with the page, with
// its URL, kind, same_site, integrity status (valid, missing, empty, malformed) and crossorigin
// value, and a note when integrity is present without crossorigin (the browser then refuses the
// cross-origin resource: a breakage, not a weakness); "scripts" (count of <script> elements),
// "divergence" when observatory_result is set or the Observatory is harsher than the truth.
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_links.h"
#include "checks/audit_context.h"
#include "evidence/limits.h"
#include "normalize/observatory_view.h"
#include "normalize/page_model.h"
#include "util/text.h"

namespace portal_check {

using namespace std::string_view_literals;  // tag and attribute names compare size first
namespace {

constexpr std::size_t kMaxListed = 50;

constexpr const char kAllSecure[] = "sri-implemented-and-all-scripts-loaded-securely";
constexpr const char kExternalSecure[] = "sri-implemented-and-external-scripts-loaded-securely";
constexpr const char kImplNotSecure[] = "sri-implemented-but-external-scripts-not-loaded-securely";
constexpr const char kNotImplSecure[] = "sri-not-implemented-but-external-scripts-loaded-securely";
constexpr const char kNotImplNotSecure[] = "sri-not-implemented-and-external-scripts-not-loaded-securely";
constexpr const char kNotHtml[] = "sri-not-implemented-response-not-html";
constexpr const char kNoScripts[] = "sri-not-implemented-but-no-scripts-loaded";
constexpr const char kSecureOrigin[] = "sri-not-implemented-but-all-scripts-loaded-from-secure-origin";

// The Observatory's "goodness" list for onlyIfWorse (best first).
constexpr const char* kObservatoryOrder[] = {kAllSecure, kExternalSecure, kImplNotSecure, kNotImplSecure, kNotImplNotSecure,
                                             kNotHtml};

// Rank of a code by its Observatory score modifier (higher = better); used to decide whether the
// truth is worse than the Observatory's verdict.
int ModifierRank(std::string_view code) {
  if (code == kAllSecure || code == kExternalSecure) return 3;
  if (code == kNotHtml || code == kNoScripts || code == kSecureOrigin) return 2;
  if (code == kNotImplSecure) return 1;
  if (code == kImplNotSecure) return 0;
  return -1;  // kNotImplNotSecure
}

int OrderIndex(std::string_view code) {
  int i = 0;
  for (const char* c : kObservatoryOrder) {
    if (code == c) return i;
    ++i;
  }
  return -1;
}

// The Observatory's onlyIfWorse: `next` replaces `current` when current is unset or next ranks
// worse in kObservatoryOrder.
void OnlyIfWorse(std::string& current, const char* next) {
  if (current.empty() || OrderIndex(next) > OrderIndex(current)) current = next;
}

bool IsBase64Char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/' || c == '-' ||
         c == '_';
}

// True when `digest` is base64/base64url of exactly `bytes` bytes (padding optional).
bool IsDigestOfLength(std::string_view digest, std::size_t bytes) {
  while (!digest.empty() && digest.back() == '=') digest.remove_suffix(1);
  for (char c : digest)
    if (!IsBase64Char(c)) return false;
  const std::size_t want = (bytes * 8 + 5) / 6;  // unpadded base64 length
  return digest.size() == want;
}

// "valid", "missing", "empty" or "malformed" (see the file comment).
std::string IntegrityStatus(const std::string* attr) {
  if (attr == nullptr) return "missing";
  const std::vector<std::string_view> tokens = text::SplitWhitespace(*attr);
  if (tokens.empty()) return "empty";
  for (std::string_view token : tokens) {
    token = token.substr(0, token.find('?'));
    const std::size_t dash = token.find('-');
    if (dash == std::string_view::npos) continue;
    const std::string alg = text::Lower(token.substr(0, dash));
    const std::string_view digest = token.substr(dash + 1);
    const std::size_t bytes = alg == "sha256" ? 32 : alg == "sha384" ? 48 : alg == "sha512" ? 64 : 0;
    if (bytes != 0 && IsDigestOfLength(digest, bytes)) return "valid";
  }
  return "malformed";
}

// One <script src> or <link rel=stylesheet href>, classified as the Observatory does.
struct Resource {
  bool script = true;
  bool foreign = false;        // Observatory: not secureOrigin
  bool secure_scheme = false;  // Observatory: secureScheme
  bool protocol_relative = false;
  bool obs_integrity = false;  // a non-empty integrity attribute
  bool valid_integrity = false;
  bool insecure_cross_site_stylesheet = false;  // truth: other site over http://
};

// The Observatory's classification of `src` on a page at `page_url`. `obs_base` is the page's
// <base href> when it is an absolute URL (the only base the Observatory's DOM resolves against).
void Classify(std::string_view src, const Url& page_url, const std::optional<Url>& obs_base, Resource& r) {
  src = text::Trim(src);
  std::optional<Url> full;
  if (obs_base) {
    full = obs_base->Resolve(src);
  } else if (!(src.size() >= 3 && src[0] == '/' && src[1] == '/' && src[2] != '/')) {
    full = Url::Parse(src);
  } else {
    r.protocol_relative = true;
  }
  if (full && !full->IsHttpOrHttps()) full.reset();
  if (r.protocol_relative) {
    r.foreign = true;
    r.secure_scheme = false;
  } else if (full) {
    r.foreign = !full->SameSite(page_url);
    r.secure_scheme = full->IsHttps();
  } else {
    r.foreign = false;
    r.secure_scheme = page_url.IsHttps();
  }
}

// The verdict over `resources` (scripts_seen = number of <script> elements). With `truth`, the
// integrity that counts is the well-formed one and insecure cross-site stylesheets count.
std::string Verdict(const std::vector<Resource>& resources, std::size_t scripts_seen, bool truth) {
  std::string result;
  bool foreign_seen = false;
  for (const Resource& r : resources) {
    if (!r.script) {
      if (truth && r.insecure_cross_site_stylesheet)
        OnlyIfWorse(result, r.valid_integrity ? kImplNotSecure : kNotImplNotSecure);
      continue;
    }
    const bool integrity = truth ? r.valid_integrity : r.obs_integrity;
    if (r.foreign) {
      foreign_seen = true;
      if (integrity && !r.secure_scheme) OnlyIfWorse(result, kImplNotSecure);
      else if (!integrity && r.secure_scheme) OnlyIfWorse(result, kNotImplSecure);
      else if (!integrity) OnlyIfWorse(result, kNotImplNotSecure);
    } else if (integrity && r.secure_scheme && result.empty()) {
      result = kAllSecure;
    }
  }
  if (scripts_seen == 0) return truth && !result.empty() ? result : std::string(kNoScripts);
  if (result.empty()) result = foreign_seen ? kExternalSecure : kSecureOrigin;
  return result;
}

class SriCheck : public Check {
 public:
  void OnExchange(const ExchangeView& view, const AuditContext& ctx, ResultSink& out) override {
    if (view.page == nullptr) {
      NoteNonHtml(view, ctx);
      return;
    }
    page_seen_ = true;
    CheckResult r = Judge(*view.page, *view.url, PageResult(view));
    if (!observatory::ReadsAsHtml(view.exchange.response_headers)) {
      r.observatory_result = kNotHtml;
      r.details.Str("divergence", "the Observatory reports " + std::string(kNotHtml) +
          ": it parses a response only when its Content-Type is exactly text/html or application/xhtml+xml before any "
          "';' (case and spaces count); browsers render this one as HTML, so this check judges its scripts");
    }
    out.Emit(std::move(r));
  }

  void OnFinish(const AuditContext& ctx, ResultSink& out) override {
    if (page_seen_ || not_html_.empty()) return;
    CheckResult r = PageResult(not_html_);
    r.outcome = kNotHtml;
    r.details.Str("mime_type", not_html_mime_);
    out.Emit(std::move(r));
  }

 private:
  // Remembers the first successful non-HTML answer on the target's host (the Observatory's
  // not-html case applies when the audited URL itself is not a page).
  void NoteNonHtml(const ExchangeView& view, const AuditContext& ctx) {
    const Exchange& ex = view.exchange;
    if (!not_html_.empty() || ex.status < 200 || ex.status >= 300 || ex.method != "GET") return;
    if (!ctx.target() || view.url->host() != ctx.target()->host()) return;
    not_html_ = text::SafeUtf8(ex.url, limits::kMaxUrlBytes);
    not_html_mime_ = text::SafeUtf8(ex.mime_type, 128);
  }

  static CheckResult Judge(const PageModel& page, const Url& page_url, CheckResult r) {
    std::optional<Url> obs_base;
    if (!page.base_href().empty()) obs_base = Url::Parse(text::Trim(page.base_href()));
    const Url base = page_links::BaseUrl(page, page_url);
    std::vector<Resource> resources;
    DetailList listed;
    std::size_t scripts = 0, unlisted = 0;
    for (std::size_t i = 0; i < page.elements().size(); ++i) {
      const HtmlElement& e = page.elements()[i];
      if (e.in_template) continue;
      const std::string* ref = nullptr;
      Resource res;
      if (e.tag == "script"sv) {
        ++scripts;
        ref = e.Attr("src");
        if (ref == nullptr || ref->empty()) continue;  // inline: counted, not classified
      } else if (e.tag == "link"sv && page_links::HasToken(e.Attr("rel"), "stylesheet")) {
        ref = e.Attr("href");
        if (ref == nullptr || text::Trim(*ref).empty()) continue;
        res.script = false;
      } else {
        continue;
      }
      Classify(*ref, page_url, obs_base, res);
      const std::string* integrity = e.Attr("integrity");
      const std::string status = IntegrityStatus(integrity);
      res.obs_integrity = integrity != nullptr && !integrity->empty();
      res.valid_integrity = status == "valid";
      const std::optional<Url> resolved = base.Resolve(*ref);
      if (!res.script && resolved && resolved->IsHttp() && !resolved->SameSite(page_url))
        res.insecure_cross_site_stylesheet = true;
      resources.push_back(res);
      if (resolved && resolved->IsHttpOrHttps() && resolved->SameOrigin(page_url) && !res.foreign) continue;
      if (listed.size() >= kMaxListed) {
        ++unlisted;
        continue;
      }
      listed.Add(Describe(e, res, status, resolved, *ref, page_url));
    }
    const std::string obs = Verdict(resources, scripts, false);
    const std::string truth = Verdict(resources, scripts, true);
    if (ModifierRank(truth) < ModifierRank(obs)) {
      r.outcome = truth;
      r.observatory_result = obs;
      r.details.Str("divergence", "the Observatory reports " + obs +
          ": it accepts any non-empty integrity attribute and ignores stylesheets; this check counts only well-formed "
          "digests and insecure cross-site stylesheets");
    } else {
      r.outcome = obs;
      for (const Resource& res : resources) {
        if (res.script && res.protocol_relative && page_url.IsHttps()) {
          r.details.Str("divergence",
              "protocol-relative script URLs load over https on this https page; the Observatory still counts them as "
              "not loaded securely (write them as https:// URLs)");
          break;
        }
      }
    }
    r.details.Set("resources", std::move(listed));
    r.details.Int("scripts", static_cast<std::int64_t>(scripts));
    if (unlisted) r.details.Int("unlisted", static_cast<std::int64_t>(unlisted));
    return r;
  }

  static Details Describe(const HtmlElement& e, const Resource& res, const std::string& status,
                               const std::optional<Url>& resolved, const std::string& ref, const Url& page_url) {
    Details o;
    o.Str("url", resolved ? resolved->href() : ref, limits::kMaxUrlBytes);
    o.Str("kind", res.script ? "script" : "stylesheet");
    o.Bool("same_site", resolved ? resolved->SameSite(page_url) : !res.foreign);
    o.Str("integrity", status);
    const std::string* co = e.Attr("crossorigin");
    o.Set("crossorigin", co ? json::Str(text::SafeUtf8(*co, 64)) : json::Value());
    if (res.protocol_relative) o.Bool("protocol_relative", true);
    if (status != "missing" && status != "empty" && co == nullptr && !(resolved && resolved->SameOrigin(page_url)))
      o.Str("note", "integrity without crossorigin: the browser refuses this cross-origin resource");
    return o;
  }

  bool page_seen_ = false;
  std::string not_html_, not_html_mime_;
};

}  // namespace

extern const CheckDescriptor kPageSriCheck;  // listed in checks/registry.cc
const CheckDescriptor kPageSriCheck{"page.sri", CheckInput::kExchangesWithUrl, &MakeCheck<SriCheck>};

}  // namespace portal_check
