// The header.* checks (header_<name>.cc) and their parsers, Observatory style: every check test
// starts from one clean page response (all recommended headers set) and changes one header.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/registry.h"
#include "evidence/media_type.h"
#include "normalize/page_model.h"
#include "normalize/referrer_policy.h"
#include "normalize/structured_field.h"

namespace portal_check {
namespace {

using testing::FactoryOf;

using testing::CheckFactory;
using testing::RunCheck;

constexpr char kHome[] = "https://sotttt.example.gov.vn/";
constexpr char kBody[] =
    "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Sở TT&amp;TT</title></head>"
    "<body><h1>Cổng thông tin điện tử</h1></body></html>";

// The clean response: every header these checks recommend, nothing they warn about.
Exchange CleanPage(std::string url = kHome, std::string body = kBody) {
  Exchange e = testing::MakeGet(std::move(url), 200, "text/html", std::move(body));
  e.resource_type = "document";
  HeaderList& h = e.response_headers;
  h.Add("Content-Type", "text/html; charset=utf-8");
  h.Add("X-Content-Type-Options", "nosniff");
  h.Add("Referrer-Policy", "strict-origin-when-cross-origin");
  h.Add("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  h.Add("Cross-Origin-Opener-Policy", "same-origin");
  h.Add("Cross-Origin-Embedder-Policy", "require-corp");
  h.Add("Cross-Origin-Resource-Policy", "same-origin");
  h.Add("Cache-Control", "no-store");
  return e;
}

// Returns a copy of `e` with header `name` removed (every line), then `value` added unless null.
Exchange With(Exchange e, std::string_view name, const char* value) {
  HeaderList kept;
  for (const HeaderField& f : e.response_headers.fields()) {
    if (f.name.size() == name.size() && std::equal(f.name.begin(), f.name.end(), name.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
        }))
      continue;
    kept.Add(f.name, f.value);
  }
  if (value != nullptr) kept.Add(name, value);
  e.response_headers = kept;
  return e;
}

Exchange Resource(std::string url, std::string mime) { return testing::MakeGet(std::move(url), 200, std::move(mime)); }

// The single result of a one-page run.
CheckResult One(CheckFactory make, const Exchange& page) { return testing::RunOne(make, {page}); }

std::string Outcome(CheckFactory make, const Exchange& page) { return One(make, page).outcome; }

const json::Value& Detail(const CheckResult& r, const std::string& key) { return testing::DetailOrNull(r, key); }

// ------------------------------------------------------------------------------------------------
// RFC 8941 parser

TEST(StructuredField, ParsesTokenItemWithParameters) {
  auto item = sf::ParseItem("same-origin; report-to=\"coop\"");
  ASSERT_TRUE(item);
  EXPECT_EQ(item->bare.type, sf::BareItem::Type::kToken);
  EXPECT_EQ(item->bare.text, "same-origin");
  ASSERT_EQ(item->params.size(), 1u);
  EXPECT_EQ(item->params[0].key, "report-to");
  EXPECT_EQ(item->params[0].value.text, "coop");
}

TEST(StructuredField, RejectsTrailingGarbageAndLists) {
  EXPECT_FALSE(sf::ParseItem("same-origin, same-origin"));
  EXPECT_FALSE(sf::ParseItem("\"unterminated"));
  EXPECT_FALSE(sf::ParseItem(""));
  EXPECT_FALSE(sf::ParseItem("same-origin;"));
}

TEST(StructuredField, ParsesBareItemKinds) {
  EXPECT_EQ(sf::ParseItem("42")->bare.integer, 42);
  EXPECT_EQ(sf::ParseItem("-7")->bare.integer, -7);
  EXPECT_EQ(sf::ParseItem("1.5")->bare.type, sf::BareItem::Type::kDecimal);
  EXPECT_FALSE(sf::ParseItem("1."));
  EXPECT_FALSE(sf::ParseItem("1234567890123456"));  // 16 digits
  EXPECT_TRUE(sf::ParseItem("?1")->bare.boolean);
  EXPECT_EQ(sf::ParseItem(":aGVsbG8=:")->bare.type, sf::BareItem::Type::kByteSequence);
  EXPECT_EQ(sf::ParseItem("\"a\\\"b\"")->bare.text, "a\"b");
  EXPECT_FALSE(sf::ParseItem("\"a\\nb\""));
}

TEST(StructuredField, ParsesPermissionsPolicyDictionary) {
  std::string error;
  auto dict = sf::ParseDictionary("geolocation=(self \"https://a.example\"), camera=(), fullscreen=*, usb", &error);
  ASSERT_TRUE(dict) << error;
  ASSERT_EQ(dict->members.size(), 4u);
  EXPECT_EQ(dict->members[0].first, "geolocation");
  EXPECT_TRUE(dict->members[0].second.is_inner_list);
  ASSERT_EQ(dict->members[0].second.inner.size(), 2u);
  EXPECT_EQ(dict->members[0].second.inner[1].bare.text, "https://a.example");
  EXPECT_TRUE(dict->members[1].second.inner.empty());
  EXPECT_EQ(dict->members[2].second.item.bare.text, "*");
  EXPECT_TRUE(dict->members[3].second.item.bare.boolean);
}

TEST(StructuredField, DictionaryErrors) {
  EXPECT_FALSE(sf::ParseDictionary("camera 'none'; microphone 'none'"));
  EXPECT_FALSE(sf::ParseDictionary("Camera=()"));
  EXPECT_FALSE(sf::ParseDictionary("camera=(),"));
  EXPECT_FALSE(sf::ParseDictionary("camera=(self"));
  EXPECT_FALSE(sf::ParseDictionary("camera=(self,none)"));
  std::string error;
  EXPECT_FALSE(sf::ParseDictionary("a=1 b=2", &error));
  EXPECT_FALSE(error.empty());
}

TEST(StructuredField, DuplicateKeyKeepsPositionTakesLastValue) {
  auto dict = sf::ParseDictionary("a=1, b=2, a=3");
  ASSERT_TRUE(dict);
  ASSERT_EQ(dict->members.size(), 2u);
  EXPECT_EQ(dict->members[0].second.item.bare.integer, 3);
  ASSERT_EQ(dict->duplicate_keys.size(), 1u);
}

TEST(StructuredField, ListAndHostileInputStayLinear) {
  EXPECT_EQ(sf::ParseList("a, (b c);x, \"d\"")->size(), 3u);
  std::string deep(100000, '(');
  EXPECT_FALSE(sf::ParseList(deep));  // inner lists do not nest: fails at the second '('
  std::string wide;
  for (int i = 0; i < 20000; ++i) wide += "k" + std::to_string(i) + "=(), ";
  wide += "z=()";
  auto dict = sf::ParseDictionary(wide);
  ASSERT_TRUE(dict);
  EXPECT_EQ(dict->members.size(), 20001u);
}

// ------------------------------------------------------------------------------------------------
// Referrer policy and media type parsers

TEST(ReferrerPolicyParser, LastValidTokenWins) {
  EXPECT_EQ(ParseReferrerPolicyHeader({"no-referrer, foo, strict-origin-when-cross-origin"}),
            "strict-origin-when-cross-origin");
  EXPECT_EQ(ParseReferrerPolicyHeader({"unsafe-url", "NO-REFERRER"}), "no-referrer");
  EXPECT_EQ(ParseReferrerPolicyHeader({"unsafe-url", "bogus"}), "unsafe-url");
  EXPECT_FALSE(ParseReferrerPolicyHeader({"bogus", ""}));
}

TEST(ReferrerPolicyParser, MetaLegacyKeywords) {
  EXPECT_EQ(ParseReferrerMeta("never"), "no-referrer");
  EXPECT_EQ(ParseReferrerMeta(" Always "), "unsafe-url");
  EXPECT_EQ(ParseReferrerMeta("default"), "strict-origin-when-cross-origin");
  EXPECT_EQ(ParseReferrerMeta("origin-when-crossorigin"), "origin-when-cross-origin");
  EXPECT_FALSE(ParseReferrerMeta("no-referrer, unsafe-url"));
  EXPECT_FALSE(ParseReferrerMeta(""));
}

TEST(ReferrerPolicyParser, ObservatoryReading) {
  const std::string never = "never";
  EXPECT_EQ(ObservatoryReferrerResult({"unsafe-url"}, &never), "referrer-policy-unsafe");
  const std::string empty;
  EXPECT_EQ(ObservatoryReferrerResult({}, &empty), "referrer-policy-header-invalid");
  EXPECT_EQ(ObservatoryReferrerResult({}, nullptr), "referrer-policy-not-implemented");
  const std::string list = "no-referrer, unsafe-url";
  EXPECT_EQ(ObservatoryReferrerResult({"same-origin"}, &list), "referrer-policy-unsafe");
}

TEST(MediaTypeParser, CharsetAndAliases) {
  MediaType t = ParseMediaType("Text/HTML; Charset=\"UTF-8\"; foo=bar");
  EXPECT_EQ(t.essence, "text/html");
  EXPECT_EQ(t.charset, "utf-8");
  EXPECT_FALSE(ParseMediaType("text/html").charset);
  EXPECT_EQ(ParseMediaType("nonsense").essence, "");
  EXPECT_EQ(CanonicalCharset("UTF8"), "utf-8");
  EXPECT_EQ(CanonicalCharset("cp1258"), "windows-1258");
  EXPECT_EQ(CanonicalCharset("ISO-8859-1"), "windows-1252");
  EXPECT_EQ(CanonicalCharset("x-unknown"), "x-unknown");
}

// ------------------------------------------------------------------------------------------------
// Checks: the clean page passes every one

TEST(HeaderChecks, CleanPagePassesEverything) {
  const Exchange page = CleanPage();
  EXPECT_EQ(Outcome(FactoryOf("header.content-type-options"), page), "nosniff");
  EXPECT_EQ(Outcome(FactoryOf("header.referrer-policy"), page), "private");
  EXPECT_EQ(Outcome(FactoryOf("header.permissions-policy"), page), "set");
  EXPECT_EQ(Outcome(FactoryOf("header.cross-origin-isolation"), page), "corp-implemented-with-same-origin");
  EXPECT_EQ(Outcome(FactoryOf("header.cors"), page), "not-set");
  EXPECT_EQ(Outcome(FactoryOf("header.version-disclosure"), page), "none");
  EXPECT_EQ(Outcome(FactoryOf("header.cache-control"), page), "not-applicable");
  EXPECT_EQ(Outcome(FactoryOf("header.content-type"), page), "ok");
  EXPECT_EQ(Outcome(FactoryOf("header.deprecated"), page), "none");
}

TEST(HeaderChecks, NonPagesGiveNoPageResults) {
  Exchange script = Resource("https://sotttt.example.gov.vn/js/app.js", "application/javascript");
  EXPECT_TRUE(RunCheck(FactoryOf("header.referrer-policy"), {script}).empty());
  EXPECT_TRUE(RunCheck(FactoryOf("header.content-type-options"), {script}).empty());
  EXPECT_TRUE(RunCheck(FactoryOf("header.cors"), {script}).empty());
}

// ------------------------------------------------------------------------------------------------
// header.content-type-options

TEST(ContentTypeOptions, OneHeaderAtATime) {
  EXPECT_EQ(Outcome(FactoryOf("header.content-type-options"), With(CleanPage(), "X-Content-Type-Options", nullptr)), "missing");
  EXPECT_EQ(Outcome(FactoryOf("header.content-type-options"), With(CleanPage(), "X-Content-Type-Options", "NoSniff")), "nosniff");
  EXPECT_EQ(Outcome(FactoryOf("header.content-type-options"), With(CleanPage(), "X-Content-Type-Options", "nosnif")), "invalid");
  CheckResult empty = One(FactoryOf("header.content-type-options"), With(CleanPage(), "X-Content-Type-Options", ""));
  EXPECT_EQ(empty.outcome, "invalid");
  EXPECT_EQ(empty.observatory_result, "x-content-type-options-not-implemented");
}

TEST(ContentTypeOptions, RepeatedValueDivergesFromObservatory) {
  CheckResult r = One(FactoryOf("header.content-type-options"), With(CleanPage(), "X-Content-Type-Options", "nosniff, nosniff"));
  EXPECT_EQ(r.outcome, "nosniff");
  EXPECT_EQ(r.observatory_result, "x-content-type-options-header-invalid");
  EXPECT_FALSE(One(FactoryOf("header.content-type-options"), CleanPage()).observatory_result);
}

TEST(ContentTypeOptions, ListsSameOriginSubresourcesBounded) {
  std::vector<Exchange> all;
  // A script before the page (HAR order is not load order) and many stylesheets after it.
  all.push_back(Resource("https://sotttt.example.gov.vn/js/first.js", "text/javascript"));
  all.push_back(CleanPage());
  for (int i = 0; i < 60; ++i) all.push_back(Resource("https://sotttt.example.gov.vn/css/" + std::to_string(i) + ".css", "text/css"));
  Exchange good = Resource("https://sotttt.example.gov.vn/js/ok.js", "text/javascript");
  good.response_headers.Add("X-Content-Type-Options", "nosniff");
  all.push_back(good);
  all.push_back(Resource("https://cdn.example.com/lib.js", "text/javascript"));  // other origin
  std::vector<CheckResult> r = RunCheck(FactoryOf("header.content-type-options"), all);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].outcome, "nosniff");
  EXPECT_EQ(Detail(r[0], "subresources_without_nosniff_count").get<std::int64_t>(), 61);
  EXPECT_EQ(Detail(r[0], "subresources_without_nosniff").get<json::Array>().size(), 50u);
}

// ------------------------------------------------------------------------------------------------
// header.referrer-policy

TEST(ReferrerPolicy, OneHeaderAtATime) {
  auto rp = [](const char* v) { return Outcome(FactoryOf("header.referrer-policy"), With(CleanPage(), "Referrer-Policy", v)); };
  EXPECT_EQ(rp(nullptr), "not-set");
  EXPECT_EQ(rp("no-referrer"), "private");
  EXPECT_EQ(rp("same-origin"), "private");
  EXPECT_EQ(rp("strict-origin"), "private");
  EXPECT_EQ(rp("origin"), "unsafe");
  EXPECT_EQ(rp("origin-when-cross-origin"), "unsafe");
  EXPECT_EQ(rp("unsafe-url"), "unsafe");
  EXPECT_EQ(rp("no-referrer-when-downgrade"), "unsafe");
  EXPECT_EQ(rp("no-referrer, unsafe-url"), "unsafe");
  EXPECT_EQ(rp("unsafe-url, no-referrer"), "private");
  EXPECT_EQ(rp("unsafe-url, not-a-policy"), "unsafe");
  EXPECT_EQ(rp("not-a-policy"), "invalid");
}

TEST(ReferrerPolicy, MetaOverridesHeader) {
  const std::string body =
      "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"unsafe-url\"></head>"
      "<body></body></html>";
  CheckResult r = One(FactoryOf("header.referrer-policy"), CleanPage(kHome, body));
  EXPECT_EQ(r.outcome, "unsafe");
  EXPECT_EQ(Detail(r, "source").get<std::string>(), "meta");
  EXPECT_FALSE(r.observatory_result);  // the Observatory also reads the meta last
}

TEST(ReferrerPolicy, InvalidMetaLeavesHeaderButObservatoryDisagrees) {
  const std::string body =
      "<!doctype html><html><head><meta name=\"referrer\" content=\"\"></head><body></body></html>";
  CheckResult r = One(FactoryOf("header.referrer-policy"), CleanPage(kHome, body));
  EXPECT_EQ(r.outcome, "private");
  EXPECT_FALSE(r.observatory_result);  // "strict-origin-when-cross-origin, " still ends with a valid token
  CheckResult only_meta =
      One(FactoryOf("header.referrer-policy"), With(CleanPage(kHome, body), "Referrer-Policy", nullptr));
  EXPECT_EQ(only_meta.outcome, "invalid");
}

TEST(ReferrerPolicy, LegacyMetaKeywordDiverges) {
  const std::string body = "<!doctype html><html><head><meta name=referrer content=always></head><body></body></html>";
  CheckResult r = One(FactoryOf("header.referrer-policy"), With(CleanPage(kHome, body), "Referrer-Policy", nullptr));
  EXPECT_EQ(r.outcome, "unsafe");
  EXPECT_EQ(r.observatory_result, "referrer-policy-header-invalid");
}

// ------------------------------------------------------------------------------------------------
// header.permissions-policy

TEST(PermissionsPolicy, OneHeaderAtATime) {
  auto pp = [](const char* v) { return Outcome(FactoryOf("header.permissions-policy"), With(CleanPage(), "Permissions-Policy", v)); };
  EXPECT_EQ(pp(nullptr), "missing");
  EXPECT_EQ(pp(""), "missing");
  EXPECT_EQ(pp("geolocation=(self \"https://bando.example.gov.vn\")"), "set");
  EXPECT_EQ(pp("interest-cohort=()"), "set");
  EXPECT_EQ(pp("camera 'none'"), "invalid");
  EXPECT_EQ(pp("camera=(none"), "invalid");
}

TEST(PermissionsPolicy, NotesFeaturePolicyAndIgnoredMembers) {
  Exchange page = With(CleanPage(), "Permissions-Policy", "camera=(), microphone=none, usb=?0");
  page.response_headers.Add("Feature-Policy", "camera 'none'");
  CheckResult r = One(FactoryOf("header.permissions-policy"), page);
  EXPECT_EQ(r.outcome, "set");
  EXPECT_TRUE(Detail(r, "feature_policy_deprecated").get<bool>());
  EXPECT_EQ(Detail(r, "ignored_members").get<json::Array>().size(), 2u);
  CheckResult legacy_only = One(FactoryOf("header.permissions-policy"),
                                With(With(CleanPage(), "Permissions-Policy", nullptr), "Feature-Policy", "camera 'none'"));
  EXPECT_EQ(legacy_only.outcome, "missing");
  EXPECT_TRUE(Detail(legacy_only, "feature_policy_deprecated").get<bool>());
}

// ------------------------------------------------------------------------------------------------
// header.cross-origin-isolation

TEST(CrossOriginIsolation, CorpOneHeaderAtATime) {
  auto corp = [](const char* v) {
    return One(FactoryOf("header.cross-origin-isolation"), With(CleanPage(), "Cross-Origin-Resource-Policy", v));
  };
  EXPECT_EQ(corp(nullptr).outcome, "corp-not-implemented");
  EXPECT_EQ(corp("same-site").outcome, "corp-implemented-with-same-site");
  EXPECT_EQ(corp("cross-origin").outcome, "corp-implemented-with-cross-origin");
  EXPECT_EQ(corp("same-orign").outcome, "corp-header-invalid");
  CheckResult upper = corp("Same-Origin");
  EXPECT_EQ(upper.outcome, "corp-header-invalid");
  EXPECT_EQ(upper.observatory_result, "corp-implemented-with-same-origin");
  CheckResult empty = corp("");
  EXPECT_EQ(empty.outcome, "corp-header-invalid");
  EXPECT_EQ(empty.observatory_result, "corp-not-implemented");
}

TEST(CrossOriginIsolation, CorpTwiceIsInvalidForBrowsersAndTheObservatory) {
  // Browsers combine the two fields; Node joins them with ", " before the Observatory reads them.
  Exchange page = CleanPage();
  page.response_headers.Add("Cross-Origin-Resource-Policy", "same-origin");
  CheckResult r = One(FactoryOf("header.cross-origin-isolation"), page);
  EXPECT_EQ(r.outcome, "corp-header-invalid");
  EXPECT_FALSE(r.observatory_result.has_value());
}

TEST(CrossOriginIsolation, CoopAndCoepInDetails) {
  auto policy = [](const CheckResult& r, const char* part) {
    return *json::FindString(Detail(r, part), "policy");
  };
  CheckResult clean = One(FactoryOf("header.cross-origin-isolation"), CleanPage());
  EXPECT_EQ(policy(clean, "coop"), "same-origin");
  EXPECT_EQ(policy(clean, "coep"), "require-corp");
  EXPECT_TRUE(Detail(clean, "cross_origin_isolated").get<bool>());

  auto coop = [&](const char* v) {
    return policy(One(FactoryOf("header.cross-origin-isolation"), With(CleanPage(), "Cross-Origin-Opener-Policy", v)), "coop");
  };
  EXPECT_EQ(coop(nullptr), "missing");
  EXPECT_EQ(coop("same-origin-allow-popups"), "same-origin-allow-popups");
  EXPECT_EQ(coop("unsafe-none"), "unsafe-none");
  EXPECT_EQ(coop("same-origin; report-to=\"coop-endpoint\""), "same-origin");
  EXPECT_EQ(coop("Same-Origin"), "invalid");
  EXPECT_EQ(coop("\"same-origin\""), "invalid");
  EXPECT_EQ(coop("same-origin same-origin"), "invalid");

  auto coep = [&](const char* v) {
    return policy(One(FactoryOf("header.cross-origin-isolation"), With(CleanPage(), "Cross-Origin-Embedder-Policy", v)), "coep");
  };
  EXPECT_EQ(coep(nullptr), "missing");
  EXPECT_EQ(coep("credentialless"), "credentialless");
  EXPECT_EQ(coep("unsafe-none"), "unsafe-none");
  EXPECT_EQ(coep("require_corp"), "invalid");
  CheckResult no_coep = One(FactoryOf("header.cross-origin-isolation"), With(CleanPage(), "Cross-Origin-Embedder-Policy", nullptr));
  EXPECT_FALSE(Detail(no_coep, "cross_origin_isolated").get<bool>());
}

// ------------------------------------------------------------------------------------------------
// header.cors

Exchange Api(const char* acao, const char* acac, const char* origin,
             std::string url = "https://sotttt.example.gov.vn/api/lich") {
  Exchange e = Resource(std::move(url), "application/json");
  if (acao) e.response_headers.Add("Access-Control-Allow-Origin", acao);
  if (acac) e.response_headers.Add("Access-Control-Allow-Credentials", acac);
  if (origin) e.request_headers.Add("Origin", origin);
  return e;
}

std::string CorsOutcome(const Exchange& api) {
  std::vector<CheckResult> r = RunCheck(FactoryOf("header.cors"), {CleanPage(), api});
  EXPECT_EQ(r.size(), 1u);
  return r.empty() ? "" : r[0].outcome;
}

TEST(Cors, Classes) {
  EXPECT_EQ(CorsOutcome(Api(nullptr, nullptr, nullptr)), "not-set");
  EXPECT_EQ(CorsOutcome(Api("*", nullptr, nullptr)), "public");
  EXPECT_EQ(CorsOutcome(Api("*", "true", nullptr)), "universal-with-credentials");
  EXPECT_EQ(CorsOutcome(Api("null", nullptr, "null")), "null-origin");
  EXPECT_EQ(CorsOutcome(Api("https://motcua.example.gov.vn", "true", "https://motcua.example.gov.vn")), "restricted");
  EXPECT_EQ(CorsOutcome(Api("https://evil.example.com", "true", "https://evil.example.com")), "universal-with-credentials");
  EXPECT_EQ(CorsOutcome(Api("https://evil.example.com", nullptr, "https://evil.example.com")), "restricted");
  EXPECT_EQ(CorsOutcome(Api("https://partner.example.com", "true", nullptr)), "restricted");
}

TEST(Cors, OtherOriginsDoNotCountAndOrderDoesNot) {
  std::vector<CheckResult> r =
      RunCheck(FactoryOf("header.cors"), {Api("*", "true", nullptr, "https://other.example.gov.vn/api"), CleanPage()});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].outcome, "not-set");
  r = RunCheck(FactoryOf("header.cors"), {Api("*", "true", nullptr), CleanPage()});
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].outcome, "universal-with-credentials");
}

TEST(Cors, ExamplesAreBoundedAndKeepFailures) {
  std::vector<Exchange> all{CleanPage()};
  for (int i = 0; i < 40; ++i) all.push_back(Api("*", nullptr, nullptr, "https://sotttt.example.gov.vn/f/" + std::to_string(i)));
  all.push_back(Api("null", nullptr, nullptr));
  std::vector<CheckResult> r = RunCheck(FactoryOf("header.cors"), all);
  ASSERT_EQ(r.size(), 1u);
  EXPECT_EQ(r[0].outcome, "null-origin");
  const json::Array& examples = Detail(r[0], "examples").get<json::Array>();
  EXPECT_EQ(examples.size(), 20u);
  bool has_null = false;
  for (const json::Value& e : examples) has_null = has_null || *json::FindString(e, "class") == "null-origin";
  EXPECT_TRUE(has_null);
}

// ------------------------------------------------------------------------------------------------
// header.version-disclosure

TEST(VersionDisclosure, OneHeaderAtATime) {
  auto vd = [](const char* name, const char* v) { return Outcome(FactoryOf("header.version-disclosure"), With(CleanPage(), name, v)); };
  EXPECT_EQ(vd("Server", "nginx"), "product-only");
  EXPECT_EQ(vd("Server", "Microsoft-IIS/8.5"), "version");
  EXPECT_EQ(vd("Server", "Apache/2.4.41 (Ubuntu)"), "version");
  EXPECT_EQ(vd("Server", "Apache"), "product-only");
  EXPECT_EQ(vd("Server", "AmazonS3"), "product-only");
  EXPECT_EQ(vd("X-Powered-By", "PHP/7.4.3"), "version");
  EXPECT_EQ(vd("X-Powered-By", "ASP.NET"), "product-only");
  EXPECT_EQ(vd("X-AspNet-Version", "4.0.30319"), "version");
  EXPECT_EQ(vd("X-AspNetMvc-Version", "5.2"), "version");
  EXPECT_EQ(vd("X-Generator", "Drupal 9 (https://www.drupal.org)"), "version");
  EXPECT_EQ(vd("X-Generator", "WordPress v6.4"), "version");
  EXPECT_EQ(vd("X-Backend-Server", "web01.noibo"), "product-only");
  EXPECT_EQ(vd("X-Debug-Token", "a1b2c3"), "version");
  EXPECT_EQ(vd("Liferay-Portal", "Liferay Community Edition Portal 7.4.3.112 CE GA112"), "version");
  EXPECT_EQ(vd("Server", ""), "none");
}

TEST(VersionDisclosure, DetailsAreSafeUtf8) {
  CheckResult r = One(FactoryOf("header.version-disclosure"), With(CleanPage(), "Server", "Apache/2.4\xff"));
  const json::Array& headers = Detail(r, "headers").get<json::Array>();
  ASSERT_EQ(headers.size(), 1u);
  EXPECT_EQ(*json::FindString(headers[0], "value"), "Apache/2.4\xEF\xBF\xBD");
}

// ------------------------------------------------------------------------------------------------
// header.cache-control

constexpr char kLogin[] =
    "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><form method=post action=\"/dang-nhap\">"
    "<input name=username><input type=password name=password></form></body></html>";
constexpr char kFeedback[] =
    "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><form method=post>"
    "<label for=a>Họ và tên</label><input id=a name=f1>"
    "<input name=txtSoDienThoai>"
    "<textarea name=noidung></textarea></form></body></html>";
constexpr char kNewsletter[] =
    "<!doctype html><html><head><meta charset=\"utf-8\"></head><body><form method=post>"
    "<input type=email name=email placeholder=\"Email nhận bản tin\"></form></body></html>";

TEST(CacheControl, LoginFormNeedsNoStoreOrPrivate) {
  auto cc = [](const char* v) {
    return Outcome(FactoryOf("header.cache-control"), With(CleanPage(kHome, kLogin), "Cache-Control", v));
  };
  EXPECT_EQ(cc("no-store"), "ok");
  EXPECT_EQ(cc("private, max-age=0"), "ok");
  EXPECT_EQ(cc("No-Store"), "ok");
  EXPECT_EQ(cc(nullptr), "cacheable-sensitive");
  EXPECT_EQ(cc("no-cache"), "cacheable-sensitive");
  EXPECT_EQ(cc("public, max-age=3600"), "cacheable-sensitive");
  EXPECT_EQ(cc("private=\"Set-Cookie\""), "cacheable-sensitive");
}

TEST(CacheControl, PersonalDataFormsNeedTwoFields) {
  CheckResult r = One(FactoryOf("header.cache-control"), With(CleanPage(kHome, kFeedback), "Cache-Control", "max-age=60"));
  EXPECT_EQ(r.outcome, "cacheable-sensitive");
  EXPECT_EQ(Detail(r, "personal_data_fields").get<json::Array>().size(), 2u);
  EXPECT_EQ(Outcome(FactoryOf("header.cache-control"), With(CleanPage(kHome, kNewsletter), "Cache-Control", "max-age=60")),
            "not-applicable");
}

TEST(CacheControl, SessionCookie) {
  Exchange page = With(CleanPage(), "Cache-Control", "max-age=600");
  page.response_headers.Add("Set-Cookie", "ASP.NET_SessionId=abc; path=/; HttpOnly");
  CheckResult r = One(FactoryOf("header.cache-control"), page);
  EXPECT_EQ(r.outcome, "cacheable-sensitive");
  EXPECT_EQ(Detail(r, "session_cookies").get<json::Array>().size(), 1u);
  Exchange prefs = With(CleanPage(), "Cache-Control", "max-age=600");
  prefs.response_headers.Add("Set-Cookie", "font_size=large; path=/");
  EXPECT_EQ(Outcome(FactoryOf("header.cache-control"), prefs), "not-applicable");
}

// ------------------------------------------------------------------------------------------------
// header.content-type

TEST(ContentType, OneHeaderAtATime) {
  auto ct = [](const char* v, std::string body = kBody) {
    return Outcome(FactoryOf("header.content-type"), With(CleanPage(kHome, body), "Content-Type", v));
  };
  const std::string no_meta = "<!doctype html><html><head></head><body>x</body></html>";
  EXPECT_EQ(ct(nullptr), "missing");
  EXPECT_EQ(ct("text/html"), "ok");  // the meta declares it
  EXPECT_EQ(ct("text/html", no_meta), "missing");
  EXPECT_EQ(ct("text/html; charset=", no_meta), "missing");
  EXPECT_EQ(ct("text/html; charset=UTF8"), "ok");
  EXPECT_EQ(ct("text/html; charset=windows-1258"), "charset-mismatch");
  EXPECT_EQ(ct("text/html; charset=windows-1258", no_meta), "ok");
}

// ------------------------------------------------------------------------------------------------
// header.deprecated

TEST(Deprecated, OneHeaderAtATime) {
  auto dep = [](const char* name, const char* v) { return Outcome(FactoryOf("header.deprecated"), With(CleanPage(), name, v)); };
  EXPECT_EQ(dep("X-XSS-Protection", "0"), "none");
  EXPECT_EQ(dep("X-XSS-Protection", "0; mode=block"), "none");
  EXPECT_EQ(dep("X-XSS-Protection", "1; mode=block"), "present");
  EXPECT_EQ(dep("X-XSS-Protection", "1"), "present");
  EXPECT_EQ(dep("Public-Key-Pins", "pin-sha256=\"x\"; max-age=10"), "present");
  EXPECT_EQ(dep("P3P", "CP=\"CAO PSA OUR\""), "present");
  EXPECT_EQ(dep("Expect-CT", "max-age=86400, enforce"), "present");
}

}  // namespace
}  // namespace portal_check
