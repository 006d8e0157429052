// The page.* checks over links and resources (sri, third-party, link-opener, protocol-relative,
// privacy-policy, contact, label-badge), Observatory style: each test starts from one clean page
// and changes one thing.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/registry.h"

namespace portal_check {
namespace {

using testing::FactoryOf;

using testing::CheckFactory;

constexpr char kHome[] = "https://sotttt.example.gov.vn/";
constexpr char kH384[] = "sha384-vtXRMe3mGCbOeY7l30aIg8H9p3GdeSe4IFlP6G8JMa7o7lXvnz3GFKzPxzJdPfGK";

// A clean page: head and body spliced into a UTF-8 document.
Exchange Page(const std::string& head, const std::string& body, std::string url = kHome) {
  return testing::MakeHtmlPage(std::move(url), "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Sở TT&amp;TT</title>" +
                                                   head + "</head><body>" + body + "</body></html>");
}

CheckResult One(CheckFactory make, const Exchange& page) { return testing::RunOne(make, {page}); }
std::string Outcome(CheckFactory make, const Exchange& page) { return One(make, page).outcome; }
const json::Value& Detail(const CheckResult& r, const std::string& key) { return testing::DetailOrNull(r, key); }

std::string Script(const std::string& attrs) { return "<script " + attrs + "></script>"; }

// ------------------------------------------------------------------------------------------------
// page.sri

TEST(PageSri, CleanPageSelfHostsItsScripts) {
  const CheckResult r = One(FactoryOf("page.sri"), Page(Script("src=\"/js/app.js\""), "<p>Tin</p>"));
  EXPECT_EQ(r.outcome, "sri-not-implemented-but-all-scripts-loaded-from-secure-origin");
  EXPECT_FALSE(r.observatory_result);
  EXPECT_EQ(Detail(r, "scripts").get<std::int64_t>(), 1);
}

TEST(PageSri, NoScriptsAtAll) {
  EXPECT_EQ(Outcome(FactoryOf("page.sri"), Page("", "<p>Tin</p>")), "sri-not-implemented-but-no-scripts-loaded");
}

TEST(PageSri, InlineScriptOnlyCountsAsSecureOrigin) {
  EXPECT_EQ(Outcome(FactoryOf("page.sri"), Page("<script>var a=1;</script>", "")),
            "sri-not-implemented-but-all-scripts-loaded-from-secure-origin");
}

TEST(PageSri, CdnScriptWithValidIntegrity) {
  const std::string s = Script("src=\"https://cdnjs.cloudflare.com/a.js\" integrity=\"" + std::string(kH384) + "\" crossorigin=\"anonymous\"");
  const CheckResult r = One(FactoryOf("page.sri"), Page(s, ""));
  EXPECT_EQ(r.outcome, "sri-implemented-and-external-scripts-loaded-securely");
  ASSERT_EQ(Detail(r, "resources").get<json::Array>().size(), 1u);
  EXPECT_EQ(*json::FindString(Detail(r, "resources").get<json::Array>()[0], "integrity"), "valid");
}

TEST(PageSri, CdnScriptWithoutIntegrity) {
  EXPECT_EQ(Outcome(FactoryOf("page.sri"), Page(Script("src=\"https://cdn.jsdelivr.net/a.js\""), "")),
            "sri-not-implemented-but-external-scripts-loaded-securely");
}

TEST(PageSri, HttpCdnScriptWithoutIntegrity) {
  EXPECT_EQ(Outcome(FactoryOf("page.sri"), Page(Script("src=\"http://code.jquery.com/jquery.js\""), "")),
            "sri-not-implemented-and-external-scripts-not-loaded-securely");
}

TEST(PageSri, HttpCdnScriptWithIntegrity) {
  EXPECT_EQ(Outcome(FactoryOf("page.sri"),
                    Page(Script("src=\"http://code.jquery.com/jquery.js\" integrity=\"" + std::string(kH384) + "\""), "")),
            "sri-implemented-but-external-scripts-not-loaded-securely");
}

TEST(PageSri, ProtocolRelativeIsForeignAndInsecureForTheObservatory) {
  // Even on the page's own host, and even on https: the Observatory's verdict is kept, with a note.
  const CheckResult r = One(FactoryOf("page.sri"), Page(Script("src=\"//sotttt.example.gov.vn/js/a.js\""), ""));
  EXPECT_EQ(r.outcome, "sri-not-implemented-and-external-scripts-not-loaded-securely");
  EXPECT_FALSE(r.observatory_result);
  EXPECT_TRUE(Detail(r, "divergence").is<std::string>());
}

TEST(PageSri, SameSiteSubdomainIsNotForeign) {
  EXPECT_EQ(Outcome(FactoryOf("page.sri"), Page(Script("src=\"https://static.example.gov.vn/a.js\""), "")),
            "sri-not-implemented-but-all-scripts-loaded-from-secure-origin");
}

TEST(PageSri, SameOriginIntegrityEarnsTheBonus) {
  EXPECT_EQ(Outcome(FactoryOf("page.sri"), Page(Script("src=\"/a.js\" integrity=\"" + std::string(kH384) + "\""), "")),
            "sri-implemented-and-all-scripts-loaded-securely");
}

TEST(PageSri, MalformedIntegrityIsNotImplementedButObservatoryAcceptsIt) {
  const CheckResult r = One(FactoryOf("page.sri"), Page(Script("src=\"https://cdn.jsdelivr.net/a.js\" integrity=\"sha384-abc\""), ""));
  EXPECT_EQ(r.outcome, "sri-not-implemented-but-external-scripts-loaded-securely");
  ASSERT_TRUE(r.observatory_result);
  EXPECT_EQ(*r.observatory_result, "sri-implemented-and-external-scripts-loaded-securely");
}

TEST(PageSri, IntegrityDigestLengths) {
  auto outcome_for = [](const std::string& integrity) {
    return Outcome(FactoryOf("page.sri"), Page(Script("src=\"https://cdn.jsdelivr.net/a.js\" integrity=\"" + integrity + "\""), ""));
  };
  const std::string ok = "sri-implemented-and-external-scripts-loaded-securely";
  EXPECT_EQ(outcome_for("sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU="), ok);
  EXPECT_EQ(outcome_for("sha256-47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU"), ok);  // base64url, no padding
  EXPECT_EQ(outcome_for("SHA512-" + std::string(86, 'A') + "==?ct=application/javascript"), ok);
  EXPECT_EQ(outcome_for("md5-abc " + std::string(kH384)), ok);  // one valid token is enough
  EXPECT_NE(outcome_for("sha256-" + std::string(kH384).substr(7)), ok);  // a sha384-length digest
  EXPECT_NE(outcome_for("sha384-" + std::string(63, 'A') + "!"), ok);
}

TEST(PageSri, CrossoriginMissingIsNotedNotFailed) {
  const CheckResult r =
      One(FactoryOf("page.sri"), Page(Script("src=\"https://cdn.jsdelivr.net/a.js\" integrity=\"" + std::string(kH384) + "\""), ""));
  EXPECT_EQ(r.outcome, "sri-implemented-and-external-scripts-loaded-securely");
  EXPECT_TRUE(json::FindString(Detail(r, "resources").get<json::Array>()[0], "note"));
}

TEST(PageSri, InsecureCrossSiteStylesheetWorsensOnlyTheTruth) {
  Exchange e = Page("<link rel=\"stylesheet\" href=\"http://fonts.googleapis.com/css?family=Roboto\">", "",
                    "http://sotttt.example.gov.vn/");
  const CheckResult r = One(FactoryOf("page.sri"), e);
  EXPECT_EQ(r.outcome, "sri-not-implemented-and-external-scripts-not-loaded-securely");
  ASSERT_TRUE(r.observatory_result);
  EXPECT_EQ(*r.observatory_result, "sri-not-implemented-but-no-scripts-loaded");
}

TEST(PageSri, HttpsStylesheetWithoutIntegrityIsDetailOnly) {
  const CheckResult r = One(FactoryOf("page.sri"), Page("<link rel=stylesheet href=\"https://fonts.googleapis.com/css\">", ""));
  EXPECT_EQ(r.outcome, "sri-not-implemented-but-no-scripts-loaded");
  EXPECT_EQ(Detail(r, "resources").get<json::Array>().size(), 1u);
}

TEST(PageSri, ObservatoryOrderKeepsImplementedInsecureOverNotImplementedSecure) {
  // onlyIfWorse ranks "implemented but insecure" before "not implemented but secure".
  const std::string head = Script("src=\"http://a.example.com/a.js\" integrity=\"" + std::string(kH384) + "\"") +
                           Script("src=\"https://b.example.com/b.js\"");
  EXPECT_EQ(Outcome(FactoryOf("page.sri"), Page(head, "")), "sri-not-implemented-but-external-scripts-loaded-securely");
}

TEST(PageSri, AbsoluteBaseHrefMakesRelativeScriptsForeign) {
  EXPECT_EQ(Outcome(FactoryOf("page.sri"), Page("<base href=\"https://cdn.other.com/\">" + Script("src=\"a.js\""), "")),
            "sri-not-implemented-but-external-scripts-loaded-securely");
}

TEST(PageSri, NonHtmlStartUrl) {
  Exchange e = testing::MakeGet("https://api.example.gov.vn/v1", 200, "application/json", "{}");
  EXPECT_EQ(testing::RunOne(FactoryOf("page.sri"), {e}).outcome, "sri-not-implemented-response-not-html");
}

// ------------------------------------------------------------------------------------------------
// page.third-party

TEST(PageThirdParty, CleanPageHasNoThirdParty) {
  const CheckResult r = One(FactoryOf("page.third-party"), Page(Script("src=\"/a.js\""), "<img src=\"/logo.png\">"));
  EXPECT_EQ(r.outcome, "inventory");
  EXPECT_EQ(Detail(r, "count").get<std::int64_t>(), 0);
}

TEST(PageThirdParty, KindsAreRecorded) {
  const CheckResult r = One(FactoryOf("page.third-party"),
                            Page("", "<iframe src=\"https://www.youtube.com/embed/x\"></iframe><form action=\"https://www.google.com/search\"></form>"));
  EXPECT_EQ(r.outcome, "inventory");
  EXPECT_EQ(Detail(r, "count").get<std::int64_t>(), 2);
  const json::Array& origins = Detail(r, "origins").get<json::Array>();
  EXPECT_EQ(*json::FindString(origins[0], "origin"), "https://www.google.com");
  EXPECT_EQ(json::FindArray(origins[1], "kinds")->at(0).get<std::string>(), "frame");
}

TEST(PageThirdParty, AnalyticsFromInlineSnippet) {
  const CheckResult r =
      One(FactoryOf("page.third-party"), Page("<script>(function(){var s=document.createElement('script');s.src='https://www.google-analytics.com/analytics.js';})();</script>", ""));
  EXPECT_EQ(*json::FindString(Detail(r, "origins").get<json::Array>()[0], "origin"), "https://www.google-analytics.com");
}

TEST(PageThirdParty, PolyfillSubdomainIsMalicious) {
  EXPECT_EQ(Outcome(FactoryOf("page.third-party"), Page(Script("src=\"https://cdn.polyfill.io/v3/polyfill.min.js\""), "")),
            "malicious-host");
}

TEST(PageThirdParty, LookalikeHostIsNotMalicious) {
  EXPECT_EQ(Outcome(FactoryOf("page.third-party"), Page(Script("src=\"https://notpolyfill.io/a.js\""), "")), "inventory");
  EXPECT_EQ(Outcome(FactoryOf("page.third-party"), Page("<script>var u='https://polyfill.io.example.vn/x.js';</script>", "")),
            "inventory");
}

TEST(PageThirdParty, MaliciousImageIsOnlyInventory) {
  EXPECT_EQ(Outcome(FactoryOf("page.third-party"), Page("", "<img src=\"https://coinhive.com/logo.png\">")), "inventory");
}

TEST(PageThirdParty, MaliciousIframe) {
  EXPECT_EQ(Outcome(FactoryOf("page.third-party"), Page("", "<iframe src=\"https://union.macoms.la/x\"></iframe>")), "malicious-host");
}

TEST(PageThirdParty, InjectedScriptRequestFromHar) {
  Exchange req = testing::MakeGet("https://polyfillcache.com/p.js", 200, "application/javascript");
  req.request_headers.Add("Referer", kHome);
  const std::vector<CheckResult> r = testing::RunCheck(FactoryOf("page.third-party"), {Page("", ""), req});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].outcome, "malicious-host");
}

// ------------------------------------------------------------------------------------------------
// page.link-opener

const std::string kExternal = "href=\"https://chinhphu.vn/\" target=\"_blank\"";

TEST(PageLinkOpener, NoNewWindowLinksIsNotApplicable) {
  EXPECT_EQ(Outcome(FactoryOf("page.link-opener"), Page("", "<a href=\"https://chinhphu.vn/\">CP</a>")), "not-applicable");
}

TEST(PageLinkOpener, NoopenerIsOk) {
  EXPECT_EQ(Outcome(FactoryOf("page.link-opener"), Page("", "<a " + kExternal + " rel=\"noopener\">CP</a>")), "ok");
}

TEST(PageLinkOpener, MissingRel) {
  const CheckResult r = One(FactoryOf("page.link-opener"), Page("", "<a " + kExternal + ">CP</a>"));
  EXPECT_EQ(r.outcome, "missing-noopener");
  EXPECT_EQ(Detail(r, "unprotected_count").get<std::int64_t>(), 1);
}

TEST(PageLinkOpener, SameOriginNewWindowIsIgnored) {
  EXPECT_EQ(Outcome(FactoryOf("page.link-opener"), Page("", "<a href=\"/a.pdf\" target=\"_blank\">PDF</a>")), "not-applicable");
}

TEST(PageLinkOpener, NamedTargetOfAnInnerFrameIsIgnored) {
  EXPECT_EQ(Outcome(FactoryOf("page.link-opener"),
                    Page("", "<iframe name=\"nd\"></iframe><a href=\"https://chinhphu.vn/\" target=\"nd\">CP</a>")),
            "not-applicable");
  EXPECT_EQ(Outcome(FactoryOf("page.link-opener"), Page("", "<a href=\"https://chinhphu.vn/\" target=\"_new\">CP</a>")),
            "missing-noopener");
}

TEST(PageLinkOpener, RelOpenerOverrides) {
  EXPECT_EQ(Outcome(FactoryOf("page.link-opener"), Page("", "<a " + kExternal + " rel=\"noopener opener\">CP</a>")),
            "missing-noopener");
}

// ------------------------------------------------------------------------------------------------
// page.protocol-relative

TEST(PageProtocolRelative, CleanPageHasNone) {
  EXPECT_EQ(Outcome(FactoryOf("page.protocol-relative"), Page(Script("src=\"/a.js\""), "<a href=\"https://x.vn/\">x</a>")), "none");
}

TEST(PageProtocolRelative, ScriptSrc) {
  const CheckResult r = One(FactoryOf("page.protocol-relative"), Page(Script("src=\" //cdn.x.vn/a.js\""), ""));
  EXPECT_EQ(r.outcome, "present");
  EXPECT_EQ(*json::FindString(Detail(r, "references").get<json::Array>()[0], "url"), "//cdn.x.vn/a.js");
}

TEST(PageProtocolRelative, TripleSlashAndBackslashes) {
  EXPECT_EQ(Outcome(FactoryOf("page.protocol-relative"), Page("", "<a href=\"///a\">a</a>")), "none");
  EXPECT_EQ(Outcome(FactoryOf("page.protocol-relative"), Page("", "<a href=\"\\\\cdn.x.vn/a\">a</a>")), "present");
}

// ------------------------------------------------------------------------------------------------
// page.privacy-policy

TEST(PagePrivacyPolicy, MissingOnACleanPage) {
  EXPECT_EQ(Outcome(FactoryOf("page.privacy-policy"), Page("", "<p>Tin</p>")), "missing");
}

TEST(PagePrivacyPolicy, LinkTextWithDecomposedTones) {
  // "Chính sách bảo mật" with combining tone marks, as a windows-1258 page would give.
  EXPECT_EQ(Outcome(FactoryOf("page.privacy-policy"), Page("", "<a href=\"/p\">Chi\xCC\x81nh sa\xCC\x81" "ch ba\xCC\x89o m\xC3\xA2\xCC\xA3t</a>")),
            "found");
}

TEST(PagePrivacyPolicy, HrefPartAlone) {
  EXPECT_EQ(Outcome(FactoryOf("page.privacy-policy"), Page("", "<a href=\"/vi/chinh-sach-bao-mat\"><img src=\"/i.svg\"></a>")), "found");
}

TEST(PagePrivacyPolicy, LongLabelDoesNotCount) {
  const std::string headline(130, 'x');
  EXPECT_EQ(Outcome(FactoryOf("page.privacy-policy"), Page("", "<a href=\"/tin/1\">Quyền riêng tư " + headline + "</a>")), "missing");
}

TEST(PagePrivacyPolicy, OnlyTheHomePageIsJudged) {
  const std::vector<CheckResult> r = testing::RunCheck(
      FactoryOf("page.privacy-policy"), {Page("", "<p>Tin</p>"), Page("", "<a href=\"/privacy\">Privacy</a>", std::string(kHome) + "tin/1")});
  ASSERT_EQ(r.size(), 2u);
  for (const CheckResult& x : r) EXPECT_EQ(x.outcome, *x.page == kHome ? "missing" : "not-applicable");
}

TEST(PagePrivacyPolicy, BrokenLinkInHar) {
  Exchange broken = testing::MakeGet(std::string(kHome) + "chinh-sach-bao-mat", 404, "text/html", "Not found");
  const std::vector<CheckResult> r = testing::RunCheck(
      FactoryOf("page.privacy-policy"), {Page("", "<a href=\"/chinh-sach-bao-mat#top\">Chính sách bảo mật</a>"), broken});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].outcome, "missing");
}

// ------------------------------------------------------------------------------------------------
// page.contact

TEST(PageContact, MissingOnACleanPage) { EXPECT_EQ(Outcome(FactoryOf("page.contact"), Page("", "<p>Tin tức</p>")), "missing"); }

TEST(PageContact, Email) {
  const CheckResult r = One(FactoryOf("page.contact"), Page("", "<p>Thư điện tử: banbientap@example.gov.vn.</p>"));
  EXPECT_EQ(r.outcome, "found");
  EXPECT_EQ(Detail(r, "emails").get<json::Array>()[0].get<std::string>(), "banbientap@example.gov.vn");
}

TEST(PageContact, LabelledPhoneFormats) {
  for (const char* text : {"Điện thoại: 0236.3822.123", "- ĐT: 024 3825 6789", "Hotline: 0912 345 678", "Đường dây nóng 1900 1234"}) {
    SCOPED_TRACE(text);
    EXPECT_EQ(Outcome(FactoryOf("page.contact"), Page("", std::string("<p>") + text + "</p>")), "found");
  }
}

TEST(PageContact, UnlabelledNumbersNeedPlus84) {
  EXPECT_EQ(Outcome(FactoryOf("page.contact"), Page("", "<p>Mã hồ sơ 0912345678</p>")), "missing");
  EXPECT_EQ(Outcome(FactoryOf("page.contact"), Page("", "<p>(+84) 24 3825 6789</p>")), "found");
}

TEST(PageContact, AddressNeedsAnAddressWord) {
  EXPECT_EQ(Outcome(FactoryOf("page.contact"), Page("", "<p>Địa chỉ: 15 đường Lê Duẩn</p>")), "found");
  EXPECT_EQ(Outcome(FactoryOf("page.contact"), Page("", "<p>Địa chỉ email của bạn</p>")), "missing");
}

TEST(PageContact, ContactLinkAndTelLink) {
  EXPECT_EQ(Outcome(FactoryOf("page.contact"), Page("", "<a href=\"/gioi-thieu/lien-he\">Về chúng tôi</a>")), "found");
  EXPECT_EQ(Outcome(FactoryOf("page.contact"), Page("", "<a href=\"tel:02438256789\">Gọi</a>")), "found");
}

// ------------------------------------------------------------------------------------------------
// page.label-badge

std::string Badge(const std::string& slug, const std::string& id) {
  return "<a href=\"https://tinnhiemmang.vn/danh-ba-tin-nhiem/" + slug +
         "\" title=\"Chung nhan Tin Nhiem Mang\" target=\"_blank\"><img src=\"https://tinnhiemmang.vn/handle_cert?id=" + id +
         "\"></a>";
}

TEST(PageLabelBadge, AbsentOnACleanPage) { EXPECT_EQ(Outcome(FactoryOf("page.label-badge"), Page("", "<p>Tin</p>")), "absent"); }

TEST(PageLabelBadge, ValidBadge) {
  EXPECT_EQ(Outcome(FactoryOf("page.label-badge"), Page("", Badge("sotttteexamplegovvn-1636097761", "sotttt.example.gov.vn"))), "mismatch");
  EXPECT_EQ(Outcome(FactoryOf("page.label-badge"), Page("", Badge("sotttexamplegovvn-1636097761", "sotttt.example.gov.vn"))), "mismatch");
  EXPECT_EQ(Outcome(FactoryOf("page.label-badge"), Page("", Badge("sottttexamplegovvn-1636097761", "sotttt.example.gov.vn"))), "valid");
}

TEST(PageLabelBadge, IdNamesAnotherHost) {
  const CheckResult r = One(FactoryOf("page.label-badge"), Page("", Badge("sottttexamplegovvn-1636097761", "www.other.vn")));
  EXPECT_EQ(r.outcome, "mismatch");
  EXPECT_EQ(*json::FindString(Detail(r, "images").get<json::Array>()[0], "status"), "id-names-other-site");
}

TEST(PageLabelBadge, WwwAndEncodedIdAreTheSameHost) {
  EXPECT_EQ(Outcome(FactoryOf("page.label-badge"),
                    Page("", Badge("wwwsottttexamplegovvn-1", "WWW.sotttt%2Eexample.gov.vn"))),
            "valid");
}

TEST(PageLabelBadge, LinkToTheLabelHomePage) {
  EXPECT_EQ(Outcome(FactoryOf("page.label-badge"), Page("", "<a href=\"https://tinnhiemmang.vn/\"><img src=\"/tnm.png\"></a>")), "mismatch");
  EXPECT_EQ(Outcome(FactoryOf("page.label-badge"), Page("", "<a href=\"https://tinnhiemmang.vn/\">tinnhiemmang.vn</a>")), "absent");
}

TEST(PageLabelBadge, HostileStringsAreMadeSafe) {
  const CheckResult r = One(FactoryOf("page.label-badge"), Page("", Badge("x-1", "a%FF%00b")));
  EXPECT_EQ(r.outcome, "mismatch");
  const std::string id = *json::FindString(Detail(r, "images").get<json::Array>()[0], "id");
  EXPECT_EQ(id.find('\0'), std::string::npos);
}

}  // namespace
}  // namespace portal_check
