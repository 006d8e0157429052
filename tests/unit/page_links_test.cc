// checks/support/page_links.h: page_links::IsHostRelative, the test the page checks use to skip resolving
// references that can only land on the base URL's host. Checked against Url::Resolve itself.
#include <gtest/gtest.h>

#include <optional>
#include <string>

#include "checks/support/page_links.h"
#include "normalize/url.h"

namespace portal_check {
namespace {

TEST(PageLinks, IsHostRelativeReadsSchemeAndAuthorityLikeResolve) {
  for (const char* ref : {"a/b", "/x?y#z", "?q=1", "#top", "", "  /trim  ", "van-ban/1.html", "./a:b", "1abc:x",
                          "%2F%2Fevil.example/", "/\t/evil.example", "a b:c", "..//evil.example"})
    EXPECT_TRUE(page_links::IsHostRelative(ref)) << ref;
  for (const char* ref : {"//evil.example/", "\\\\evil.example\\", "/\\evil.example", "\\/evil.example",
                          "https://evil.example/", "HTTP:evil", "mailto:a@b.vn", "javascript:void(0)", " //x ",
                          "a.b+c-d:rest"})
    EXPECT_FALSE(page_links::IsHostRelative(ref)) << ref;
}

TEST(PageLinks, HostRelativeReferencesResolveToTheBaseHost) {
  for (const char* base_text : {"https://tinh.example.gov.vn/a/b/c.html", "http://tinh.example.gov.vn:8080/"}) {
    const std::optional<Url> base = Url::Parse(base_text);
    ASSERT_TRUE(base);
    for (const char* ref : {"a/b", "/x?y#z", "?q=1", "#top", "", "../../../../up", "..//evil.example", "./a:b",
                            "%2F%2Fevil.example/", "a b:c", "/\t/evil.example", "1abc:x"}) {
      ASSERT_TRUE(page_links::IsHostRelative(ref)) << ref;
      if (const std::optional<Url> u = base->Resolve(ref)) {
        EXPECT_EQ(u->scheme(), base->scheme()) << base_text << " + " << ref;
        EXPECT_EQ(u->host(), base->host()) << base_text << " + " << ref;
        EXPECT_EQ(u->port(), base->port()) << base_text << " + " << ref;
      }
    }
  }
}

}  // namespace
}  // namespace portal_check
