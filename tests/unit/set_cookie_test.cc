// Set-Cookie parsing (RFC 6265bis 5.6), cookie dates (5.1.1), name classification from the data
// lists in rules/data/, Domain acceptance and the redirect-chain cookie tracker.
#include <gtest/gtest.h>

#include <string>

#include "check_harness.h"
#include "checks/audit_context.h"
#include "normalize/set_cookie.h"
#include "normalize/url.h"
#include "util/json.h"

namespace portal_check {
namespace {

// The data lists (rules/data/session-cookies.json, anti-csrf-cookies.json, ...) as the engine
// hands them to checks.
const json::Value& CookieData() { return testing::RulesetData(); }

SetCookie Parse(std::string_view header) {
  std::optional<SetCookie> c = ParseSetCookie(header);
  EXPECT_TRUE(c.has_value()) << header;
  return c.value_or(SetCookie{});
}

TEST(ParseSetCookie, NameValueAndAttributes) {
  SetCookie c = Parse("JSESSIONID=8F2C1A9B; Path=/portal; Domain=.Example.GOV.vn; Secure; HttpOnly; SameSite=Lax");
  EXPECT_EQ(c.name, "JSESSIONID");
  EXPECT_EQ(c.value, "8F2C1A9B");
  EXPECT_EQ(c.path, "/portal");
  EXPECT_EQ(c.domain, "example.gov.vn");
  EXPECT_TRUE(c.secure);
  EXPECT_TRUE(c.http_only);
  EXPECT_EQ(c.same_site, "Lax");
  EXPECT_FALSE(c.has_expiry);
  EXPECT_TRUE(c.problems.empty());
}

TEST(ParseSetCookie, NoAttributes) {
  SetCookie c = Parse("lang=vi");
  EXPECT_EQ(c.name, "lang");
  EXPECT_EQ(c.value, "vi");
  EXPECT_FALSE(c.secure);
  EXPECT_FALSE(c.http_only);
  EXPECT_FALSE(c.same_site);
  EXPECT_FALSE(c.domain);
  EXPECT_FALSE(c.path);
}

TEST(ParseSetCookie, AttributeNamesAreCaseInsensitive) {
  SetCookie c = Parse("a=b; SECURE; hTtPoNlY; samesite=STRICT; PATH=/; DOMAIN=x.vn; MAX-AGE=60");
  EXPECT_TRUE(c.secure);
  EXPECT_TRUE(c.http_only);
  EXPECT_EQ(c.same_site, "STRICT");
  EXPECT_EQ(c.path, "/");
  EXPECT_EQ(c.domain, "x.vn");
  EXPECT_EQ(c.max_age, 60);
  EXPECT_TRUE(c.problems.empty());
}

TEST(ParseSetCookie, WhiteSpaceIsTrimmed) {
  SetCookie c = Parse("  sid \t=  abc  ;  Secure ;Path = /a ");
  EXPECT_EQ(c.name, "sid");
  EXPECT_EQ(c.value, "abc");
  EXPECT_TRUE(c.secure);
  EXPECT_EQ(c.path, "/a");
}

TEST(ParseSetCookie, LastAttributeWins) {
  SetCookie c = Parse("a=b; Domain=one.vn; Path=/x; SameSite=Strict; Max-Age=10; Domain=two.vn; Path=/y; SameSite=None; Max-Age=20");
  EXPECT_EQ(c.domain, "two.vn");
  EXPECT_EQ(c.path, "/y");
  EXPECT_EQ(c.same_site, "None");
  EXPECT_EQ(c.max_age, 20);
}

TEST(ParseSetCookie, ValueMayContainEquals) {
  SetCookie c = Parse("XSRF-TOKEN=eyJpdiI6Ik==; path=/");
  EXPECT_EQ(c.name, "XSRF-TOKEN");
  EXPECT_EQ(c.value, "eyJpdiI6Ik==");
}

TEST(ParseSetCookie, EmptyNameCases) {
  SetCookie no_equals = Parse("abc; Secure");
  EXPECT_EQ(no_equals.name, "");
  EXPECT_EQ(no_equals.value, "abc");
  EXPECT_TRUE(no_equals.secure);
  EXPECT_FALSE(no_equals.problems.empty());

  SetCookie leading_equals = Parse("=abc");
  EXPECT_EQ(leading_equals.name, "");
  EXPECT_EQ(leading_equals.value, "abc");

  SetCookie empty_value = Parse("name=");
  EXPECT_EQ(empty_value.name, "name");
  EXPECT_EQ(empty_value.value, "");

  EXPECT_FALSE(ParseSetCookie(""));
  EXPECT_FALSE(ParseSetCookie("="));
  EXPECT_FALSE(ParseSetCookie(" ; Secure"));
}

TEST(ParseSetCookie, ControlCharactersRejectTheCookie) {
  EXPECT_FALSE(ParseSetCookie(std::string("a=b\x01; Secure")));
  EXPECT_FALSE(ParseSetCookie(std::string("a=b\nc")));
  EXPECT_FALSE(ParseSetCookie(std::string("a=b\x7f")));
  EXPECT_TRUE(ParseSetCookie(std::string("a=b;\tSecure")));  // HTAB is allowed
}

TEST(ParseSetCookie, NameValueOverLimitIsIgnored) {
  EXPECT_TRUE(ParseSetCookie("a=" + std::string(4095, 'x')));
  EXPECT_FALSE(ParseSetCookie("a=" + std::string(4096, 'x')));
}

TEST(ParseSetCookie, LongAttributeValueIsIgnored) {
  SetCookie c = Parse("a=b; Path=/" + std::string(1024, 'p'));
  EXPECT_FALSE(c.path);
  EXPECT_FALSE(c.problems.empty());
  SetCookie ok = Parse("a=b; Path=/" + std::string(1023, 'p'));
  EXPECT_TRUE(ok.path);
}

TEST(ParseSetCookie, DomainRules) {
  EXPECT_EQ(Parse("a=b; Domain=.Hanoi.Gov.VN").domain, "hanoi.gov.vn");
  SetCookie empty = Parse("a=b; Domain=");
  EXPECT_FALSE(empty.domain);
  EXPECT_FALSE(empty.problems.empty());
  // An ignored empty Domain does not erase an earlier valid one (the attribute is dropped).
  EXPECT_EQ(Parse("a=b; Domain=x.vn; Domain=").domain, "x.vn");
}

TEST(ParseSetCookie, PathNotStartingWithSlashFallsBackToDefault) {
  SetCookie c = Parse("a=b; Path=portal");
  EXPECT_FALSE(c.path);
  EXPECT_FALSE(c.problems.empty());
  EXPECT_FALSE(Parse("a=b; Path=").path);
}

TEST(ParseSetCookie, MaxAge) {
  EXPECT_EQ(Parse("a=b; Max-Age=0").max_age, 0);
  EXPECT_EQ(Parse("a=b; Max-Age=-5").max_age, -5);
  EXPECT_TRUE(Parse("a=b; Max-Age=7200").has_expiry);
  SetCookie bad = Parse("a=b; Max-Age=12s");
  EXPECT_FALSE(bad.max_age);
  EXPECT_FALSE(bad.has_expiry);
  EXPECT_FALSE(bad.problems.empty());
  EXPECT_FALSE(Parse("a=b; Max-Age=+5").max_age);
  EXPECT_FALSE(Parse("a=b; Max-Age=").max_age);
  // Huge values saturate instead of overflowing.
  EXPECT_GT(*Parse("a=b; Max-Age=99999999999999999999999999").max_age, 0);
}

TEST(ParseSetCookie, Expires) {
  SetCookie c = Parse("a=b; Expires=Wed, 21 Oct 2015 07:28:00 GMT");
  EXPECT_EQ(c.expires, 1445412480);
  EXPECT_TRUE(c.has_expiry);
  SetCookie bad = Parse("a=b; Expires=tomorrow");
  EXPECT_FALSE(bad.expires);
  EXPECT_FALSE(bad.has_expiry);
  EXPECT_FALSE(bad.problems.empty());
}

TEST(ParseSetCookie, SameSiteValues) {
  EXPECT_TRUE(Parse("a=b; SameSite=lax").problems.empty());
  EXPECT_TRUE(Parse("a=b; SameSite=None; Secure").problems.empty());
  SetCookie bogus = Parse("a=b; SameSite=Yes");
  EXPECT_EQ(bogus.same_site, "Yes");
  EXPECT_FALSE(bogus.problems.empty());
  SetCookie bare = Parse("a=b; SameSite");
  EXPECT_EQ(bare.same_site, "");
  EXPECT_FALSE(bare.problems.empty());
}

TEST(ParseSetCookie, OtherAttributes) {
  EXPECT_TRUE(Parse("a=b; Secure; Partitioned").partitioned);
  EXPECT_TRUE(Parse("a=b; Priority=High").problems.empty());
  EXPECT_FALSE(Parse("a=b; Foo=bar").problems.empty());
  EXPECT_TRUE(Parse("a=b; ; ;").problems.empty());  // empty cookie-av are skipped
}

TEST(ParseCookieDate, Formats) {
  EXPECT_EQ(ParseCookieDate("Thu, 01 Jan 1970 00:00:00 GMT"), 0);
  EXPECT_EQ(ParseCookieDate("Sun, 06 Nov 1994 08:49:37 GMT"), 784111777);
  EXPECT_EQ(ParseCookieDate("Sunday, 06-Nov-94 08:49:37 GMT"), 784111777);  // RFC 850
  EXPECT_EQ(ParseCookieDate("Sun Nov  6 08:49:37 1994"), 784111777);         // asctime
  EXPECT_EQ(ParseCookieDate("Fri, 27-Nov-2026 10:00:00 GMT"), 1795773600);
  EXPECT_EQ(ParseCookieDate("Sat, 29 Feb 2020 00:00:00 GMT"), 1582934400);
  EXPECT_EQ(ParseCookieDate("01 Jan 30 00:00:00"), 1893456000);  // two-digit year below 70: 20xx
}

TEST(ParseCookieDate, Failures) {
  EXPECT_FALSE(ParseCookieDate(""));
  EXPECT_FALSE(ParseCookieDate("Wed, 21 Oct 2015"));               // no time
  EXPECT_FALSE(ParseCookieDate("Wed, 21 2015 07:28:00"));          // no month
  EXPECT_FALSE(ParseCookieDate("Sat, 30 Feb 2020 00:00:00 GMT"));  // no such day
  EXPECT_FALSE(ParseCookieDate("Wed, 21 Oct 2015 24:00:00 GMT"));
  EXPECT_FALSE(ParseCookieDate("Wed, 21 Oct 1600 07:28:00 GMT"));
  EXPECT_FALSE(ParseCookieDate("Wed, 32 Oct 2015 07:28:00 GMT"));
}

TEST(IsSessionCookie, KnownFrameworkNames) {
  AuditContext ctx(std::nullopt, &CookieData());
  for (const char* name : {"PHPSESSID", "phpsessid", "JSESSIONID", "ASP.NET_SessionId", ".ASPXAUTH", ".AspNetCore.Session",
                           ".AspNetCore.Identity.Application", "laravel_session", "ci_session", "connect.sid",
                           "wordpress_logged_in_5c3e", "SESS0123abcd", "SSESS0123abcd", "COOKIE_SUPPORT", ".DOTNETNUKE",
                           "ASPSESSIONIDQSTCTBQR", "auth_token", "userLogin", "access_token"})
    EXPECT_TRUE(IsSessionCookie(name, ctx)) << name;
  for (const char* name : {"lang", "GUEST_LANGUAGE_ID", "XSRF-TOKEN", "csrftoken", "wp-settings-1", "wordpress_test_cookie",
                           ".AspNetCore.Antiforgery.Xyz", "_ga", "language", ""})
    EXPECT_FALSE(IsSessionCookie(name, ctx)) << name;
}

TEST(IsSessionCookie, WithoutDataListUsesObservatoryMarkers) {
  AuditContext ctx(std::nullopt, nullptr);
  EXPECT_TRUE(IsSessionCookie("PHPSESSID", ctx));
  EXPECT_TRUE(IsSessionCookie("LoginState", ctx));
  EXPECT_FALSE(IsSessionCookie(".ASPXAUTH", ctx));
}

TEST(IsAntiCsrfCookie, Names) {
  AuditContext ctx(std::nullopt, &CookieData());
  for (const char* name : {"csrftoken", "XSRF-TOKEN", "_csrf", "__RequestVerificationToken", "__RequestVerificationToken_L2Fw",
                           ".AspNetCore.Antiforgery.Xyz", "my_csrf"})
    EXPECT_TRUE(IsAntiCsrfCookie(name, ctx)) << name;
  EXPECT_FALSE(IsAntiCsrfCookie("PHPSESSID", ctx));
  EXPECT_FALSE(IsObservatoryAntiCsrfCookie("XSRF-TOKEN"));
  EXPECT_TRUE(IsObservatoryAntiCsrfCookie("csrftoken"));
}

TEST(CookieDomainAccepted, Rules) {
  auto with_domain = [](const char* d) {
    SetCookie c;
    if (d) c.domain = d;
    return c;
  };
  EXPECT_TRUE(CookieDomainAccepted(with_domain(nullptr), "dept.example.gov.vn"));
  EXPECT_TRUE(CookieDomainAccepted(with_domain("dept.example.gov.vn"), "dept.example.gov.vn"));
  EXPECT_TRUE(CookieDomainAccepted(with_domain("example.gov.vn"), "dept.example.gov.vn"));
  EXPECT_FALSE(CookieDomainAccepted(with_domain("gov.vn"), "dept.example.gov.vn"));  // public suffix
  EXPECT_FALSE(CookieDomainAccepted(with_domain("other.gov.vn"), "dept.example.gov.vn"));
  EXPECT_FALSE(CookieDomainAccepted(with_domain("ample.gov.vn"), "dept.example.gov.vn"));  // not at a dot
  EXPECT_FALSE(CookieDomainAccepted(with_domain("0.1"), "10.0.0.1"));
  EXPECT_TRUE(CookieDomainAccepted(with_domain("10.0.0.1"), "10.0.0.1"));
}

Exchange MakeExchange(std::size_t index, std::string url, int status, std::string location = "") {
  Exchange e = testing::MakeGet(std::move(url), status);
  e.index = index;
  e.redirect_url = std::move(location);
  return e;
}

TEST(PageCookieTracker, CarriesCookiesAlongSameSiteRedirects) {
  PageCookieTracker tracker;
  Exchange hop1 = MakeExchange(0, "http://portal.example.gov.vn/", 301, "https://portal.example.gov.vn/");
  hop1.response_headers.Add("Set-Cookie", "a=1");
  Exchange hop2 = MakeExchange(1, "https://portal.example.gov.vn/", 302, "/web/guest");
  hop2.response_headers.Add("Set-Cookie", "b=2; Secure");
  hop2.response_headers.Add("Set-Cookie", "a=3; Secure");  // replaces a=1 (same name, domain, path)
  Exchange page = MakeExchange(2, "https://portal.example.gov.vn/web/guest", 200);
  page.response_headers.Add("Set-Cookie", "c=4; Secure");

  EXPECT_TRUE(tracker.OnExchange(hop1, Url::Parse(hop1.url)).cookies.empty());
  EXPECT_TRUE(tracker.OnExchange(hop2, Url::Parse(hop2.url)).cookies.empty());
  PageCookieJar jar = tracker.OnExchange(page, Url::Parse(page.url));
  ASSERT_EQ(jar.cookies.size(), 3u);
  EXPECT_EQ(jar.cookies[0].cookie.name, "b");
  EXPECT_EQ(jar.cookies[1].cookie.name, "a");
  EXPECT_EQ(jar.cookies[1].cookie.value, "3");
  EXPECT_EQ(jar.cookies[1].exchange_index, 1u);
  EXPECT_EQ(jar.cookies[2].cookie.name, "c");
  EXPECT_TRUE(jar.cookies[2].over_https);
  EXPECT_EQ(jar.carried, 2u);
}

TEST(PageCookieTracker, DropsCookiesOfOtherSitesAtTheEndOfTheChain) {
  PageCookieTracker tracker;
  Exchange sso = MakeExchange(0, "https://sso.other.vn/login", 302, "https://portal.example.gov.vn/");
  sso.response_headers.Add("Set-Cookie", "sso=1; Secure");
  Exchange page = MakeExchange(1, "https://portal.example.gov.vn/", 200);
  tracker.OnExchange(sso, Url::Parse(sso.url));
  EXPECT_TRUE(tracker.OnExchange(page, Url::Parse(page.url)).cookies.empty());
}

TEST(PageCookieTracker, CountsIgnoredHeadersAndUnrelatedPagesGetOnlyTheirOwn) {
  PageCookieTracker tracker;
  Exchange hop = MakeExchange(0, "https://a.example.vn/", 302, "https://a.example.vn/x");
  hop.response_headers.Add("Set-Cookie", "h=1");
  tracker.OnExchange(hop, Url::Parse(hop.url));
  Exchange other = MakeExchange(1, "https://a.example.vn/y", 200);
  other.response_headers.Add("Set-Cookie", "=");
  other.response_headers.Add("Set-Cookie", "o=1");
  PageCookieJar jar = tracker.OnExchange(other, Url::Parse(other.url));
  ASSERT_EQ(jar.cookies.size(), 1u);
  EXPECT_EQ(jar.cookies[0].cookie.name, "o");
  EXPECT_EQ(jar.ignored, 1u);
  EXPECT_EQ(jar.carried, 0u);
}

TEST(PageCookieTracker, BoundsPendingChains) {
  PageCookieTracker tracker;
  for (std::size_t i = 0; i < PageCookieTracker::kMaxPendingChains + 4; ++i) {
    Exchange hop = MakeExchange(i, "https://a.example.vn/" + std::to_string(i), 302, "https://a.example.vn/t" + std::to_string(i));
    hop.response_headers.Add("Set-Cookie", "h=1");
    tracker.OnExchange(hop, Url::Parse(hop.url));
  }
  Exchange first = MakeExchange(100, "https://a.example.vn/t0", 200);  // its chain was evicted
  EXPECT_TRUE(tracker.OnExchange(first, Url::Parse(first.url)).cookies.empty());
  Exchange last = MakeExchange(101, "https://a.example.vn/t19", 200);
  EXPECT_EQ(tracker.OnExchange(last, Url::Parse(last.url)).cookies.size(), 1u);
}

}  // namespace
}  // namespace portal_check
