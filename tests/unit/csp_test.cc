// CSP parser and evaluator: one header changed at a time on an otherwise clean response, in the
// Observatory's style, checking both our outcome and the Observatory's result code.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/audit_context.h"
#include "normalize/csp_evaluate.h"
#include "normalize/csp_observatory.h"
#include "normalize/csp_parse.h"
#include "normalize/csp_source.h"
#include "evidence/headers.h"
#include "normalize/page_model.h"
#include "normalize/url.h"

namespace portal_check::csp {
namespace {

const BypassHosts kBypass{{ParseBypassUrl("ajax.googleapis.com"), ParseBypassUrl("//www.google-analytics.com/gtm/js"),
                           ParseBypassUrl("cdn.jsdelivr.net")},
                          {ParseBypassUrl("cdnjs.cloudflare.com"), ParseBypassUrl("ajax.googleapis.com")},
                          {"www.google-analytics.com"}};

// The CSP evidence of one page as a response carries it: Content-Security-Policy and -Report-Only
// fields, <meta http-equiv> contents in its <head>, its scheme and Content-Type.
struct Evidence {
  std::vector<std::string> headers, report_only, meta;
  bool https = true;
  std::string content_type = "text/html; charset=utf-8";
};

// The Input the checks collect from that response (CollectInput), browser and Observatory views.
Input Collect(const Evidence& e) {
  HeaderList h;
  h.Add("Content-Type", e.content_type);
  for (const std::string& v : e.headers) h.Add("Content-Security-Policy", v);
  for (const std::string& v : e.report_only) h.Add("Content-Security-Policy-Report-Only", v);
  std::string html = "<!doctype html><html><head>";
  for (const std::string& m : e.meta) html += "<meta http-equiv=\"Content-Security-Policy\" content=\"" + m + "\">";
  html += "</head><body>x</body></html>";
  const PageModel page = PageModel::Build(html, "", true);
  return CollectInput(h, &page, Url::Parse(e.https ? "https://cong.example.gov.vn/" : "http://cong.example.gov.vn/"));
}
const std::string kNonce = "'nonce-R4nd0mN0nc3V4lu3xyz12'";  // 24 chars
const std::string kHash = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='";

struct Both {
  std::string ours;
  std::string obs;
  Evaluation ev;
};

Both RunBoth(const Evidence& e) {
  const Input in = Collect(e);
  Both b;
  b.ev = Evaluate(in, kBypass);
  b.ours = b.ev.outcome;
  b.obs = ObservatoryEvaluate(in).result;
  return b;
}

Both Header(const std::string& value) {
  Evidence in;
  in.headers.push_back(value);
  return RunBoth(in);
}

bool HasIssue(const Evaluation& ev, const std::string& issue) {
  for (const Finding& f : ev.findings)
    if (f.issue == issue) return true;
  return false;
}

TEST(CspTokens, Base64Grammar) {
  EXPECT_TRUE(IsBase64Value("abc+/-_=="));
  EXPECT_FALSE(IsBase64Value(""));
  EXPECT_FALSE(IsBase64Value("abc==="));
  EXPECT_FALSE(IsBase64Value("ab=c"));
  EXPECT_FALSE(IsBase64Value("ab c"));
  EXPECT_TRUE(IsAdequateNonce("R4nd0mN0nc3V4lu3"));
  EXPECT_FALSE(IsAdequateNonce("abc123"));
  EXPECT_FALSE(IsAdequateNonce("{{nonce}}{{nonce}}"));
}

TEST(CspTokens, HashLengths) {
  EXPECT_TRUE(IsValidHash("sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
  EXPECT_TRUE(IsValidHash("sha256", "47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"));
  EXPECT_FALSE(IsValidHash("sha256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuF="));
  EXPECT_FALSE(IsValidHash("sha256", "abc"));
  EXPECT_FALSE(IsValidHash("md5", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="));
  EXPECT_TRUE(IsValidHash("SHA384", std::string(64, 'A')));
  EXPECT_TRUE(IsValidHash("sha512", std::string(86, 'A') + "=="));
  EXPECT_FALSE(IsValidHash("sha512", std::string(87, 'A') + "="));
}

TEST(CspParse, DirectivesDuplicatesAndSyntax) {
  std::vector<Finding> f;
  Policy p = ParsePolicy(" Default-Src 'self' ; script-src 'self'; script-src *;;img-src self; foo-src x;"
                         " reflected-xss block", Origin::kHeader, 0, f);
  ASSERT_NE(p.Find("default-src"), nullptr);
  ASSERT_NE(p.Find("script-src"), nullptr);
  EXPECT_EQ(p.Find("script-src")->values, std::vector<std::string>{"'self'"});
  std::vector<std::string> issues;
  for (const Finding& x : f) issues.push_back(x.issue);
  EXPECT_NE(std::find(issues.begin(), issues.end(), "duplicate-directive"), issues.end());
  EXPECT_NE(std::find(issues.begin(), issues.end(), "unquoted-keyword"), issues.end());
  EXPECT_NE(std::find(issues.begin(), issues.end(), "unknown-directive"), issues.end());
  EXPECT_NE(std::find(issues.begin(), issues.end(), "deprecated-directive"), issues.end());
  EXPECT_EQ(f[0].policy, "header#0");
}

TEST(CspParse, MissingSemicolonAndMetaIgnored) {
  std::vector<Finding> f;
  Policy p = ParsePolicy("default-src 'self' script-src 'none'", Origin::kHeader, 0, f);
  ASSERT_EQ(p.directives.size(), 1u);
  ASSERT_FALSE(f.empty());
  EXPECT_EQ(f[0].issue, "missing-semicolon");
  f.clear();
  Policy m = ParsePolicy("default-src 'self'; frame-ancestors 'none'; report-uri /r", Origin::kMeta, 0, f);
  EXPECT_EQ(m.Find("frame-ancestors"), nullptr);
  EXPECT_EQ(m.Find("report-uri"), nullptr);
  EXPECT_EQ(f.size(), 2u);
}

TEST(CspParse, HeaderCommasSplitPolicies) {
  Input in;
  in.headers.push_back("default-src 'self', script-src 'none'");
  std::vector<Finding> f;
  std::vector<Policy> ps = ParseAll(in, f);
  ASSERT_EQ(ps.size(), 2u);
  EXPECT_EQ(ps[1].Label(), "header#1");
}

// --- one header at a time ---

TEST(CspEvaluate, Missing) {
  Both b = RunBoth(Evidence{});
  EXPECT_EQ(b.ours, "missing");
  EXPECT_EQ(b.obs, "csp-not-implemented");
}

TEST(CspEvaluate, ReportOnly) {
  Evidence in;
  in.report_only.push_back("default-src 'self'; report-uri /csp");
  Both b = RunBoth(in);
  EXPECT_EQ(b.ours, "report-only");
  EXPECT_EQ(b.obs, "csp-not-implemented-but-reporting-enabled");
  EXPECT_TRUE(HasIssue(b.ev, "report-only-only"));
}

TEST(CspEvaluate, DefaultNone) {
  Both b = Header("default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'");
  EXPECT_EQ(b.ours, "default-none");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe-default-src-none");
}

TEST(CspEvaluate, NoUnsafe) {
  Both b = Header("default-src 'self'; object-src 'none'; base-uri 'self'; report-uri /csp");
  EXPECT_EQ(b.ours, "no-unsafe");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe");
  EXPECT_FALSE(HasIssue(b.ev, "no-reporting"));
}

TEST(CspEvaluate, UnsafeInline) {
  Both b = Header("default-src 'self'; script-src 'self' 'unsafe-inline'; object-src 'none'");
  EXPECT_EQ(b.ours, "unsafe-inline");
  EXPECT_EQ(b.obs, "csp-implemented-with-unsafe-inline");
  EXPECT_TRUE(HasIssue(b.ev, "unsafe-inline"));
}

TEST(CspEvaluate, UnsafeEval) {
  Both b = Header("default-src 'self'; script-src 'self' 'unsafe-eval'; object-src 'none'");
  EXPECT_EQ(b.ours, "unsafe-eval");
  EXPECT_EQ(b.obs, "csp-implemented-with-unsafe-eval");
}

TEST(CspEvaluate, StyleOnly) {
  Both b = Header("default-src 'self'; style-src 'self' 'unsafe-inline'");
  EXPECT_EQ(b.ours, "unsafe-inline-style-only");
  EXPECT_EQ(b.obs, "csp-implemented-with-unsafe-inline-in-style-src-only");
}

TEST(CspEvaluate, InsecureSchemes) {
  Both a = Header("default-src 'self'; script-src 'self' http://cdn.example.gov.vn");
  EXPECT_EQ(a.ours, "insecure-scheme");
  EXPECT_EQ(a.obs, "csp-implemented-with-insecure-scheme");
  EXPECT_TRUE(HasIssue(a.ev, "http-source"));
  Both p = Header("default-src 'self'; img-src 'self' http:");
  EXPECT_EQ(p.ours, "insecure-scheme-passive-only");
  EXPECT_EQ(p.obs, "csp-implemented-with-insecure-scheme-in-passive-content-only");
}

TEST(CspEvaluate, MissingObjectSrcIsUnsafe) {
  Both b = Header("script-src 'self'");
  EXPECT_EQ(b.ours, "unsafe-inline");
  EXPECT_EQ(b.obs, "csp-implemented-with-unsafe-inline");
  EXPECT_TRUE(HasIssue(b.ev, "missing-object-src"));
}

TEST(CspEvaluate, NonceVoidsUnsafeInline) {
  Both b = Header("script-src " + kNonce + " 'unsafe-inline'; object-src 'none'; base-uri 'none'; style-src 'self'");
  EXPECT_EQ(b.ours, "no-unsafe");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe");
}

TEST(CspEvaluate, HashVoidsUnsafeInline) {
  Both b = Header("script-src " + kHash + " 'unsafe-inline'; object-src 'none'; base-uri 'none'; style-src 'self'");
  EXPECT_EQ(b.ours, "no-unsafe");
}

TEST(CspEvaluate, ShortNonceDoesNotVoidButObservatoryAccepts) {
  Both b = Header("script-src 'nonce-abc123' 'unsafe-inline'; object-src 'none'; base-uri 'none'; style-src 'self'");
  EXPECT_EQ(b.ours, "unsafe-inline");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe");
  EXPECT_TRUE(HasIssue(b.ev, "short-nonce"));
  ASSERT_FALSE(b.ev.observatory_notes.empty());
}

TEST(CspEvaluate, TemplatePlaceholderNonce) {
  Both b = Header("script-src 'nonce-' 'unsafe-inline'; object-src 'none'; style-src 'self'");
  EXPECT_EQ(b.ours, "unsafe-inline");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe");
  EXPECT_TRUE(HasIssue(b.ev, "invalid-keyword"));  // no base64 value: not a nonce-source at all
}

TEST(CspEvaluate, StrictDynamicIgnoresAllowlist) {
  Both b = Header("script-src " + kNonce + " 'strict-dynamic' https: 'unsafe-inline'; object-src 'none'; base-uri 'none'; style-src 'self'");
  EXPECT_EQ(b.ours, "no-unsafe");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe");
  EXPECT_FALSE(HasIssue(b.ev, "plain-scheme"));
}

TEST(CspEvaluate, StrictDynamicWithoutNonce) {
  Both b = Header("script-src 'strict-dynamic' 'self'; object-src 'none'; style-src 'self'");
  EXPECT_EQ(b.ours, "no-unsafe");
  EXPECT_EQ(b.obs, "csp-header-invalid");
  EXPECT_TRUE(HasIssue(b.ev, "strict-dynamic-without-nonce"));
}

TEST(CspEvaluate, MissingBaseUriWithNonce) {
  Both b = Header("script-src " + kNonce + "; object-src 'none'");
  EXPECT_TRUE(HasIssue(b.ev, "missing-base-uri"));
}

TEST(CspEvaluate, ScriptSrcElemFallback) {
  // script-src-elem governs <script>; script-src still governs inline handlers.
  Both b = Header("default-src 'self'; script-src-elem 'self' 'unsafe-inline'; object-src 'none'");
  EXPECT_EQ(b.ours, "unsafe-inline");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe");
  Both attr = Header("default-src 'self'; script-src-attr 'unsafe-inline'; object-src 'none'");
  EXPECT_EQ(attr.ours, "unsafe-inline");
}

TEST(CspEvaluate, BypassHosts) {
  Both b = Header("default-src 'self'; script-src 'self' ajax.googleapis.com https://*.jsdelivr.net; object-src 'none'");
  EXPECT_EQ(b.ours, "no-unsafe");
  EXPECT_TRUE(HasIssue(b.ev, "jsonp-bypass-host"));
  EXPECT_TRUE(HasIssue(b.ev, "angular-bypass-host"));
  Both path = Header("default-src 'self'; script-src https://ajax.googleapis.com/ajax/libs/jquery/; object-src 'none'");
  EXPECT_FALSE(HasIssue(path.ev, "jsonp-bypass-host"));
}

TEST(CspEvaluate, IntersectionTakesStrictest) {
  Evidence in;
  in.headers.push_back("default-src * 'unsafe-inline' 'unsafe-eval'");
  in.headers.push_back("script-src 'self'; object-src 'none'");
  Both b = RunBoth(in);
  EXPECT_EQ(b.ours, "unsafe-inline-style-only");  // scripts and objects restricted by the second
  EXPECT_EQ(b.ev.enforced_policies, 2);
}

TEST(CspEvaluate, MetaPolicy) {
  Evidence in;
  in.meta.push_back("default-src 'self'; object-src 'none'; frame-ancestors 'none'");
  Both b = RunBoth(in);
  EXPECT_EQ(b.ours, "no-unsafe");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe");
  EXPECT_TRUE(HasIssue(b.ev, "ignored-in-meta"));
  Evidence only_fa;
  only_fa.meta.push_back("frame-ancestors 'none'");
  Both c = RunBoth(only_fa);
  EXPECT_EQ(c.ours, "missing");
  EXPECT_EQ(c.obs, "csp-not-implemented");
}

TEST(CspEvaluate, InvalidPolicy) {
  Both b = Header("default-src: 'self'");
  EXPECT_EQ(b.ours, "invalid");
  EXPECT_TRUE(HasIssue(b.ev, "invalid-directive-name"));
  Both tiny = Header("a");
  EXPECT_EQ(tiny.obs, "csp-header-invalid");
}

TEST(CspEvaluate, DuplicateDirectiveObservatoryInvalid) {
  Both b = Header("default-src 'self'; object-src 'none'; default-src *");
  EXPECT_EQ(b.ours, "no-unsafe");
  EXPECT_EQ(b.obs, "csp-header-invalid");
  Both r = Header("default-src 'self'; object-src 'none'; report-uri /a; report-uri /b");
  EXPECT_EQ(r.obs, "csp-implemented-but-duplicate-directives");
}

TEST(CspEvaluate, HttpReportUriIsNotActiveContent) {
  Both b = Header("default-src 'self'; object-src 'none'; report-uri http://bao-cao.example.gov.vn/csp");
  EXPECT_EQ(b.ours, "no-unsafe");
  EXPECT_EQ(b.obs, "csp-implemented-with-insecure-scheme");
}

TEST(CspEvaluate, HttpPageIgnoresHttpSources) {
  Evidence in;
  in.https = false;
  in.headers.push_back("default-src 'self' http://cdn.example.gov.vn; object-src 'none'");
  Both b = RunBoth(in);
  EXPECT_EQ(b.ours, "no-unsafe");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe");
}

TEST(CspObservatory, RepeatedHeadersAreJoined) {
  Evidence in;
  in.headers.push_back("default-src 'self'");
  in.headers.push_back("script-src 'self' 'unsafe-inline'");
  ObservatoryCsp obs = ObservatoryEvaluate(Collect(in));
  ASSERT_TRUE(obs.has_data);
  // "default-src 'self', script-src ...": one default-src whose sources include "script-src".
  EXPECT_EQ(obs.data.count("script-src"), 0u);
  EXPECT_EQ(obs.result, "csp-implemented-with-unsafe-inline");
  EXPECT_EQ(Evaluate(Collect(in), kBypass).outcome, "no-unsafe");  // the first policy blocks inline script
}

TEST(CspObservatory, MetaAndHeaderIntersect) {
  Evidence in;
  in.headers.push_back("default-src 'self' https://cdn.example.gov.vn; object-src 'none'");
  in.meta.push_back("default-src 'self'; object-src 'none'; frame-ancestors 'self'");
  ObservatoryCsp obs = ObservatoryEvaluate(Collect(in));
  ASSERT_TRUE(obs.has_data);
  EXPECT_EQ(obs.data.at("default-src"), std::vector<std::string>{"'self'"});
  EXPECT_EQ(obs.data.count("frame-ancestors"), 1u);
}

// --- the Observatory's reading of the same response (observatory_view.h) ---

TEST(CspObservatory, NoBreakSpaceSeparatesThereOnly) {
  // U+00A0 is JavaScript white space: the Observatory reads default-src 'none'; browsers skip the
  // directive (a token with non-ASCII text) and are left with script-src alone.
  Both b = Header("default-src\u00a0'none'; script-src 'self'");
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe-default-src-none");
  EXPECT_EQ(b.ours, "unsafe-inline");  // object-src unrestricted
  EXPECT_TRUE(HasIssue(b.ev, "non-ascii-directive"));
  Both sources = Header("default-src 'self'; script-src 'self'\u00a0'unsafe-inline'");
  EXPECT_EQ(sources.obs, "csp-implemented-with-unsafe-inline");
}

TEST(CspObservatory, EmptyMetaIsNoPolicy) {
  Evidence in;
  in.headers.push_back("default-src 'none'");
  in.meta.push_back("");
  Both b = RunBoth(in);
  EXPECT_EQ(b.obs, "csp-implemented-with-no-unsafe-default-src-none");
  EXPECT_EQ(b.ours, "default-none");
  EXPECT_FALSE(HasIssue(b.ev, "empty-policy"));  // HTML ignores an empty content too
}

TEST(CspObservatory, MetaReadOnlyForExactHtmlType) {
  for (const char* type : {"TEXT/HTML", "text/html ; charset=utf-8"}) {
    Evidence in;
    in.content_type = type;
    in.meta.push_back("default-src 'self'");
    Both b = RunBoth(in);
    EXPECT_EQ(b.obs, "csp-not-implemented") << type;
    EXPECT_EQ(b.ours, "no-unsafe") << type;  // browsers read the page as HTML and apply the meta
  }
  Evidence html;
  html.meta.push_back("default-src 'self'");
  EXPECT_EQ(RunBoth(html).obs, "csp-implemented-with-no-unsafe");
}

// --- csp-evaluator sub-findings ---

TEST(CspFindings, BaseUriMissingOnlyWhenANonceOrHashIsReliedOn) {
  EXPECT_TRUE(HasIssue(Header("script-src " + kNonce + "; object-src 'none'").ev, "missing-base-uri"));
  EXPECT_TRUE(HasIssue(Header("script-src " + kHash + " 'strict-dynamic'; object-src 'none'").ev, "missing-base-uri"));
  EXPECT_FALSE(HasIssue(Header("script-src " + kHash + "; object-src 'none'").ev, "missing-base-uri"));
  EXPECT_FALSE(HasIssue(Header("script-src 'self'; object-src 'none'").ev, "missing-base-uri"));
  EXPECT_FALSE(HasIssue(Header("script-src 'nonce-'; object-src 'none'").ev, "missing-base-uri"));
}

TEST(CspFindings, AnalyticsBypassNeedsEval) {
  EXPECT_FALSE(HasIssue(Header("script-src https://www.google-analytics.com; object-src 'none'").ev, "jsonp-bypass-host"));
  EXPECT_TRUE(HasIssue(Header("script-src https://www.google-analytics.com 'unsafe-eval'; object-src 'none'").ev,
                       "jsonp-bypass-host"));
}

TEST(CspFindings, BypassMatchesAsTheEvaluator) {
  // A wildcard covers subdomains only; a path must match the listed one; script-src-attr hosts
  // load no script.
  EXPECT_FALSE(HasIssue(Header("script-src *.ajax.googleapis.com; object-src 'none'").ev, "jsonp-bypass-host"));
  EXPECT_TRUE(HasIssue(Header("script-src *.googleapis.com; object-src 'none'").ev, "jsonp-bypass-host"));
  EXPECT_TRUE(HasIssue(Header("script-src https://www.google-analytics.com/gtm/ 'unsafe-eval'; object-src 'none'").ev,
                       "jsonp-bypass-host"));
  EXPECT_FALSE(HasIssue(Header("script-src 'self'; script-src-attr cdn.jsdelivr.net; object-src 'none'").ev,
                        "jsonp-bypass-host"));
}

TEST(CspFindings, ScriptSrcElemAloneLeavesHandlersOpen) {
  EXPECT_TRUE(HasIssue(Header("script-src-elem 'self'; object-src 'none'").ev, "missing-script-src"));
  EXPECT_FALSE(HasIssue(Header("script-src-elem 'self'; script-src-attr 'none'; object-src 'none'").ev,
                        "missing-script-src"));
}

TEST(CspFindings, UnquotedTokensInAnyDirective) {
  EXPECT_TRUE(HasIssue(Header("script-src 'self'; object-src 'none'; disown-opener nonce-abc").ev, "unquoted-keyword"));
  EXPECT_TRUE(HasIssue(Header("script-src 'self' 'nonce-ab$c'; object-src 'none'").ev, "invalid-keyword"));
  EXPECT_TRUE(HasIssue(Header("script-src 'self'; object-src 'none'; require-trusted-types-for 'scripts'").ev,
                       "invalid-keyword"));
  EXPECT_FALSE(HasIssue(Header("script-src 'self'; object-src 'none'; trusted-types app 'allow-duplicates'").ev,
                        "invalid-keyword"));
}

TEST(CspFindings, HttpReportUriIsAnHttpSource) {
  Both b = Header("default-src 'self'; object-src 'none'; report-uri http://bao-cao.example.gov.vn/csp");
  EXPECT_TRUE(HasIssue(b.ev, "http-source"));
}

TEST(CspFrameAncestors, Permissive) {
  EXPECT_TRUE(IsPermissiveFrameAncestors(Directive{"frame-ancestors", {"*"}}));
  EXPECT_TRUE(IsPermissiveFrameAncestors(Directive{"frame-ancestors", {"'self'", "https:"}}));
  EXPECT_FALSE(IsPermissiveFrameAncestors(Directive{"frame-ancestors", {"'self'", "https://cong.example.gov.vn"}}));
  EXPECT_FALSE(IsPermissiveFrameAncestors(Directive{"frame-ancestors", {}}));
}

TEST(CspMapping, EveryOutcomeHasAnObservatoryCodeInTheRule) {
  // The Observatory code of each outcome is data (rules/header.csp.json), read through the context.
  const AuditContext ctx(std::nullopt, &testing::RulesetData(), testing::EmbeddedRuleset());
  for (const char* o : {"default-none", "no-unsafe", "unsafe-inline-style-only", "insecure-scheme-passive-only",
                        "unsafe-eval", "unsafe-inline", "insecure-scheme", "invalid", "missing", "report-only"})
    EXPECT_FALSE(ctx.ObservatoryResultFor("header.csp", o).empty()) << o;
  EXPECT_EQ(ctx.ObservatoryResultFor("header.csp", "missing"), "csp-not-implemented");
  EXPECT_EQ(ctx.ObservatoryResultFor("header.csp", "no-such-outcome"), "");
  EXPECT_EQ(AuditContext(std::nullopt, nullptr).ObservatoryResultFor("header.csp", "missing"), "");
}

}  // namespace
}  // namespace portal_check::csp
