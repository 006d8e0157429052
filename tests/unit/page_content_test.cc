// The page-content checks (spam, scripts, errors, comments, IPs) and their scanners: error signatures, internal
// addresses, keyword folding. Each check test starts from a plain provincial portal page and adds
// the one thing under test.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/registry.h"
#include "checks/support/page_content_scan.h"
#include "checks/audit_context.h"
#include "normalize/error_signatures.h"

namespace portal_check {
namespace {

using testing::FactoryOf;

using testing::CheckFactory;
using testing::RunCheck;
using testing::RunOne;
using testing::StringsOf;

constexpr char kHome[] = "https://tinhbinhdinh.example.gov.vn/";

std::string Page(const std::string& body_inner, const std::string& head = "") {
  return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Cổng thông tin điện tử tỉnh</title>" +
         head + "</head><body><h1>Tin tức - Sự kiện</h1>" + body_inner + "</body></html>";
}

Exchange HtmlPage(const std::string& body_inner, const std::string& head = "", std::string url = kHome) {
  return testing::MakeHtmlPage(std::move(url), Page(body_inner, head));
}

std::string Outcome(CheckFactory make, const Exchange& e) { return RunOne(make, {e}).outcome; }

const json::Value& Detail(const CheckResult& r, const std::string& key) { return testing::DetailOrNull(r, key); }


// ------------------------------------------------------------------------------------------------
// scanners

TEST(PageContentScan, FoldKeyAndWordBoundaries) {
  EXPECT_EQ(content::FoldKey("  Nhà   CÁI\tuy tín "), "nha cai uy tin");
  EXPECT_EQ(content::FoldKey("Nha\u0300 ca\u0301i"), "nha cai");  // windows-1258 style tone marks
  EXPECT_TRUE(content::ContainsWord("link slot gacor", "slot"));
  EXPECT_FALSE(content::ContainsWord("chon timeslot phu hop", "slot"));
  EXPECT_FALSE(content::ContainsWord("unisex", "sex"));
  EXPECT_TRUE(content::ContainsWord("(sex)", "sex"));
}

std::vector<std::string> Addresses(std::string_view text) {
  std::vector<content::InternalAddress> out;
  content::FindInternalAddresses(text, out, 20);
  std::vector<std::string> values;
  for (const auto& a : out) values.push_back(a.value + "/" + a.kind);
  return values;
}

TEST(PageContentScan, PrivateQuadsNeedWholeTokens) {
  EXPECT_EQ(Addresses("máy chủ 192.168.1.10:8080 và http://10.0.0.5/api"),
            (std::vector<std::string>{"192.168.1.10/rfc1918", "10.0.0.5/rfc1918"}));
  EXPECT_EQ(Addresses("172.16.0.1 172.31.255.255 172.32.0.1 169.254.169.254"),
            (std::vector<std::string>{"172.16.0.1/rfc1918", "172.31.255.255/rfc1918", "169.254.169.254/link-local"}));
  // Versions, OIDs, bad octets, leading zeros, loopback: none.
  EXPECT_TRUE(Addresses("jquery-10.1.2.3.min.js v10.0.0.1 1.3.6.1.4.1 10.0.19041.1 10.0.0.256 10.01.0.1 "
                        "127.0.0.1 0.0.0.0 10.0.0.1a 10.0.0.1.5 8.8.8.8")
                  .empty());
  EXPECT_EQ(Addresses("10.0.0.1, 10.0.0.1"), (std::vector<std::string>{"10.0.0.1/rfc1918"}));
}

TEST(PageContentScan, InternalHostsOnlyInUrls) {
  EXPECT_EQ(Addresses("http://srv-db01.corp/x https://intranet.sotttt.example.gov.vn/ http://webapp01:8080/ "
                      "http://printer.local"),
            (std::vector<std::string>{"srv-db01.corp/internal-host", "intranet.sotttt.example.gov.vn/internal-host",
                                      "webapp01/internal-host", "printer.local/internal-host"}));
  EXPECT_TRUE(Addresses("this.local = 1; e.internal; http://localhost/ //fallback http://example.gov.vn/a.lan").empty());
}

json::Value Signatures(const std::string& list) {
  json::Value v;
  EXPECT_TRUE(picojson::parse(v, list).empty());
  return v;
}

TEST(PageContentScan, ErrorSignaturesNearDigitsAndCase) {
  const json::Value list = Signatures(R"({"signatures": [
    {"id": "w", "family": "php", "any": ["Warning: "], "near": [" on line "], "window": 100},
    {"id": "ora", "family": "sql", "any": ["ORA-"], "digits_after": 5},
    {"id": "path", "family": "path", "any": [":\\inetpub\\"], "ignore_case": true},
    {"family": "broken", "any": ["x"]}]})");
  EXPECT_TRUE(FindErrorSignatures("Warning: do not litter. ORA-12 and ORA-abc", list).empty());
  auto hits = FindErrorSignatures("x ORA-00933: SQL command not properly ended in D:\\InetPub\\wwwroot\\a.aspx", list);
  ASSERT_EQ(hits.size(), 2u);
  EXPECT_EQ(hits[0].id, "ora");
  EXPECT_EQ(hits[0].family, "sql");
  EXPECT_EQ(hits[1].id, "path");
  hits = FindErrorSignatures("Warning: x\nWarning: include(a.php) failed in /var/www/a.php on line 7", list);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].offset, 0u);
}

TEST(PageContentScan, ExcerptDropsTagsAndKeepsUtf8) {
  EXPECT_EQ(ExcerptAround("<b>Warning</b>:  include(x.php)\n\n on line <b>3</b>", 0, 0, 200),
            "Warning : include(x.php) on line 3");
  const std::string s = "Lỗi: ORA-00942";
  const std::string ex = ExcerptAround(s, s.find("ORA"), 6, 20);  // cut inside "ỗ": moved to a boundary
  EXPECT_EQ(ex.find("\xEF\xBF\xBD"), std::string::npos);
  EXPECT_NE(ex.find("ORA-00942"), std::string::npos);
}

TEST(PageContentScan, EmbeddedSignaturesAreLoaded) {
  AuditContext ctx(std::nullopt, &testing::RulesetData());
  auto hits = FindErrorSignatures("<h1>Server Error in '/' Application.</h1>", ctx);
  ASSERT_EQ(hits.size(), 1u);
  EXPECT_EQ(hits[0].id, "aspnet-yellow-screen");
}

TEST(PageContentScan, UserinfoIsNotTheHost) {
  // "user:password@host": the user is not an internal single-label host; the real host is read.
  EXPECT_TRUE(Addresses("Location: https://admin:s3cret@portal.example.gov.vn/x").empty());
  EXPECT_EQ(Addresses("<a href=\"http://u:p@srv-db01.corp/\">"), (std::vector<std::string>{"srv-db01.corp/internal-host"}));
  EXPECT_EQ(Addresses("http://u@10.0.0.5/"), (std::vector<std::string>{"10.0.0.5/rfc1918"}));
  // At the look-ahead limit the '@' is still found; past it, the userinfo's head is read as before.
  const std::string at_limit = "http://" + std::string(255, 'u') + "@printer.local/";
  EXPECT_EQ(Addresses(at_limit), (std::vector<std::string>{"printer.local/internal-host"}));
  const std::string past_limit = "http://webapp01:" + std::string(250, 'p') + "@portal.example.gov.vn/";
  EXPECT_EQ(Addresses(past_limit), (std::vector<std::string>{"webapp01/internal-host"}));
}

TEST(PageContentScan, HostileRepetitionStaysLinear) {
  // Each would be quadratic with an unbounded look-ahead; the test would time out.
  std::string warnings, quads, comment;
  for (int i = 0; i < 200000; ++i) warnings += "Warning: ";
  for (int i = 0; i < 200000; ++i) quads += "1.1.1.1.";
  for (int i = 0; i < 8000; ++i) comment += "select ";
  AuditContext ctx(std::nullopt, &testing::RulesetData());
  EXPECT_TRUE(FindErrorSignatures(warnings, ctx).empty());
  std::vector<content::InternalAddress> out;
  EXPECT_EQ(content::FindInternalAddresses(quads, out, 20), 0u);
  EXPECT_EQ(Outcome(FactoryOf("page.comments"), HtmlPage("<!-- " + comment + " -->")), "none");
  EXPECT_EQ(Outcome(FactoryOf("page.obfuscated-script"), HtmlPage("<script>" + std::string(500000, ' ') + "eval (x)</script>")),
            "none");
}

// ------------------------------------------------------------------------------------------------
// page.spam-injection

TEST(PageContentSpam, HiddenBettingBlockIsInjected) {
  CheckResult r = RunOne(FactoryOf("page.spam-injection"),
                         {HtmlPage("<div style=\"position:absolute;left:-9999px\"><a href=\"https://nhacai88.example.com/\">"
                                   "Nhà cái uy tín</a> <a href=\"https://fb88.example.net/\">FB88</a></div>")});
  EXPECT_EQ(r.outcome, "injected");
  EXPECT_EQ(Detail(r, "hidden_link_count").get<std::int64_t>(), 2);
  const auto words = StringsOf(Detail(r, "keywords"));
  EXPECT_NE(std::find(words.begin(), words.end(), "nhà cái uy tín"), words.end());
}

TEST(PageContentSpam, HiddenTextAloneIsInjected) {
  EXPECT_EQ(Outcome(FactoryOf("page.spam-injection"), HtmlPage("<p hidden>Tai xiu online, no hu doi thuong</p>")), "injected");
}

TEST(PageContentSpam, LegitimateContentStaysClean) {
  // Lottery results, a police headline in a hidden carousel slide linking to the portal itself,
  // a "timeslot" and a dropdown menu.
  EXPECT_EQ(Outcome(FactoryOf("page.spam-injection"),
                    HtmlPage("<a href=\"https://xosokienthiet.example.vn/\">Kết quả xổ số kiến thiết</a>"
                             "<div style=\"display:none\"><a href=\"/tin/triet-pha-duong-day-lo-de\">Triệt phá đường dây "
                             "cá độ, đánh bạc</a></div><p>Chọn timeslot phù hợp</p>"
                             "<ul style=\"display:none\"><li><a href=\"/xo-so\">Xổ số</a></li></ul>")),
            "clean");
}

TEST(PageContentSpam, ContextWordsCountInHiddenLinksToOtherSites) {
  EXPECT_EQ(Outcome(FactoryOf("page.spam-injection"),
                    HtmlPage("<div style=\"display:none\"><a href=\"https://spam.example.com/\">Casino</a></div>")),
            "injected");
}

TEST(PageContentSpam, ManyVisibleOutboundKeywordLinksAreSuspicious) {
  std::string links;
  for (int i = 0; i < 5; ++i)
    links += "<a href=\"https://site" + std::to_string(i) + ".example.com/\">Kèo nhà cái " + std::to_string(i) + "</a> ";
  EXPECT_EQ(Outcome(FactoryOf("page.spam-injection"), HtmlPage(links)), "suspicious");
  // Four are listed but pass.
  std::string four;
  for (int i = 0; i < 4; ++i) four += "<a href=\"https://s" + std::to_string(i) + ".example.com/\">Nhà cái</a>";
  CheckResult r = RunOne(FactoryOf("page.spam-injection"), {HtmlPage(four)});
  EXPECT_EQ(r.outcome, "clean");
  EXPECT_EQ(Detail(r, "visible_link_count").get<std::int64_t>(), 4);
}

// ------------------------------------------------------------------------------------------------
// page.obfuscated-script

TEST(PageContentObfuscated, PackerAndUnescapeWrite) {
  CheckResult r = RunOne(FactoryOf("page.obfuscated-script"),
                         {HtmlPage("<script>eval(function (p, a, c, k, e, d) {e=String;return p}('0 1',2,2,'a|b'.split('|'),0,{}))</script>"
                                   "<script>document.write( unescape('%3Cscript%3E'))</script>")});
  EXPECT_EQ(r.outcome, "suspicious");
  EXPECT_EQ(StringsOf(Detail(r, "signals")), (std::vector<std::string>{"packer", "unescape-write"}));
}

TEST(PageContentObfuscated, CharCodesBlobsAndHexIdentifiers) {
  std::string codes = "String.fromCharCode(";
  for (int i = 0; i < 25; ++i) codes += std::to_string(100 + i) + (i < 24 ? "," : ")");
  EXPECT_EQ(Outcome(FactoryOf("page.obfuscated-script"), HtmlPage("<script>var s=" + codes + ";</script>")), "suspicious");
  const std::string blob(2400, 'A');
  EXPECT_EQ(Outcome(FactoryOf("page.obfuscated-script"), HtmlPage("<script>var x='" + blob + "';eval(atob(x));</script>")),
            "suspicious");
  std::string idents;
  for (int i = 0; i < 60; ++i) idents += "_0x4f2a" + std::to_string(i % 10) + "();";
  EXPECT_EQ(Outcome(FactoryOf("page.obfuscated-script"), HtmlPage("<script>" + idents + "</script>")), "suspicious");
}

TEST(PageContentObfuscated, OrdinaryScriptsAndDataAreNone) {
  const std::string image = "data:image/png;base64," + std::string(3000, 'Q');
  EXPECT_EQ(Outcome(FactoryOf("page.obfuscated-script"),
                    HtmlPage("<script>var logo='" + image + "';$(function(){ $('.menu').show(); });</script>"
                             "<script type=\"application/ld+json\">{\"a\":\"" + std::string(3000, 'b') + "\"}</script>"
                             "<script>var t = String.fromCharCode(65);</script>")),
            "none");
}

// ------------------------------------------------------------------------------------------------
// page.error-disclosure

TEST(PageContentErrors, YellowScreenOnA500IsReportedForItsUrl) {
  Exchange e = testing::MakeGet("https://dichvucong.example.gov.vn/TraCuu.aspx?id=1'", 500, "text/html",
                                "<html><head><title>Runtime Error</title></head><body><h1>Server Error in '/' Application.</h1>"
                                "<h2><i>Unclosed quotation mark after the character string ''.</i></h2>"
                                "<b>Exception Details: </b>System.Data.SqlClient.SqlException: Incorrect syntax near '1'."
                                "</body></html>");
  CheckResult r = RunOne(FactoryOf("page.error-disclosure"), {e});
  EXPECT_EQ(r.outcome, "disclosed");
  EXPECT_EQ(r.page, std::optional<std::string>("https://dichvucong.example.gov.vn/TraCuu.aspx?id=1'"));
  EXPECT_EQ(StringsOf(Detail(r, "families")), (std::vector<std::string>{"aspnet", "sql"}));
}

TEST(PageContentErrors, PagesGetNoneAndOtherResponsesOnlyWhenDisclosing) {
  std::vector<CheckResult> rs = RunCheck(
      FactoryOf("page.error-disclosure"),
      {HtmlPage("<p>Warning: đường ngập, hạn chế đi lại.</p>"),
       testing::MakeGet("https://tinhbinhdinh.example.gov.vn/api/tin", 200, "application/json", "{\"items\":[]}"),
       testing::MakeGet("https://tinhbinhdinh.example.gov.vn/app.js", 200, "application/javascript",
                        "throw new Error('Fatal error: x on line 3 /var/www/')"),
       testing::MakeGet("https://tinhbinhdinh.example.gov.vn/api/loi", 500, "application/json",
                        "{\"error\":\"SQLSTATE[42S02]: Base table or view not found\"}")});
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].outcome, "none");
  EXPECT_EQ(rs[1].outcome, "disclosed");
  EXPECT_EQ(rs[1].page, std::optional<std::string>("https://tinhbinhdinh.example.gov.vn/api/loi"));
}

// ------------------------------------------------------------------------------------------------
// page.directory-listing

TEST(PageContentListing, ApacheRootWithoutParentLink) {
  Exchange e = testing::MakeGet("https://files.example.gov.vn/", 200, "text/html",
                                "<html><head><title>Index of /</title></head><body><h1>Index of /</h1><ul>"
                                "<li><a href=\"backup.zip\"> backup.zip</a></li></ul></body></html>");
  CheckResult r = RunOne(FactoryOf("page.directory-listing"), {e});
  EXPECT_EQ(r.outcome, "listing");
  EXPECT_EQ(Detail(r, "style").get<std::string>(), "apache-nginx");
  EXPECT_EQ(StringsOf(Detail(r, "entries")), (std::vector<std::string>{"backup.zip"}));
}

TEST(PageContentListing, IisRootAndArticlesAboutListings) {
  Exchange iis = testing::MakeGet("https://www.example.gov.vn/", 200, "text/html",
                                  "<html><head><title>www.example.gov.vn - /</title></head><body><H1>www.example.gov.vn - /</H1>"
                                  "<hr>\n\n<pre>  6/3/2024  9:15 AM  &lt;dir&gt; <A HREF=\"/aspnet_client/\">aspnet_client</A><br></pre>"
                                  "<hr></body></html>");
  EXPECT_EQ(Outcome(FactoryOf("page.directory-listing"), iis), "listing");
  EXPECT_EQ(Outcome(FactoryOf("page.directory-listing"), HtmlPage("<p>Tắt \"Index of /\" và [To Parent Directory]...</p>")),
            "none");  // the IIS marker counts only as a link
  EXPECT_EQ(Outcome(FactoryOf("page.directory-listing"), HtmlPage("<p>Hướng dẫn tắt Index of / trên Apache</p>")), "none");
}

// ------------------------------------------------------------------------------------------------
// page.comments

TEST(PageContentComments, CredentialsAreRedacted) {
  CheckResult r = RunOne(FactoryOf("page.comments"), {HtmlPage("<!-- tài khoản test: admin / Mật khẩu: Abc@12345 -->")});
  EXPECT_EQ(r.outcome, "sensitive");
  const std::string s = json::Serialize(Detail(r, "sensitive"));
  EXPECT_EQ(s.find("Abc@12345"), std::string::npos);
  EXPECT_EQ(s.find("abc@12345"), std::string::npos);
  EXPECT_NE(s.find("credential"), std::string::npos);
}

TEST(PageContentComments, KindsAndNotes) {
  EXPECT_EQ(Outcome(FactoryOf("page.comments"), HtmlPage("<!-- Data Source=SQL01;Initial Catalog=CongTTDT;User ID=web -->")),
            "sensitive");
  EXPECT_EQ(Outcome(FactoryOf("page.comments"), HtmlPage("<!-- SELECT TieuDe, NoiDung FROM TinTuc WHERE Id=@id -->")),
            "sensitive");
  EXPECT_EQ(Outcome(FactoryOf("page.comments"), HtmlPage("<!-- anh lấy từ \\\\192.168.10.5\\share -->")), "sensitive");
  EXPECT_EQ(Outcome(FactoryOf("page.comments"), HtmlPage("<!-- TODO: bỏ banner Tết -->")), "notes");
  EXPECT_EQ(Outcome(FactoryOf("page.comments"),
                    HtmlPage("<!-- Please select a date from the calendar --><!-- password field --><!-- passport: số hộ chiếu -->"
                             "<!-- End Google Tag Manager -->",
                             "<!--[if lt IE 9]><script src=\"html5shiv.js\"></script><![endif]-->")),
            "none");
}

// ------------------------------------------------------------------------------------------------
// page.private-ip

TEST(PageContentPrivateIp, BodyAndHeaders) {
  Exchange e = HtmlPage("<script>var apiUrl = 'http://192.168.1.20:8080/api';</script><p>jQuery 1.12.4</p>");
  e.response_headers.Add("X-Backend-Server", "10.10.1.7");
  CheckResult r = RunOne(FactoryOf("page.private-ip"), {e});
  EXPECT_EQ(r.outcome, "disclosed");
  EXPECT_EQ(json::Serialize(Detail(r, "addresses")),
            R"([{"kind":"rfc1918","value":"10.10.1.7","where":"header:X-Backend-Server"},)"
            R"({"kind":"rfc1918","value":"192.168.1.20","where":"body"}])");
}

TEST(PageContentPrivateIp, LoopbackAndVersionsAreNone) {
  EXPECT_EQ(Outcome(FactoryOf("page.private-ip"),
                    HtmlPage("<script>fetch('http://127.0.0.1:8987/sign')</script><script src=\"/js/jquery-1.12.4.min.js\">"
                             "</script><p>Phiên bản 10.0.19041.1</p>")),
            "none");
}

TEST(PageContentPrivateIp, NonPageResponsesOnlyWhenDisclosing) {
  std::vector<CheckResult> rs =
      RunCheck(FactoryOf("page.private-ip"),
               {HtmlPage("<p>Xin chào</p>"),
                testing::MakeGet("https://tinhbinhdinh.example.gov.vn/logo.png", 200, "image/png", "10.0.0.1"),
                testing::MakeGet("https://tinhbinhdinh.example.gov.vn/config.js", 200, "application/javascript",
                                 "window.API='http://10.0.0.9/'")});
  ASSERT_EQ(rs.size(), 2u);
  EXPECT_EQ(rs[0].outcome, "none");
  EXPECT_EQ(rs[1].outcome, "disclosed");
}

}  // namespace
}  // namespace portal_check
