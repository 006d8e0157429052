// The cookie.* checks run directly on Exchange objects. Each cookie.flags test changes one thing
// on an otherwise clean response: an https page with a one-year HSTS policy that sets
// ASP.NET_SessionId with Secure, HttpOnly and SameSite=Lax.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/registry.h"
#include "util/json.h"

namespace portal_check {
namespace {

using testing::RunCheck;
using testing::RunOne;

constexpr char kHome[] = "https://dichvucong.example.gov.vn/";
constexpr char kSessionValue[] = "kz3vq1yq0hxj2m55fyx3ab45";
constexpr char kCleanCookie[] = "ASP.NET_SessionId=kz3vq1yq0hxj2m55fyx3ab45; path=/; secure; HttpOnly; SameSite=Lax";

Exchange Page(std::vector<std::string> cookies = {kCleanCookie}, std::string url = kHome,
              std::string body = "<!doctype html><html><body><p>Xin chào</p></body></html>", bool hsts = true) {
  Exchange e = testing::MakeGet(std::move(url), 200, "text/html", std::move(body));
  if (hsts) e.response_headers.Add("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
  for (const std::string& c : cookies) e.response_headers.Add("Set-Cookie", c);
  return e;
}

Exchange Redirect(std::string url, std::string location, std::vector<std::string> cookies = {}) {
  Exchange e = testing::MakeRedirect(std::move(url), std::move(location), 302);
  for (const std::string& c : cookies) e.response_headers.Add("Set-Cookie", c);
  return e;
}

std::string Flags(Exchange page) { return RunOne("cookie.flags", {std::move(page)}).outcome; }

// ---- registration ----

TEST(CookieChecks, AllFourAreRegistered) {
  for (std::string_view id : {"cookie.flags", "cookie.prefix", "cookie.scope", "cookie.session-in-url"}) {
    bool found = false;
    for (const CheckDescriptor& d : AllChecks())
      if (d.id == id) found = d.make != nullptr;
    EXPECT_TRUE(found) << id;
  }
}

// ---- cookie.flags ----

TEST(CookieFlags, CleanResponse) {
  CheckResult r = RunOne("cookie.flags", {Page()});
  EXPECT_EQ(r.outcome, "cookies-secure-with-httponly-sessions-and-samesite");
  EXPECT_EQ(r.page, kHome);
  EXPECT_FALSE(r.observatory_result);
}

TEST(CookieFlags, NoCookies) { EXPECT_EQ(Flags(Page({})), "cookies-not-found"); }

TEST(CookieFlags, SessionWithoutSecureButHsts) {
  EXPECT_EQ(Flags(Page({"ASP.NET_SessionId=x; path=/; HttpOnly; SameSite=Lax"})),
            "cookies-session-without-secure-flag-but-protected-by-hsts");
}

TEST(CookieFlags, SessionWithoutSecureNoHsts) {
  EXPECT_EQ(Flags(Page({"ASP.NET_SessionId=x; path=/; HttpOnly; SameSite=Lax"}, kHome, "", false)),
            "cookies-session-without-secure-flag");
}

TEST(CookieFlags, ShortHstsDoesNotSoften) {
  Exchange e = Page({"ASP.NET_SessionId=x; path=/; HttpOnly; SameSite=Lax"}, kHome, "", false);
  e.response_headers.Add("Strict-Transport-Security", "max-age=86400");
  EXPECT_EQ(Flags(e), "cookies-session-without-secure-flag");
}

TEST(CookieFlags, HstsOnHttpPageDoesNotSoften) {
  EXPECT_EQ(Flags(Page({"lang=vi; SameSite=Lax"}, "http://dichvucong.example.gov.vn/")), "cookies-without-secure-flag");
}

TEST(CookieFlags, SessionWithoutHttpOnly) {
  EXPECT_EQ(Flags(Page({"ASP.NET_SessionId=x; path=/; secure; SameSite=Lax"})), "cookies-session-without-httponly-flag");
}

TEST(CookieFlags, WithoutSameSite) {
  EXPECT_EQ(Flags(Page({"ASP.NET_SessionId=x; path=/; secure; HttpOnly"})), "cookies-secure-with-httponly-sessions");
}

TEST(CookieFlags, SameSiteNoneWithSecureIsFine) {
  EXPECT_EQ(Flags(Page({"ASP.NET_SessionId=x; path=/; secure; HttpOnly; SameSite=None"})),
            "cookies-secure-with-httponly-sessions-and-samesite");
}

TEST(CookieFlags, SameSiteNoneWithoutSecure) {
  EXPECT_EQ(Flags(Page({"map=1; SameSite=None"})), "cookies-samesite-flag-invalid");
}

TEST(CookieFlags, SameSiteMalformed) {
  EXPECT_EQ(Flags(Page({"ASP.NET_SessionId=x; path=/; secure; HttpOnly; SameSite=Yes"})), "cookies-samesite-flag-invalid");
  EXPECT_EQ(Flags(Page({"ASP.NET_SessionId=x; path=/; secure; HttpOnly; SameSite"})), "cookies-samesite-flag-invalid");
}

TEST(CookieFlags, NonSessionWithoutSecure) {
  EXPECT_EQ(Flags(Page({kCleanCookie, "lang=vi; SameSite=Lax"})), "cookies-without-secure-flag-but-protected-by-hsts");
  EXPECT_EQ(Flags(Page({kCleanCookie, "lang=vi; SameSite=Lax"}, kHome, "", false)), "cookies-without-secure-flag");
}

TEST(CookieFlags, NonSessionWithoutHttpOnlyIsFine) {
  EXPECT_EQ(Flags(Page({kCleanCookie, "lang=vi; Secure; SameSite=Lax"})), "cookies-secure-with-httponly-sessions-and-samesite");
}

TEST(CookieFlags, AntiCsrfWithoutSameSite) {
  CheckResult r = RunOne("cookie.flags", {Page({kCleanCookie, "XSRF-TOKEN=abc; path=/; secure"})});
  EXPECT_EQ(r.outcome, "cookies-anticsrf-without-samesite-flag");
  // The Observatory only knows "csrf" names: for it, XSRF-TOKEN is just a cookie without SameSite.
  EXPECT_EQ(r.observatory_result, "cookies-secure-with-httponly-sessions");
  EXPECT_EQ(Flags(Page({kCleanCookie, "csrftoken=abc; path=/; secure"})), "cookies-anticsrf-without-samesite-flag");
  EXPECT_EQ(Flags(Page({kCleanCookie, "csrftoken=abc; path=/; secure; SameSite=Strict"})),
            "cookies-secure-with-httponly-sessions-and-samesite");
}

TEST(CookieFlags, WorstCodeWins) {
  EXPECT_EQ(Flags(Page({"lang=vi", "ASP.NET_SessionId=x; path=/; secure", "PHPSESSID=y"}, kHome, "", false)),
            "cookies-session-without-secure-flag");
  EXPECT_EQ(Flags(Page({"lang=vi", "ASP.NET_SessionId=x; path=/; secure"}, kHome, "", false)),
            "cookies-session-without-httponly-flag");
}

TEST(CookieFlags, BroaderSessionListReportsObservatoryCode) {
  CheckResult r = RunOne("cookie.flags", {Page({".DOTNETNUKE=AB12; path=/; secure; SameSite=Lax"})});
  EXPECT_EQ(r.outcome, "cookies-session-without-httponly-flag");
  EXPECT_EQ(r.observatory_result, "cookies-secure-with-httponly-sessions-and-samesite");
  CheckResult same = RunOne("cookie.flags", {Page({"PHPSESSID=AB12; path=/; secure; SameSite=Lax"})});
  EXPECT_EQ(same.outcome, "cookies-session-without-httponly-flag");
  EXPECT_FALSE(same.observatory_result);
}

TEST(CookieFlags, CookiesFromRedirectHopsCount) {
  CheckResult r = RunOne("cookie.flags", {Redirect(kHome, "/Default.aspx", {"ASP.NET_SessionId=x; path=/; HttpOnly; SameSite=Lax"}),
                                          Page({}, "https://dichvucong.example.gov.vn/Default.aspx", "", false)});
  EXPECT_EQ(r.outcome, "cookies-session-without-secure-flag");
  EXPECT_EQ(json::GetInt(r.details.ToValue(), "fromRedirects", -1), 1);
}

TEST(CookieFlags, MalformedSameSiteOnRedirectDivergesFromObservatory) {
  CheckResult r = RunOne("cookie.flags", {Redirect(kHome, "/a", {"ui=1; Secure; SameSite=Yes"}),
                                          Page({kCleanCookie}, "https://dichvucong.example.gov.vn/a")});
  EXPECT_EQ(r.outcome, "cookies-samesite-flag-invalid");
  EXPECT_EQ(r.observatory_result, "cookies-secure-with-httponly-sessions");
}

TEST(CookieFlags, NamelessAndForeignDomainCookiesAreNotJudged) {
  EXPECT_EQ(Flags(Page({kCleanCookie, "abc", "t=1; Domain=quangcao.vn"})), "cookies-secure-with-httponly-sessions-and-samesite");
  EXPECT_EQ(Flags(Page({"abc"})), "cookies-not-found");
}

TEST(CookieFlags, NotCaptured) {
  Exchange e = Page({});
  e.not_captured = {"set-cookie"};
  EXPECT_EQ(Flags(e), "not-captured");
}

TEST(CookieFlags, OnlyPagesGetResults) {
  Exchange script = Page({"PHPSESSID=x"});
  script.mime_type = "application/javascript";
  EXPECT_TRUE(RunCheck("cookie.flags", {script}).empty());
}

TEST(CookieFlags, DetailsNeverHoldCookieValues) {
  CheckResult r = RunOne("cookie.flags", {Page({kCleanCookie, "lang=vi-secret-value"})});
  std::string text = r.details.Text();
  EXPECT_EQ(text.find(kSessionValue), std::string::npos) << text;
  EXPECT_EQ(text.find("vi-secret-value"), std::string::npos) << text;
  const json::Value details = r.details.ToValue();
  const json::Array* cookies = json::FindArray(details, "cookies");
  ASSERT_TRUE(cookies);
  ASSERT_EQ(cookies->size(), 2u);
  const json::Value& first = (*cookies)[0];
  EXPECT_EQ(*json::FindString(first, "name"), "ASP.NET_SessionId");
  EXPECT_TRUE(json::GetBool(first, "secure", false));
  EXPECT_TRUE(json::GetBool(first, "httpOnly", false));
  EXPECT_TRUE(json::GetBool(first, "session", false));
  EXPECT_EQ(*json::FindString(first, "sameSite"), "Lax");
  EXPECT_TRUE(json::FindArray(first, "problems")->empty());
  EXPECT_FALSE(json::FindArray((*cookies)[1], "problems")->empty());
}

TEST(CookieFlags, NamesAreSafeUtf8) {
  CheckResult r = RunOne("cookie.flags", {Page({std::string("n\xff\xfe=1; Secure; SameSite=Lax")})});
  const json::Value details = r.details.ToValue();
  std::string name = *json::FindString((*json::FindArray(details, "cookies"))[0], "name");
  EXPECT_EQ(name.find('\xff'), std::string::npos);
}

// ---- cookie.prefix ----

std::string Prefix(std::vector<std::string> cookies, std::string url = kHome) {
  return RunOne("cookie.prefix", {Page(std::move(cookies), std::move(url))}).outcome;
}

TEST(CookiePrefix, Outcomes) {
  EXPECT_EQ(Prefix({kCleanCookie}), "not-applicable");
  EXPECT_EQ(Prefix({"__Host-s=1; Path=/; Secure"}), "ok");
  EXPECT_EQ(Prefix({"__Secure-s=1; Secure; Domain=example.gov.vn"}), "ok");
  EXPECT_EQ(Prefix({"__Secure-s=1"}), "violated");
  EXPECT_EQ(Prefix({"__Host-s=1; Path=/"}), "violated");
  EXPECT_EQ(Prefix({"__Host-s=1; Secure"}), "violated");
  EXPECT_EQ(Prefix({"__Host-s=1; Path=/app; Secure"}), "violated");
  EXPECT_EQ(Prefix({"__Host-s=1; Path=/; Secure; Domain=dichvucong.example.gov.vn"}), "violated");
  EXPECT_EQ(Prefix({"__secure-s=1"}), "violated");  // case-insensitive prefix
  EXPECT_EQ(Prefix({"__Secure-s=1; Secure"}, "http://dichvucong.example.gov.vn/"), "violated");
}

TEST(CookiePrefix, NotCaptured) {
  Exchange e = Page({});
  e.not_captured = {"set-cookie"};
  EXPECT_EQ(RunOne("cookie.prefix", {e}).outcome, "not-captured");
}

// ---- cookie.scope ----

TEST(CookieScope, Outcomes) {
  const std::string dept = "https://dept.example.gov.vn/";
  EXPECT_EQ(RunOne("cookie.scope", {Page({}, dept)}).outcome, "not-applicable");
  EXPECT_EQ(RunOne("cookie.scope", {Page({"a=1"}, dept)}).outcome, "host-only");
  EXPECT_EQ(RunOne("cookie.scope", {Page({"a=1; Domain=dept.example.gov.vn"}, dept)}).outcome, "host-only");
  EXPECT_EQ(RunOne("cookie.scope", {Page({"a=1; Domain=other.gov.vn"}, dept)}).outcome, "host-only");
  EXPECT_EQ(RunOne("cookie.scope", {Page({"a=1; Domain=gov.vn"}, dept)}).outcome, "host-only");
  CheckResult loose = RunOne("cookie.scope", {Page({"a=1; Domain=.example.gov.vn"}, dept)});
  EXPECT_EQ(loose.outcome, "loosely-scoped");
  const json::Value details = loose.details.ToValue();
  const json::Array* list = json::FindArray(details, "loose");
  ASSERT_TRUE(list && list->size() == 1);
  EXPECT_EQ(*json::FindString((*list)[0], "domain"), "example.gov.vn");
  EXPECT_EQ(*json::FindString((*list)[0], "host"), "dept.example.gov.vn");
}

// ---- cookie.session-in-url ----

CheckResult InUrl(std::string body, std::string url = kHome) {
  return RunOne("cookie.session-in-url", {Page({}, std::move(url), "<!doctype html><html><body>" + body + "</body></html>")});
}

TEST(CookieSessionInUrl, Clean) {
  EXPECT_EQ(InUrl("<a href=\"/tin-tuc?id=123456789\">x</a>").outcome, "none");
  EXPECT_EQ(InUrl("<a href=\"/?sid=12\">x</a>").outcome, "none");               // numeric section id
  EXPECT_EQ(InUrl("<a href=\"/?sid=abc\">x</a>").outcome, "none");              // too short for an id
  EXPECT_EQ(InUrl("<a href=\"/session/jsessionid.html\">x</a>").outcome, "none");  // words, not parameters
  EXPECT_EQ(InUrl("<a href=\"/#sid=a8f5f167f44f4964\">x</a>").outcome, "none");  // fragment never leaves the browser
}

TEST(CookieSessionInUrl, PathParameter) {
  CheckResult r = InUrl("<a href=\"/portal/tin.jsp;jsessionid=8F2C1A9B0D3E4F5A?id=5\">x</a>");
  EXPECT_EQ(r.outcome, "present");
  std::string text = r.details.Text();
  EXPECT_EQ(text.find("8F2C1A9B0D3E4F5A"), std::string::npos) << text;
  const json::Value details = r.details.ToValue();
  const json::Value& loc = (*json::FindArray(details, "locations"))[0];
  EXPECT_EQ(*json::FindString(loc, "where"), "a[href]");
  EXPECT_EQ(*json::FindString(loc, "parameter"), "jsessionid");
  EXPECT_EQ(*json::FindString(loc, "url"), "/portal/tin.jsp;jsessionid=[redacted]?id=5");
}

TEST(CookieSessionInUrl, QueryParameterInPageUrl) {
  CheckResult r = InUrl("", "https://www.xa.gov.vn/index.php?lang=vi&PHPSESSID=9c1185a5c5e9fc54&x=1");
  EXPECT_EQ(r.outcome, "present");
  const json::Value details = r.details.ToValue();
  const json::Value& loc = (*json::FindArray(details, "locations"))[0];
  EXPECT_EQ(*json::FindString(loc, "where"), "page-url");
  EXPECT_EQ(*json::FindString(loc, "url"), "https://www.xa.gov.vn/index.php?lang=vi&PHPSESSID=[redacted]&x=1");
}

TEST(CookieSessionInUrl, OtherSources) {
  EXPECT_EQ(InUrl("<form action=\"/(S(lit3py55t21z5v55vlm25s55))/TraCuu.aspx\"></form>").outcome, "present");
  EXPECT_EQ(InUrl("<script src=\"/c.asp?ASPSESSIONIDQSTCTBQR=KJHGFDSAPOIU\"></script>").outcome, "present");
  EXPECT_EQ(InUrl("<iframe src=\"https://x.vn/w?sid=a8f5f167f44f4964\"></iframe>").outcome, "present");
  EXPECT_EQ(InUrl("<a href=\"/x?ASP.NET_SessionId=kz3vq1yq0hxj2m55\">x</a>").outcome, "present");
}

TEST(CookieSessionInUrl, RedactsEveryIdInAUrl) {
  CheckResult r = InUrl("<a href=\"/a;jsessionid=AAAAAAAAAA?sid=BBBBBBBBBB&amp;k=1\">x</a>");
  const json::Value details = r.details.ToValue();
  const json::Value& loc = (*json::FindArray(details, "locations"))[0];
  EXPECT_EQ(*json::FindString(loc, "url"), "/a;jsessionid=[redacted]?sid=[redacted]&k=1");
  EXPECT_EQ(json::GetInt(r.details.ToValue(), "count", 0), 1);
}

}  // namespace
}  // namespace portal_check
