// RFC 6797 section 6.1 parsing: one change at a time on an otherwise clean header value.
#include <gtest/gtest.h>

#include <limits>

#include "normalize/hsts.h"

namespace portal_check {
namespace {

TEST(Hsts, CleanValue) {
  HstsPolicy p = ParseHsts("max-age=31536000; includeSubDomains; preload");
  EXPECT_TRUE(p.valid);
  ASSERT_TRUE(p.max_age.has_value());
  EXPECT_EQ(*p.max_age, 31536000);
  EXPECT_TRUE(p.include_subdomains);
  EXPECT_TRUE(p.preload);
  EXPECT_TRUE(p.problems.empty());
}

TEST(Hsts, MaxAgeOnly) {
  HstsPolicy p = ParseHsts("max-age=31536000");
  EXPECT_TRUE(p.valid);
  EXPECT_FALSE(p.include_subdomains);
  EXPECT_FALSE(p.preload);
}

TEST(Hsts, DirectiveNamesAreCaseInsensitive) {
  HstsPolicy p = ParseHsts("MAX-AGE=31536000; INCLUDESUBDOMAINS; PreLoad");
  EXPECT_TRUE(p.valid);
  EXPECT_TRUE(p.include_subdomains);
  EXPECT_TRUE(p.preload);
}

TEST(Hsts, QuotedMaxAge) {
  HstsPolicy p = ParseHsts("max-age=\"31536000\"; includeSubDomains");
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(*p.max_age, 31536000);
}

TEST(Hsts, WhiteSpaceAroundTokens) {
  HstsPolicy p = ParseHsts("  max-age = 600 ;\tincludeSubDomains  ");
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(*p.max_age, 600);
  EXPECT_TRUE(p.include_subdomains);
}

TEST(Hsts, EmptyDirectivesAllowed) {
  HstsPolicy p = ParseHsts(";;max-age=600;;");
  EXPECT_TRUE(p.valid);
}

TEST(Hsts, MaxAgeMissing) {
  HstsPolicy p = ParseHsts("includeSubDomains; preload");
  EXPECT_FALSE(p.valid);
  EXPECT_FALSE(p.max_age.has_value());
  EXPECT_FALSE(p.problems.empty());
}

TEST(Hsts, EmptyValue) {
  EXPECT_FALSE(ParseHsts("").valid);
}

TEST(Hsts, DuplicateMaxAgeInvalid) {
  HstsPolicy p = ParseHsts("max-age=31536000; max-age=0");
  EXPECT_FALSE(p.valid);
  ASSERT_FALSE(p.problems.empty());
}

TEST(Hsts, DuplicateIncludeSubDomainsInvalid) {
  EXPECT_FALSE(ParseHsts("max-age=600; includeSubDomains; includesubdomains").valid);
}

TEST(Hsts, NonDigitMaxAgeInvalid) {
  EXPECT_FALSE(ParseHsts("max-age=1y").valid);
  EXPECT_FALSE(ParseHsts("max-age=-1").valid);
  EXPECT_FALSE(ParseHsts("max-age=+600").valid);
  EXPECT_FALSE(ParseHsts("max-age=").valid);
  EXPECT_FALSE(ParseHsts("max-age").valid);
  EXPECT_FALSE(ParseHsts("max-age=\"\"").valid);
  EXPECT_FALSE(ParseHsts("max-age=\"abc\"").valid);
}

TEST(Hsts, CommaJoinedHeadersInvalid) {
  // Two fields folded into one by a proxy: not valid syntax.
  EXPECT_FALSE(ParseHsts("max-age=31536000, max-age=31536000").valid);
}

TEST(Hsts, UnterminatedQuoteInvalid) {
  EXPECT_FALSE(ParseHsts("max-age=\"31536000").valid);
}

TEST(Hsts, OverflowCapped) {
  HstsPolicy p = ParseHsts("max-age=99999999999999999999999999");
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(*p.max_age, std::numeric_limits<std::int64_t>::max());
}

TEST(Hsts, ZeroIsValid) {
  HstsPolicy p = ParseHsts("max-age=0");
  EXPECT_TRUE(p.valid);
  EXPECT_EQ(*p.max_age, 0);
}

TEST(Hsts, UnknownDirectivesIgnored) {
  HstsPolicy p = ParseHsts("max-age=600; report-uri=\"https://r.example.gov.vn/\"; foo");
  EXPECT_TRUE(p.valid);
}

TEST(Hsts, IncludeSubDomainsWithValueInvalid) {
  EXPECT_FALSE(ParseHsts("max-age=600; includeSubDomains=true").valid);
}

TEST(Hsts, PreloadWithValueNotCounted) {
  HstsPolicy p = ParseHsts("max-age=600; preload=yes");
  EXPECT_TRUE(p.valid);
  EXPECT_FALSE(p.preload);
}

TEST(Hsts, NonTokenNameInvalid) {
  EXPECT_FALSE(ParseHsts("max-age=600; @bad").valid);
}

TEST(Hsts, ProtectsThreshold) {
  EXPECT_TRUE(HstsProtects(ParseHsts("max-age=15552000")));
  EXPECT_FALSE(HstsProtects(ParseHsts("max-age=15551999")));
  EXPECT_FALSE(HstsProtects(ParseHsts("max-age=31536000; max-age=31536000")));
  EXPECT_FALSE(HstsProtects(ParseHsts("includeSubDomains")));
}

}  // namespace
}  // namespace portal_check
