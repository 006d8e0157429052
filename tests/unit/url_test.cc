#include <gtest/gtest.h>

#include "normalize/url.h"

namespace portal_check {
namespace {

TEST(Url, ParsesAndLowerCasesSchemeAndHost) {
  auto u = Url::Parse("HTTPS://SoTTTT.Example.GOV.vn/Tin-Tuc?id=1");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->scheme(), "https");
  EXPECT_EQ(u->host(), "sotttt.example.gov.vn");
  EXPECT_EQ(u->port(), 443);
  EXPECT_EQ(u->path(), "/Tin-Tuc");
  EXPECT_EQ(u->query(), "id=1");
  EXPECT_EQ(u->Origin(), "https://sotttt.example.gov.vn:443");
}

TEST(Url, RejectsRelativeAndGarbage) {
  EXPECT_FALSE(Url::Parse("/relative/path"));
  EXPECT_FALSE(Url::Parse("http://exa mple.com/"));
  EXPECT_FALSE(Url::Parse(""));
}

TEST(Url, ResolvesReferencesPerRfc3986) {
  auto base = Url::Parse("https://a.gov.vn/tin-tuc/bai-1.html?x=1");
  ASSERT_TRUE(base);
  EXPECT_EQ(base->Resolve("bai-2.html")->href(), "https://a.gov.vn/tin-tuc/bai-2.html");
  EXPECT_EQ(base->Resolve("../lien-he")->href(), "https://a.gov.vn/lien-he");
  EXPECT_EQ(base->Resolve("//cdn.example.com/j.js")->href(), "https://cdn.example.com/j.js");
  EXPECT_EQ(base->Resolve("?y=2")->href(), "https://a.gov.vn/tin-tuc/bai-1.html?y=2");
  EXPECT_EQ(base->Resolve("  http://b.vn/  ")->href(), "http://b.vn/");
  EXPECT_EQ(base->Resolve("\\\\evil.example\\x")->host(), "evil.example");
  EXPECT_EQ(base->Resolve("javascript:alert(1)")->scheme(), "javascript");
}

TEST(Url, DefaultAndExplicitPorts) {
  EXPECT_EQ(Url::Parse("http://127.0.0.1:8080/")->port(), 8080);
  EXPECT_EQ(Url::Parse("http://127.0.0.1/")->port(), 80);
  EXPECT_FALSE(Url::Parse("http://a.vn/")->SameOrigin(*Url::Parse("https://a.vn/")));
  EXPECT_TRUE(Url::Parse("https://a.vn/")->SameOrigin(*Url::Parse("https://a.vn:443/x")));
}

TEST(PublicSuffix, RegistrableDomainsOfVietnameseAndOtherHosts) {
  EXPECT_EQ(RegistrableDomain("sotttt.quangnam.gov.vn"), "quangnam.gov.vn");
  EXPECT_EQ(RegistrableDomain("quangnam.gov.vn"), "quangnam.gov.vn");
  EXPECT_EQ(RegistrableDomain("gov.vn"), "");
  EXPECT_EQ(RegistrableDomain("vn"), "");
  EXPECT_EQ(RegistrableDomain("www.example.com.vn"), "example.com.vn");
  EXPECT_EQ(RegistrableDomain("a.b.example.co.uk"), "example.co.uk");
  EXPECT_EQ(RegistrableDomain("WWW.Example.COM."), "example.com");
  EXPECT_EQ(RegistrableDomain("127.0.0.1"), "");
  EXPECT_EQ(RegistrableDomain("[::1]"), "");
  EXPECT_EQ(RegistrableDomain("localhost"), "");
  // Wildcard and exception rules (*.ck, !www.ck).
  EXPECT_EQ(RegistrableDomain("a.b.ck"), "a.b.ck");
  EXPECT_EQ(RegistrableDomain("www.ck"), "www.ck");
  // A private-section suffix: each github.io site is its own site.
  EXPECT_EQ(RegistrableDomain("a.github.io"), "a.github.io");
}

TEST(PublicSuffix, SameSiteUsesRegistrableDomains) {
  auto a = Url::Parse("https://sotttt.quangnam.gov.vn/");
  auto b = Url::Parse("http://dichvucong.quangnam.gov.vn/");
  auto c = Url::Parse("https://danang.gov.vn/");
  EXPECT_TRUE(a->SameSite(*b));
  EXPECT_FALSE(a->SameSite(*c));
  EXPECT_TRUE(Url::Parse("http://127.0.0.1:1/")->SameSite(*Url::Parse("https://127.0.0.1:2/")));
}

TEST(IpLiteral, Recognises) {
  EXPECT_TRUE(IsIpLiteral("10.0.0.1"));
  EXPECT_TRUE(IsIpLiteral("[fe80::1]"));
  EXPECT_FALSE(IsIpLiteral("10.0.0"));
  EXPECT_FALSE(IsIpLiteral("1.2.3.4.vn"));
  EXPECT_FALSE(IsIpLiteral("1234.1.1.1"));
}

}  // namespace
}  // namespace portal_check
