// page.vulnerable-library and page.cms, driven through the check harness.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "check_harness.h"
#include "checks/registry.h"
#include "checks/support/js_libraries.h"

namespace portal_check {
namespace {

using testing::FactoryOf;

using testing::DetailOrNull;
using testing::MakeGet;
using testing::RunOne;

constexpr char kHome[] = "https://sotttt.example.gov.vn/";

std::string Doc(const std::string& head, const std::string& body = "<h1>Cổng thông tin</h1>") {
  return "<!doctype html><html lang=\"vi\"><head><meta charset=\"utf-8\"><title>Sở</title>" + head + "</head><body>" + body +
         "</body></html>";
}

Exchange Script(std::string url, std::string body) {
  Exchange e = MakeGet(std::move(url), 200, "application/javascript", std::move(body));
  e.resource_type = "script";
  return e;
}

const json::Object& Lib(const CheckResult& r, std::size_t i) {
  static const json::Object kEmpty;
  const json::Value& libs = DetailOrNull(r, "libraries");
  if (!libs.is<json::Array>() || libs.get<json::Array>().size() <= i) return kEmpty;
  return libs.get<json::Array>()[i].get<json::Object>();
}

std::string Field(const json::Object& o, const std::string& k) {
  auto it = o.find(k);
  return it != o.end() && it->second.is<std::string>() ? it->second.get<std::string>() : "";
}

TEST(LibraryTable, LoadsEveryShippedLibrary) {
  const json::Value& data = testing::RulesetData();
  JsLibraryTable t = JsLibraryTable::FromData(*json::Find(data, "js-libraries"), *json::Find(data, "js-advisories"),
                                              *json::Find(data, "js-advisories-supplement"));
  EXPECT_GE(t.libraries().size(), 25u);
  for (const JsLibrary& lib : t.libraries())
    EXPECT_FALSE(lib.urls.empty() && lib.banners.empty() && lib.code.empty() && lib.identify.empty()) << lib.name;
}

TEST(VulnerableLibrary, UrlPatterns) {
  auto r = RunOne(FactoryOf("page.vulnerable-library"),
                  {MakeGet(kHome, 200, "text/html",
                           Doc("<script src=\"https://ajax.googleapis.com/ajax/libs/jquery/1.8.3/jquery.min.js\"></script>"
                               "<script src=\"/js/bootstrap-3.3.7/js/bootstrap.min.js\"></script>"))});
  EXPECT_EQ(r.outcome, "vulnerable");
  EXPECT_EQ(Field(Lib(r, 0), "library"), "bootstrap");
  EXPECT_EQ(Field(Lib(r, 0), "version"), "3.3.7");
  EXPECT_EQ(Field(Lib(r, 1), "library"), "jquery");
  EXPECT_EQ(Field(Lib(r, 1), "version"), "1.8.3");
  EXPECT_EQ(Field(Lib(r, 1), "source"), "url");
  EXPECT_EQ(Field(Lib(r, 1), "severity"), "medium");
}

TEST(VulnerableLibrary, BodyWinsOverUrlAndArrivesInAnyOrder) {
  // The URL claims 3.7.1 but the served body is 1.12.4: the body wins.
  auto r = RunOne(FactoryOf("page.vulnerable-library"),
                  {Script("https://sotttt.example.gov.vn/js/jquery-3.7.1.min.js", "/*! jQuery v1.12.4 | (c) jQuery Foundation */"),
                   MakeGet(kHome, 200, "text/html", Doc("<script src=\"js/jquery-3.7.1.min.js\"></script>"))});
  EXPECT_EQ(r.outcome, "vulnerable");
  EXPECT_EQ(Field(Lib(r, 0), "version"), "1.12.4");
  EXPECT_EQ(Field(Lib(r, 0), "source"), "banner");
}

TEST(VulnerableLibrary, UnreferencedScriptsAreIgnored) {
  auto r = RunOne(FactoryOf("page.vulnerable-library"),
                  {MakeGet(kHome, 200, "text/html", Doc("")), Script("https://sotttt.example.gov.vn/old.js", "/*! jQuery v1.4.2 */")});
  EXPECT_EQ(r.outcome, "none");
}

TEST(VulnerableLibrary, VersionlessFileIsUnknownUnlessAVersionIsSeen) {
  auto r = RunOne(FactoryOf("page.vulnerable-library"), {MakeGet(kHome, 200, "text/html", Doc("<script src=\"/js/jquery.min.js\"></script>"))});
  EXPECT_EQ(r.outcome, "unknown-version");
  EXPECT_TRUE(Lib(r, 0).at("version").is<picojson::null>());
  r = RunOne(FactoryOf("page.vulnerable-library"), {MakeGet(kHome, 200, "text/html", Doc("<script src=\"/js/jquery.min.js\"></script>")),
                                              Script("https://sotttt.example.gov.vn/js/jquery.min.js", "/*! jQuery v3.7.1 | */")});
  EXPECT_EQ(r.outcome, "none");
  EXPECT_EQ(Field(Lib(r, 0), "version"), "3.7.1");
}

TEST(VulnerableLibrary, InlineAndBaseHref) {
  auto r = RunOne(FactoryOf("page.vulnerable-library"),
                  {MakeGet(kHome + std::string("tin-tuc/"), 200, "text/html",
                           Doc("<base href=\"https://cdn.example.gov.vn/lib/\"><script src=\"x.js\"></script>",
                               "<script>/*! DataTables 1.10.15\n * (c) */</script>")),
                   Script("https://cdn.example.gov.vn/lib/x.js", "/**\n * Swiper 6.4.0\n * Most modern mobile touch slider */")});
  EXPECT_EQ(r.outcome, "vulnerable");
  EXPECT_EQ(Field(Lib(r, 0), "library"), "datatables");
  EXPECT_EQ(Field(Lib(r, 0), "source"), "inline");
  EXPECT_EQ(Field(Lib(r, 1), "library"), "swiper");
  EXPECT_EQ(Field(Lib(r, 1), "source"), "banner");
}

TEST(VulnerableLibrary, HostileTextStaysSafeAndBounded) {
  std::string body = "/*! jQuery v1.12.4-beta\xff\xfe */";
  for (int i = 0; i < 5000; ++i) body += "jQuery v";
  auto r = RunOne(FactoryOf("page.vulnerable-library"), {MakeGet(kHome, 200, "text/html", Doc("<script src=\"/a.js\"></script>")),
                                                   Script("https://sotttt.example.gov.vn/a.js", body)});
  EXPECT_EQ(r.outcome, "vulnerable");
  EXPECT_EQ(Field(Lib(r, 0), "version"), "1.12.4-beta");
}

TEST(Cms, GeneratorHeaderAndAssets) {
  Exchange wp = MakeGet(kHome, 200, "text/html", Doc("<meta name=\"GENERATOR\" content=\"WordPress 6.4.2\">"));
  EXPECT_EQ(RunOne(FactoryOf("page.cms"), {wp}).outcome, "outdated");
  Exchange wp_new = MakeGet(kHome, 200, "text/html", Doc("<script src=\"/wp-includes/js/wp-emoji-release.min.js?ver=6.9.1\"></script>"));
  EXPECT_EQ(RunOne(FactoryOf("page.cms"), {wp_new}).outcome, "current");
  Exchange drupal = MakeGet(kHome, 200, "text/html", Doc(""));
  testing::AddResponseHeaders(drupal, {{"X-Generator", "Drupal 10 (https://www.drupal.org)"}});
  EXPECT_EQ(RunOne(FactoryOf("page.cms"), {drupal}).outcome, "current");
  Exchange liferay = MakeGet(kHome, 200, "text/html", Doc(""));
  testing::AddResponseHeaders(liferay, {{"Liferay-Portal", "Liferay Portal Community Edition 7.0.4 GA5"}});
  auto r = RunOne(FactoryOf("page.cms"), {liferay});
  EXPECT_EQ(r.outcome, "outdated");
  const json::Object& p = DetailOrNull(r, "products").get<json::Array>().at(0).get<json::Object>();
  EXPECT_EQ(p.at("version").get<std::string>(), "7.0.4");
  EXPECT_EQ(p.at("markers").get<json::Array>().size(), 1u);  // one header, named once
  Exchange joomla = MakeGet(kHome, 200, "text/html",
                            Doc("<meta name=\"generator\" content=\"Joomla! - Open Source Content Management\">"));
  EXPECT_EQ(RunOne(FactoryOf("page.cms"), {joomla}).outcome, "unknown-version");
  EXPECT_EQ(RunOne(FactoryOf("page.cms"), {MakeGet(kHome, 200, "text/html", Doc(""))}).outcome, "none");
}

}  // namespace
}  // namespace portal_check
