// The site.* checks driven directly (the realistic cases are in rules/site.*.cases.json), the
// security.txt parser and the shared version-banner scanner.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_harness.h"
#include "evidence/har_reader.h"
#include "normalize/security_txt.h"
#include "normalize/version_token.h"
#include "util/json.h"

namespace portal_check {
namespace {

using testing::AddResponseHeaders;
using testing::DetailOrNull;
using testing::MakeGet;
using testing::MakeRedirect;
using testing::RunOne;
using testing::StringsOf;

constexpr char kHome[] = "https://portal.example.gov.vn/";
constexpr char kSecTxt[] = "https://portal.example.gov.vn/.well-known/security.txt";

Exchange Home() { return MakeGet(kHome, 200, "text/html", "<!doctype html><html><body><p>Trang chủ</p></body></html>"); }

Exchange With(Exchange e, std::string purpose, std::string content_type = "") {
  e.purpose = std::move(purpose);
  if (!content_type.empty()) AddResponseHeaders(e, {{"Content-Type", content_type}});
  e.started = ParseIsoDateTime("2026-11-20T08:00:00+07:00");
  return e;
}

// ---- security.txt parser

TEST(SecurityTxtParse, FieldsCommentsCrlfAndInvalidLines) {
  const SecurityTxt s = ParseSecurityTxt("\xEF\xBB\xBF# comment\r\nContact: mailto:a@b.vn\r\nCONTACT:tel:+84\r\n\r\nnot a field\r\nExpires: 2027-01-01T00:00:00Z");
  ASSERT_EQ(s.fields.size(), 3u);
  EXPECT_EQ(s.fields[1].name, "contact");
  EXPECT_EQ(s.fields[1].value, "tel:+84");
  EXPECT_EQ(s.fields[2].line, 6);
  EXPECT_EQ(s.invalid_lines, std::vector<int>{5});
  EXPECT_TRUE(s.uses_crlf);
  EXPECT_FALSE(s.is_signed);
  EXPECT_EQ(s.Values("contact").size(), 2u);
}

TEST(SecurityTxtParse, SignedMessageIsReadInsideTheFrameOnly) {
  const SecurityTxt s = ParseSecurityTxt(
      "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n- Contact: mailto:a@b.vn\nExpires: 2027-01-01T00:00:00Z\n"
      "-----BEGIN PGP SIGNATURE-----\n\nabc=\n-----END PGP SIGNATURE-----\nContact: mailto:evil@x.vn\n");
  EXPECT_TRUE(s.is_signed);
  EXPECT_TRUE(s.signature_well_formed);
  ASSERT_EQ(s.Values("contact").size(), 1u);
  EXPECT_EQ(s.Values("contact")[0], "mailto:a@b.vn");  // dash-escaped line unescaped; text after the signature ignored
  EXPECT_TRUE(s.invalid_lines.empty());
}

TEST(SecurityTxtParse, TruncatedSignatureIsMalformed) {
  const SecurityTxt s = ParseSecurityTxt("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\nContact: mailto:a@b.vn\n");
  EXPECT_TRUE(s.is_signed);
  EXPECT_FALSE(s.signature_well_formed);
}

TEST(SecurityTxtParse, HtmlIsNotSecurityTxt) {
  const SecurityTxt s = ParseSecurityTxt("<html>\n<body>\n</body>\n</html>\n");
  EXPECT_TRUE(s.fields.empty());
  EXPECT_EQ(s.invalid_lines.size(), 4u);
}

// ---- site.security-txt

TEST(SiteSecurityTxt, NotCapturedWithoutAnyRequest) {
  EXPECT_EQ(RunOne("site.security-txt", {Home()}).outcome, "not-captured");
}

TEST(SiteSecurityTxt, WithoutRequestTimeTheExpiryIsNotJudged) {
  Exchange e = With(MakeGet(kSecTxt, 200, "text/plain", "Contact: mailto:a@b.vn\nExpires: 2001-01-01T00:00:00Z\n"),
                    "security-txt", "text/plain; charset=utf-8");
  e.started.reset();
  const CheckResult r = RunOne("site.security-txt", {Home(), e});
  EXPECT_EQ(r.outcome, "valid-with-recommendations");
  EXPECT_TRUE(DetailOrNull(r, "expiry_unchecked").is<bool>());
  ASSERT_TRUE(r.page.has_value());
  EXPECT_EQ(*r.page, kSecTxt);
}

TEST(SiteSecurityTxt, WellKnownWinsOverLegacyAndHttps) {
  Exchange legacy = With(MakeGet("https://portal.example.gov.vn/security.txt", 200, "text/plain", "Contact: mailto:a@b.vn\n"), "");
  Exchange wk = With(MakeGet(kSecTxt, 200, "text/plain", "Contact: mailto:a@b.vn\nExpires: 2027-01-01T00:00:00Z\n"), "", "text/plain; charset=utf-8");
  EXPECT_EQ(RunOne("site.security-txt", {Home(), legacy, wk}).outcome, "valid-with-recommendations");
  // Only the legacy location answers: a MUST of RFC 9116 is broken.
  Exchange missing = With(MakeGet(kSecTxt, 404, "text/html", "<html><body>404</body></html>"), "");
  Exchange legacy_ok = With(MakeGet("https://portal.example.gov.vn/security.txt", 200, "text/plain",
                                    "Contact: mailto:a@b.vn\nExpires: 2027-01-01T00:00:00Z\n"), "", "text/plain; charset=utf-8");
  const CheckResult r = RunOne("site.security-txt", {Home(), missing, legacy_ok});
  EXPECT_EQ(r.outcome, "invalid");
  EXPECT_EQ(StringsOf(DetailOrNull(r, "errors")), std::vector<std::string>{"not-well-known"});
}

TEST(SiteSecurityTxt, AnotherSitesFileIsIgnored) {
  Exchange other = With(MakeGet("https://cdn.example.com/.well-known/security.txt", 200, "text/plain", "Contact: mailto:a@b.vn\n"), "");
  EXPECT_EQ(RunOne("site.security-txt", {Home(), other}).outcome, "not-captured");
}

TEST(SiteSecurityTxt, ExpiredAndInvalidTogetherIsInvalid) {
  Exchange e = With(MakeGet(kSecTxt, 200, "text/plain", "Expires: 2020-01-01T00:00:00Z\n"), "security-txt", "text/plain; charset=utf-8");
  const CheckResult r = RunOne("site.security-txt", {Home(), e});
  EXPECT_EQ(r.outcome, "invalid");
  EXPECT_EQ(StringsOf(DetailOrNull(r, "errors")), (std::vector<std::string>{"no-contact", "expired"}));
}

// ---- site.robots

TEST(SiteRobots, NotCapturedWithoutRobots) { EXPECT_EQ(RunOne("site.robots", {Home()}).outcome, "not-captured"); }

TEST(SiteRobots, SitemapAndCommentsAreNotPaths) {
  Exchange e = With(MakeGet("https://portal.example.gov.vn/robots.txt", 200, "text/plain",
                            "# Disallow: /admin/\nSitemap: https://portal.example.gov.vn/admin-sitemap.xml\nDisallow: /tim-kiem\n"),
                    "robots");
  EXPECT_EQ(RunOne("site.robots", {Home(), e}).outcome, "none");
}

// ---- site.exposed-files

TEST(SiteExposedFiles, NotProbedWithoutConsent) {
  EXPECT_EQ(RunOne("site.exposed-files", {Home()}).outcome, "not-probed");
}

TEST(SiteExposedFiles, TarArchiveByItsUstarMagic) {
  std::string tar(512, '\0');
  tar.replace(0, 10, "portal/ind");
  tar.replace(257, 5, "ustar");
  Exchange e = With(MakeGet("https://portal.example.gov.vn/backup.tar", 200, "application/x-tar", tar), "probe");
  e.body_is_text = false;
  EXPECT_EQ(RunOne("site.exposed-files", {Home(), e}).outcome, "exposed");
  Exchange short_body = With(MakeGet("https://portal.example.gov.vn/backup.tar", 200, "application/x-tar", "ustar"), "probe");
  EXPECT_EQ(RunOne("site.exposed-files", {Home(), short_body}).outcome, "none");
}

TEST(SiteExposedFiles, GitHeadInsideAnHtmlPageIsASoft404) {
  Exchange e = With(MakeGet("https://portal.example.gov.vn/.git/HEAD", 200, "text/html",
                            "<!doctype html><html><body>ref: refs/heads/main</body></html>"), "probe");
  const CheckResult r = RunOne("site.exposed-files", {Home(), e});
  EXPECT_EQ(r.outcome, "none");
  EXPECT_EQ(DetailOrNull(r, "soft_404").get<std::int64_t>(), 1);
}

// ---- site.admin-exposure

TEST(SiteAdminExposure, NotCapturedWithoutAdminPaths) {
  EXPECT_EQ(RunOne("site.admin-exposure", {Home()}).outcome, "not-captured");
}

TEST(SiteAdminExposure, PathPrefixMustEndAtASegment) {
  // /administration-news is not /admin; /adminer is not listed either.
  Exchange e = MakeGet("https://portal.example.gov.vn/adminnews", 200, "text/html",
                       "<html><body><form><input type=password></form></body></html>");
  EXPECT_EQ(RunOne("site.admin-exposure", {Home(), e}).outcome, "not-captured");
}

TEST(SiteAdminExposure, UnauthorizedWithoutPromptIsRestricted) {
  Exchange e = With(MakeGet("https://portal.example.gov.vn/admin", 401, "text/html", "<html><body>401</body></html>"), "admin");
  const CheckResult r = RunOne("site.admin-exposure", {Home(), e});
  EXPECT_EQ(r.outcome, "none");
  EXPECT_EQ(DetailOrNull(r, "restricted").get<std::int64_t>(), 1);
}

// ---- site.error-page

TEST(SiteErrorPage, NotCapturedWithoutTheRandomPath) {
  EXPECT_EQ(RunOne("site.error-page", {Home()}).outcome, "not-captured");
}

TEST(SiteErrorPage, JudgedWhereTheRedirectChainEnds) {
  const std::string random = "https://portal.example.gov.vn/portal-check-0011-khong-ton-tai";
  Exchange hop = With(MakeRedirect(random, "https://portal.example.gov.vn/404.aspx"), "error-page");
  Exchange end = With(MakeGet("https://portal.example.gov.vn/404.aspx", 404, "text/html",
                              "<html><body><address>Microsoft-IIS/8.5</address></body></html>"), "error-page");
  const CheckResult r = RunOne("site.error-page", {Home(), hop, end});
  EXPECT_EQ(r.outcome, "disclosing");
  EXPECT_EQ(StringsOf(DetailOrNull(r, "versions")), std::vector<std::string>{"Microsoft-IIS/8.5"});
  ASSERT_TRUE(r.page.has_value());
  EXPECT_EQ(*r.page, "https://portal.example.gov.vn/404.aspx");
}

// ---- site.waf

TEST(SiteWaf, NotCapturedWithoutResponses) {
  EXPECT_EQ(RunOne("site.waf", {MakeGet(kHome, 0, "")}).outcome, "not-captured");
}

TEST(SiteWaf, CookiePrefixIgnoresCaseAndThirdPartyHostsDoNotCount) {
  Exchange own = Home();
  AddResponseHeaders(own, {{"Set-Cookie", "bigipserverPool_web=1677787402.20480.0000; path=/"}});
  EXPECT_EQ(RunOne("site.waf", {own}).outcome, "detected");
  Exchange home = Home();
  Exchange cdn = MakeGet("https://cdnjs.cloudflare.com/ajax/libs/jquery/3.7.1/jquery.min.js", 200, "application/javascript", "");
  AddResponseHeaders(cdn, {{"CF-RAY", "8e1f2a3b4c5d6e7f-SIN"}});
  EXPECT_EQ(RunOne("site.waf", {home, cdn}).outcome, "not-detected");
}

// ---- version banners (shared with header.version-disclosure)

TEST(VersionToken, HasVersionWord) {
  EXPECT_TRUE(HasVersionWord("Apache/2.4.41 (Ubuntu)"));
  EXPECT_TRUE(HasVersionWord("Drupal 9 (https://www.drupal.org)"));
  EXPECT_TRUE(HasVersionWord("v8"));
  EXPECT_FALSE(HasVersionWord("nginx"));
  EXPECT_FALSE(HasVersionWord("ASP.NET"));
}

TEST(VersionToken, FindVersionBanners) {
  EXPECT_EQ(FindVersionBanners("<hr><address>Apache/2.4.29 (Ubuntu) PHP/7.2.24 Server at x Port 80</address>"),
            (std::vector<std::string>{"Apache/2.4.29", "PHP/7.2.24"}));
  EXPECT_EQ(FindVersionBanners("<center>nginx</center> Apache/ and myapache/2.4 /tin-tuc/2026/01"), std::vector<std::string>{});
  EXPECT_EQ(FindVersionBanners("nginx/1.18.0 nginx/1.18.0"), std::vector<std::string>{"nginx/1.18.0"});
  EXPECT_EQ(FindVersionBanners("ASP.NET Version: 4.8.4465.0"), std::vector<std::string>{"ASP.NET Version: 4.8.4465.0"});
}

}  // namespace
}  // namespace portal_check
