// The advisory data of page.vulnerable-library (generated js-advisories.json plus the hand-kept
// supplement) as the engine loads it, banner anchoring and URL file-name segments.
#include <gtest/gtest.h>

#include <string>

#include "check_harness.h"
#include "checks/registry.h"
#include "checks/support/js_libraries.h"
#include "report/library_summary.h"
#include "util/json_scan.h"

namespace portal_check {
namespace {

using testing::FactoryOf;

const JsLibraryTable& Shipped() {
  static const JsLibraryTable t = [] {
    const json::Value& data = testing::RulesetData();
    return JsLibraryTable::FromData(*json::Find(data, "js-libraries"), *json::Find(data, "js-advisories"),
                                    *json::Find(data, "js-advisories-supplement"));
  }();
  return t;
}

const JsLibrary* Find(const std::string& name) {
  for (const JsLibrary& lib : Shipped().libraries())
    if (lib.name == name) return &lib;
  return nullptr;
}

bool HasAdvisory(const std::string& lib, const std::string& version, const std::string& id) {
  const JsLibrary* l = Find(lib);
  if (!l) return false;
  for (const JsAdvisory* a : JsLibraryTable::Affecting(*l, version))
    for (const std::string& x : a->ids)
      if (x == id) return true;
  return false;
}

TEST(JsAdvisories, DataDateAndSourceAreRecorded) {
  EXPECT_EQ(Shipped().data_date().size(), 10u);  // YYYY-MM-DD
  EXPECT_NE(Shipped().data_source().find("retire.js@"), std::string::npos) << Shipped().data_source();
}

TEST(JsAdvisories, GeneratedAndSupplementAdvisoriesApply) {
  EXPECT_TRUE(HasAdvisory("jquery", "3.4.1", "CVE-2020-11022"));
  EXPECT_FALSE(HasAdvisory("jquery", "3.5.0", "CVE-2020-11022"));
  // Supplement: CKEditor 4 before 4.24.0-lts, Bootstrap 4 up to 4.6.2 (no fixed release).
  EXPECT_TRUE(HasAdvisory("ckeditor4", "4.22.1", "CVE-2024-24815"));
  EXPECT_FALSE(HasAdvisory("ckeditor4", "4.24.0-lts", "CVE-2024-24815"));
  EXPECT_TRUE(HasAdvisory("ckeditor4", "4.24.0-lts", "CVE-2024-43407"));
  EXPECT_FALSE(HasAdvisory("ckeditor4", "4.25.1-lts", "CVE-2024-43407"));
  EXPECT_TRUE(HasAdvisory("bootstrap", "4.6.2", "CVE-2024-6531"));
  EXPECT_FALSE(HasAdvisory("bootstrap", "5.0.0", "CVE-2024-6531"));
  // The full jQuery UI build carries the dialog widget's advisories.
  EXPECT_TRUE(HasAdvisory("jquery-ui", "1.11.4", "CVE-2016-7103"));
}

TEST(JsAdvisories, SupplementEntryAlreadyInTheGeneratedDataIsNotRepeated) {
  json::Value libraries, advisories, supplement;
  ASSERT_TRUE(json::ParseBounded(R"({"libraries":[{"name":"x","banners":["X v{v}"]}]})", 16, libraries).ok());
  ASSERT_TRUE(json::ParseBounded(R"({"source":{"date":"2026-08-22","repository":"r/r","commit":"0123456789abcdef"},
    "libraries":{"x":[{"ids":["CVE-1","GHSA-a"],"range":"<2.0.0","fixed":"2.0.0","severity":"high"}]}})", 16, advisories).ok());
  ASSERT_TRUE(json::ParseBounded(R"({"libraries":{"x":[{"ids":["GHSA-a"],"range":"<3.0.0","fixed":"3.0.0","severity":"low"},
    {"ids":["CVE-2"],"range":"<1.5.0","fixed":"1.5.0","severity":"medium"},{"ids":["CVE-3"],"range":"<<1","severity":"low"}]}})", 16, supplement).ok());
  JsLibraryTable t = JsLibraryTable::FromData(libraries, advisories, supplement);
  ASSERT_EQ(t.libraries().size(), 1u);
  ASSERT_EQ(t.libraries()[0].advisories.size(), 2u);  // GHSA-a once; the malformed range skipped
  EXPECT_EQ(t.libraries()[0].advisories[1].id, "CVE-2");
  EXPECT_EQ(t.data_date(), "2026-08-22");
  EXPECT_EQ(t.data_source(), "r/r@0123456789ab");
}

TEST(BannerAnchoring, OnlyCommentStartsCount) {
  EXPECT_TRUE(BannerAnchored("jQuery v1.12.4", 0));
  EXPECT_TRUE(BannerAnchored("/*! jQuery v1.12.4", 4));
  EXPECT_TRUE(BannerAnchored("x;/*! jQuery v1.12.4", 6));
  EXPECT_TRUE(BannerAnchored("/*!\n * jQuery JavaScript Library v1.12.4", 7));
  EXPECT_TRUE(BannerAnchored("//     Underscore.js 1.13.8", 0));
  EXPECT_TRUE(BannerAnchored("// Axios v1.2.0 Copyright", 3));
  EXPECT_FALSE(BannerAnchored("requires at least jQuery v1.9.1", 18));
  EXPECT_FALSE(BannerAnchored("\"jQuery v1.9.1\"", 1));
  EXPECT_FALSE(BannerAnchored("a/ jQuery", 3));
  EXPECT_TRUE(BannerAnchored("/** @license React v16.4.1", 13));
  EXPECT_FALSE(BannerAnchored("x @license React v16.4.1", 11));
}

TEST(BannerAnchoring, BootstrapsJqueryRequirementIsNotJquery) {
  // Bootstrap 4's own text (dist/js/bootstrap.js) names the jQuery it requires.
  const std::string body =
      "/*!\n  * Bootstrap v4.1.3 (https://getbootstrap.com/)\n  */\n"
      "throw new Error('Bootstrap\\'s JavaScript requires at least jQuery v1.9.1 but less than v4.0.0');\n"
      "/*! jQuery v3.7.1 | (c) OpenJS Foundation */";
  std::vector<JsDetection> found = Shipped().DetectInBody(body, "banner", "");
  std::vector<std::string> got;
  for (const JsDetection& d : found) got.push_back(d.library->name + " " + d.version);
  EXPECT_EQ(got, (std::vector<std::string>{"jquery 3.7.1", "bootstrap 4.1.3"}));
  found = Shipped().DetectInBody(body.substr(0, body.find("/*! jQuery")), "banner", "");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].library->name, "bootstrap");
}

TEST(UrlPatterns, FileNamesStartAPathSegmentAndCdnShapesAreRead) {
  auto detect = [](const std::string& href) {
    std::string out;
    if (std::optional<Url> u = Url::Parse(href))
      for (const JsDetection& d : Shipped().DetectInUrl(*u)) out += d.library->name + " " + d.version + ";";
    return out;
  };
  EXPECT_EQ(detect("https://x.gov.vn/wp-content/plugins/a/autoresize.jquery.min.js?ver=4.8.9"), "");
  EXPECT_EQ(detect("https://x.gov.vn/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"), "jquery 3.7.1;");
  EXPECT_EQ(detect("https://code.jquery.com/ui/1.12.1/jquery-ui.min.js"), "jquery-ui 1.12.1;");
  EXPECT_EQ(detect("https://cdn.ckeditor.com/4.22.1/standard/ckeditor.js"), "ckeditor4 4.22.1;");
  EXPECT_EQ(detect("https://code.highcharts.com/10.3.3/highcharts.js"), "highcharts 10.3.3;");
  EXPECT_EQ(detect("https://vjs.zencdn.net/7.20.3/video.min.js"), "video.js 7.20.3;");
  EXPECT_EQ(detect("https://yui-s.yahooapis.com/3.18.1/build/yui/yui-min.js"), "yui 3.18.1;");
  EXPECT_EQ(detect("https://unpkg.com/react-dom@16.14.0/umd/react-dom.production.min.js"), "react-dom 16.14.0;");
  EXPECT_EQ(detect("https://cdn.jsdelivr.net/npm/bootstrap-select@1.13.18/dist/js/bootstrap-select.min.js"),
            "bootstrap-select 1.13.18;");
  EXPECT_EQ(detect("https://cdnjs.cloudflare.com/ajax/libs/lodash.js/4.17.20/lodash.min.js"), "lodash 4.17.20;");
  EXPECT_EQ(detect("https://cdn.jsdelivr.net/npm/@angular/core@11.0.4/bundles/core.umd.js"), "angular 11.0.4;");
}

TEST(VersionParts, ReadsSeparateNumbers) {
  // retire.js's fact about built dojo.js files: "dojo.version={major:1,minor:16,patch:4".
  const std::string built = "x;dojo.version={major:9,minor:x};dojo.version={major:1,minor:16,patch:4,flag:\"\",revision:1}";
  EXPECT_EQ(FindVersionParts(built, "dojo.version={major:{n},minor:{n},patch:{n}"), "1.16.4");
  EXPECT_EQ(FindVersionParts("major:1234567890,minor:1,patch:1", "major:{n},minor:{n},patch:{n}"), "");  // 10 digits
  EXPECT_EQ(FindVersionParts(built, "{n}.{n}"), "");
  EXPECT_EQ(FindVersionParts(built, "no placeholder"), "");
  std::vector<JsDetection> found = Shipped().DetectInBody(built, "banner", "");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].library->name, "dojo");
  EXPECT_EQ(found[0].version, "1.16.4");
  // An unbuilt dojo.js (as HAR Viewer 1.1 served it): the version is unknown, never "0.0.0".
  const std::string dev = "dojo.locale=d.config.locale;dojo.version={major:0,minor:0,patch:0,flag:\"dev\",revision:17468}";
  EXPECT_EQ(FindVersionParts(dev, "dojo.version={major:{n},minor:{n},patch:{n}"), "");
  EXPECT_EQ(FindVersionParts(dev + ";" + built, "dojo.version={major:{n},minor:{n},patch:{n}"), "1.16.4");
  std::vector<JsDetection> unbuilt = Shipped().DetectInBody(dev, "banner", "");
  ASSERT_EQ(unbuilt.size(), 1u);
  EXPECT_EQ(unbuilt[0].library->name, "dojo");
  EXPECT_EQ(unbuilt[0].version, "");
  EXPECT_TRUE(JsLibraryTable::Affecting(*unbuilt[0].library, unbuilt[0].version).empty());
  std::string hostile;
  for (int i = 0; i < 1000; ++i) hostile += "dojo.version={major:1,minor:";
  EXPECT_EQ(FindVersionParts(hostile, "dojo.version={major:{n},minor:{n},patch:{n}"), "");
}

TEST(MinifiedVersion, ReadsAConstantNextToMinifierNamedOnes) {
  // Vue 3.2.47's dist/vue.global.prod.js and vue.esm-browser.prod.js (npm): the version constant
  // of runtime-core right before runtime-dom's document constant, names chosen by the minifier.
  const std::string doc = "=\"undefined\"!=typeof document?document:null";
  const std::string pattern = "=\"{v}\",{id}" + doc;
  EXPECT_EQ(FindMinifiedVersion("!0}const ps=\"3.2.47\",fs" + doc + ",ds=fs", pattern), "3.2.47");
  EXPECT_EQ(FindMinifiedVersion("const ti=\"3.2.47\",ni=null,oi=null,ri=null,si" + doc,
                                "=\"{v}\",{id}=null,{id}=null,{id}=null,{id}" + doc),
            "3.2.47");
  EXPECT_EQ(FindMinifiedVersion("const ti=\"3.2.47\",ni=null,oi=null,si" + doc, "=\"{v}\",{id}=null,{id}=null,{id}=null,{id}" + doc), "");
  // Identifiers of kMaxMinifiedIdentifierBytes match, longer ones and ones starting with a digit do not.
  const std::string at_limit(kMaxMinifiedIdentifierBytes, 'a'), past_limit(kMaxMinifiedIdentifierBytes + 1, 'a');
  EXPECT_EQ(FindMinifiedVersion("x=\"3.0.0\"," + at_limit + doc, pattern), "3.0.0");
  EXPECT_EQ(FindMinifiedVersion("x=\"3.0.0\"," + past_limit + doc, pattern), "");
  EXPECT_EQ(FindMinifiedVersion("x=\"3.0.0\",1a" + doc, pattern), "");
  EXPECT_EQ(FindMinifiedVersion("x=\"3.0.0\"," + doc, pattern), "");          // no identifier
  EXPECT_EQ(FindMinifiedVersion("x=\"3\",fs" + doc, pattern), "");            // no dot
  EXPECT_EQ(FindMinifiedVersion("x=\"3.0.0-beta.1\",fs" + doc, pattern), "3.0.0-beta.1");
  EXPECT_EQ(FindMinifiedVersion("x=\"a3.0.0\",fs" + doc, pattern), "");       // not a version token
  // Patterns of another shape read nothing.
  EXPECT_EQ(FindMinifiedVersion("x=\"3.0.0\",fs" + doc, "=\"{v}\"," + doc), "");
  EXPECT_EQ(FindMinifiedVersion("3.0.0\",fs" + doc, "{v}\",{id}" + doc), "");
  EXPECT_EQ(FindMinifiedVersion("x=\"3.0.0\",fs", "=\"{v}\",{id}"), "");
  EXPECT_EQ(FindMinifiedVersion("x=\"3.0.0\",a,b" + doc, "=\"{v}\",{id}{id}" + doc), "");
  // At most VersionPattern::kMaxOccurrences occurrences of the last literal are examined.
  std::string many;
  for (std::size_t i = 0; i < VersionPattern::kMaxOccurrences; ++i) many += ";x" + doc;
  EXPECT_EQ(FindMinifiedVersion(many + ";v=\"3.2.47\",fs" + doc, pattern), "");
  EXPECT_EQ(FindMinifiedVersion(many.substr(many.find(';', 1)) + ";v=\"3.2.47\",fs" + doc, pattern), "3.2.47");
  // Through the shipped table: Vue, and nothing else.
  std::vector<JsDetection> found = Shipped().DetectInBody("var Vue=function(e){const ps=\"3.2.47\",fs" + doc + "}", "banner", "");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].library->name, "vue");
  EXPECT_EQ(found[0].version, "3.2.47");
}

TEST(LibrarySummary, NamesLibraryVersionDetectionAdvisoriesAndDate) {
  auto r = testing::RunOne(FactoryOf("page.vulnerable-library"),
                           {testing::MakeGet("https://sotttt.example.gov.vn/", 200, "text/html",
                                             "<html><head><script src=\"https://code.jquery.com/jquery-3.4.1.min.js\"></script>"
                                             "</head><body></body></html>")});
  ASSERT_EQ(r.outcome, "vulnerable");
  const json::Value details = r.details.ToValue();
  const std::string s = VulnerableLibrarySummary(details);
  EXPECT_NE(s.find("jQuery 3.4.1 (URL, https://code.jquery.com/jquery-3.4.1.min.js):"), std::string::npos) << s;
  EXPECT_NE(s.find("CVE-2020-11022 fixed in 3.5.0"), std::string::npos) << s;
  EXPECT_NE(s.find("Advisory data of " + Shipped().data_date() + "."), std::string::npos) << s;
  EXPECT_EQ(VulnerableLibrarySummary(json::Value(json::Object())), "");
}

}  // namespace
}  // namespace portal_check
