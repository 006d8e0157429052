// cookie.flags (graded): the Mozilla HTTP Observatory's "cookies" test, with a broader notion of
// session cookie (rules/data/session-cookies.json) and anti-CSRF cookie
// (rules/data/anti-csrf-cookies.json).
//
// Evidence: every HTML page response (view.page != nullptr) and the Set-Cookie fields of the
// redirect hops that led to it (PageCookieTracker: same-site hops only, bounded). Cookies set by
// other responses (scripts, XHR, images) are not judged here: the Observatory's jar holds only
// the cookies of its own fetches of the site's root, which are this page and its redirect chain.
//
// Logic (as the Observatory, learnt from its test, not copied): every cookie in the jar can only
// make the result worse, in the Observatory's order from best to worst. Without Secure a cookie is
// "without-secure-flag", softened to "...-but-protected-by-hsts" when the page is https with an
// HSTS policy the Observatory accepts (valid, max-age >= six months); session cookies without
// Secure or HttpOnly, anti-CSRF cookies without SameSite, SameSite=None without Secure and
// malformed SameSite values are worse. With nothing wrong, the result depends on whether every
// cookie has a SameSite attribute. A jar with no cookie is "cookies-not-found".
//
// Cookies a browser refuses (empty name, foreign Domain, a broken __Secure-/__Host- prefix) are
// listed but not judged.
//
// Divergences from the Observatory, reported through CheckResult::observatory_result: our
// session/anti-CSRF lists are broader; a malformed SameSite counts on every response of the
// chain (the Observatory reads the raw Set-Cookie text of the final response only, where a cookie
// named "samesite" looks like a malformed attribute); its jar (tough-cookie) applies the prefix
// rules case-sensitively and without looking at the scheme, and it ignores
// "heroku-session-affinity"; it softens missing Secure flags with its own reading of HSTS (a
// non-numeric max-age passes there, a repeated field fails), we with RFC 6797's.
#include <algorithm>
#include <array>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.h"
#include "checks/support/page_cookies.h"
#include "checks/audit_context.h"
#include "normalize/hsts.h"
#include "normalize/observatory_view.h"
#include "normalize/set_cookie.h"
#include "util/json.h"
#include "util/text.h"

namespace portal_check {
namespace {

constexpr std::string_view kId = "cookie.flags";
constexpr std::string_view kNotFound = "cookies-not-found";
constexpr std::string_view kAllGoodSameSite = "cookies-secure-with-httponly-sessions-and-samesite";
constexpr std::string_view kAllGood = "cookies-secure-with-httponly-sessions";
constexpr std::string_view kNoSecureHsts = "cookies-without-secure-flag-but-protected-by-hsts";
constexpr std::string_view kNoSecure = "cookies-without-secure-flag";
constexpr std::string_view kSessionNoSecureHsts = "cookies-session-without-secure-flag-but-protected-by-hsts";
constexpr std::string_view kSameSiteInvalid = "cookies-samesite-flag-invalid";
constexpr std::string_view kAntiCsrfNoSameSite = "cookies-anticsrf-without-samesite-flag";
constexpr std::string_view kSessionNoHttpOnly = "cookies-session-without-httponly-flag";
constexpr std::string_view kSessionNoSecure = "cookies-session-without-secure-flag";

// Best to worst: a code replaces the current one only when it stands later in this list.
constexpr std::array<std::string_view, 7> kBestToWorst = {
    kNoSecureHsts, kNoSecure, kSessionNoSecureHsts, kSameSiteInvalid, kAntiCsrfNoSameSite, kSessionNoHttpOnly,
    kSessionNoSecure};

std::size_t Rank(std::string_view code) {
  for (std::size_t i = 0; i < kBestToWorst.size(); ++i)
    if (kBestToWorst[i] == code) return i;
  return 0;
}

// Keeps the worse of `current` ("" = nothing yet) and `candidate`.
void Worsen(std::string_view& current, std::string_view candidate) {
  if (current.empty() || Rank(candidate) > Rank(current)) current = candidate;
}

bool SameSiteValid(const SetCookie& c) {
  return c.same_site && (text::EqualsIgnoreCase(*c.same_site, "strict") || text::EqualsIgnoreCase(*c.same_site, "lax") ||
                         text::EqualsIgnoreCase(*c.same_site, "none"));
}
bool SameSiteNone(const SetCookie& c) { return c.same_site && text::EqualsIgnoreCase(*c.same_site, "none"); }
bool SameSiteMalformed(const SetCookie& c) { return c.same_site && !SameSiteValid(c); }

// One cookie of the jar, classified twice: by our lists and by the Observatory's markers.
struct Judged {
  const ObservedCookie* observed;
  bool evaluated;      // false for cookies browsers drop (empty name, foreign Domain, broken prefix)
  bool obs_evaluated;  // false for cookies the Observatory's jar does not keep
  bool session, anticsrf;
  bool obs_session, obs_anticsrf;
};

// What the two verdicts soften missing Secure flags with, and the raw-text SameSite check the
// Observatory adds on the page response.
struct JarContext {
  bool hsts = false;             // our reading (RFC 6797) of the page's HSTS protects cookies
  bool obs_hsts = false;         // the Observatory's HSTS test passes on the page
  bool obs_raw_samesite = false; // the page's raw Set-Cookie text has a malformed SameSite for it
};

// The Observatory's per-cookie verdicts, for one classification.
void JudgeCookie(const SetCookie& c, bool session, bool anticsrf, bool hsts, std::string_view& result,
                 bool& missing_samesite) {
  if (!c.secure && SameSiteNone(c)) Worsen(result, kSameSiteInvalid);
  if (!c.secure) Worsen(result, hsts ? kNoSecureHsts : kNoSecure);
  if (anticsrf && !SameSiteValid(c)) Worsen(result, kAntiCsrfNoSameSite);
  if (session && !c.secure) Worsen(result, hsts ? kSessionNoSecureHsts : kSessionNoSecure);
  if (session && !c.http_only) Worsen(result, kSessionNoHttpOnly);
  if (!SameSiteValid(c)) missing_samesite = true;
}

// The outcome code for the jar. `observatory` selects the Observatory's jar, classification, HSTS
// reading and raw-text SameSite check.
std::string_view Evaluate(const std::vector<Judged>& cookies, const JarContext& jc, bool observatory) {
  std::string_view result;
  if (observatory ? jc.obs_raw_samesite : std::any_of(cookies.begin(), cookies.end(), [](const Judged& j) {
        return SameSiteMalformed(j.observed->cookie);
      }))
    Worsen(result, kSameSiteInvalid);
  bool any = false, missing_samesite = false;
  for (const Judged& j : cookies) {
    if (!(observatory ? j.obs_evaluated : j.evaluated)) continue;
    any = true;
    JudgeCookie(j.observed->cookie, observatory ? j.obs_session : j.session,
                observatory ? j.obs_anticsrf : j.anticsrf, observatory ? jc.obs_hsts : jc.hsts, result,
                missing_samesite);
  }
  if (!any) return kNotFound;
  if (!result.empty()) return result;
  return missing_samesite ? kAllGood : kAllGoodSameSite;
}

// Stable problem codes for one cookie, as our classification sees it.
DetailList CookieProblems(const Judged& j, bool hsts) {
  const SetCookie& c = j.observed->cookie;
  DetailList p;
  auto add = [&p](std::string_view s) { p.Str(s); };
  if (c.name.empty()) add("empty-name-ignored-by-browsers");
  else if (BrowserRefusesPrefix(*j.observed)) add("prefix-rejected-by-browsers");
  else if (!j.evaluated) add("domain-rejected-by-browsers");
  if (!c.secure) add(hsts ? "secure-missing-hsts-protected" : "secure-missing");
  if (j.session && !c.http_only) add("httponly-missing");
  if (SameSiteMalformed(c)) add("samesite-invalid");
  if (!c.secure && SameSiteNone(c)) add("samesite-none-without-secure");
  if (!c.same_site) add("samesite-missing");
  if (j.anticsrf && !SameSiteValid(c)) add("anticsrf-samesite-missing");
  return p;
}

Details CookieDetails(const Judged& j, bool hsts) {
  const SetCookie& c = j.observed->cookie;
  Details d;
  d.Str("name", c.name, 256);
  d.Bool("secure", c.secure);
  d.Bool("httpOnly", c.http_only);
  d.Set("sameSite", c.same_site ? json::Str(text::SafeUtf8(*c.same_site, 64)) : json::Value());
  d.Bool("session", j.session);
  d.Bool("antiCsrf", j.anticsrf);
  d.Set("problems", CookieProblems(j, hsts));
  if (!c.problems.empty()) {
    DetailList syntax;
    for (const std::string& s : c.problems) syntax.Str(s, 256);
    d.Set("syntax", std::move(syntax));
  }
  return d;
}

JarContext ContextOf(const ExchangeView& view) {
  JarContext jc;
  const HeaderList& headers = view.exchange.response_headers;
  for (const std::string& raw : observatory::SetCookies(headers))
    jc.obs_raw_samesite = jc.obs_raw_samesite || ObservatorySameSiteMalformed(raw);
  if (!view.url || !view.url->IsHttps()) return jc;
  std::optional<std::string_view> sts = headers.Get("strict-transport-security");
  jc.hsts = sts && HstsProtects(ParseHsts(*sts));
  const auto& tls = view.exchange.tls;
  const bool untrusted = tls && tls->trusted.has_value() && !*tls->trusted;  // hsts-invalid-cert there
  jc.obs_hsts = !untrusted && ObservatoryHstsPasses(ObservatoryHstsResult(observatory::Header(headers, "strict-transport-security")));
  return jc;
}

// Why the Observatory's verdict differs from ours on this jar (stable English phrases).
DetailList DivergenceNotes(const std::vector<Judged>& judged, const JarContext& jc) {
  DetailList notes;
  auto note = [&notes](std::string_view s) { notes.Str(s); };
  bool jar = false, lists = false;
  for (const Judged& j : judged) {
    jar = jar || j.evaluated != j.obs_evaluated;
    lists = lists || j.session != j.obs_session || j.anticsrf != j.obs_anticsrf;
  }
  if (jar)
    note("the Observatory's cookie jar keeps or drops cookies by its own rules: __Secure-/__Host- matched "
         "case-sensitively and without looking at the scheme, heroku-session-affinity ignored by name");
  if (lists) note("our session and anti-CSRF cookie lists are broader than the Observatory's sess/login/csrf markers");
  if (jc.hsts != jc.obs_hsts)
    note("the Observatory softens missing Secure flags with its own reading of Strict-Transport-Security");
  if (jc.obs_raw_samesite)
    note("the Observatory scans the page's raw Set-Cookie text for SameSite: a cookie named samesite counts as a "
         "malformed attribute there");
  if (notes.empty()) note("a malformed SameSite on a redirect hop counts here; the Observatory reads the page's own fields");
  return notes;
}

class CookieFlagsCheck : public PageCookieCheck {
 protected:
  void JudgeJar(const ExchangeView& view, const AuditContext& ctx, const PageCookieJar& jar, CheckResult& r) override {
    std::vector<Judged> judged = Classify(jar, ctx);
    const JarContext jc = ContextOf(view);
    std::string_view ours = Evaluate(judged, jc, false);
    std::string_view theirs = Evaluate(judged, jc, true);
    r.outcome = std::string(ours);
    r.details = JarDetails(jar, judged, jc.hsts);
    if (theirs != ours) {
      r.observatory_result = std::string(theirs);
      r.details.Set("observatory_divergence", DivergenceNotes(judged, jc));
    }
  }

 private:
  static std::vector<Judged> Classify(const PageCookieJar& jar, const AuditContext& ctx) {
    std::vector<Judged> out;
    for (const ObservedCookie& o : jar.cookies) {
      const std::string& n = o.cookie.name;
      bool evaluated = !n.empty() && CookieDomainAccepted(o.cookie, o.host) && !BrowserRefusesPrefix(o);
      out.push_back(Judged{&o, evaluated, ObservatoryJarKeeps(o), IsSessionCookie(n, ctx), IsAntiCsrfCookie(n, ctx),
                           IsObservatorySessionCookie(n), IsObservatoryAntiCsrfCookie(n)});
    }
    return out;
  }

  static Details JarDetails(const PageCookieJar& jar, const std::vector<Judged>& judged, bool hsts) {
    Details d;
    DetailList cookies;
    for (const Judged& j : judged) cookies.Add(CookieDetails(j, hsts));
    d.Set("cookies", cookies);
    d.Bool("hstsProtects", hsts);
    d.Int("fromRedirects", static_cast<std::int64_t>(jar.carried));
    if (jar.ignored > 0) d.Int("ignoredSetCookie", static_cast<std::int64_t>(jar.ignored));
    if (jar.truncated) d.Bool("truncated", true);
    return d;
  }
};

}  // namespace

extern const CheckDescriptor kCookieFlagsCheck;  // listed in checks/registry.cc
const CheckDescriptor kCookieFlagsCheck{kId, CheckInput::kEveryExchange, &MakeCheck<CookieFlagsCheck>};

}  // namespace portal_check
