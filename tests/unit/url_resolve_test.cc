// Url::Resolve reads Boost.URL's resolved URL directly and resolves against the base's kept parse;
// Url::Parse skips re-encoding a host that is already lower-case. Checked against the plain
// algorithm (parse the base's href, resolve, print, parse the result again) on many bases and
// references, upper case, percent escapes, IP literals and odd paths included.
#include <gtest/gtest.h>

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include <optional>
#include <string>
#include <vector>

#include "normalize/url.h"
#include "util/text.h"

namespace portal_check {
namespace {

// The reference: Resolve as it was written before the shortcuts.
std::optional<Url> PlainResolve(const Url& base_url, std::string_view reference) {
  auto base = boost::urls::parse_uri(base_url.href());
  if (!base) return std::nullopt;
  std::string ref(text::Trim(reference));
  if (base_url.IsHttpOrHttps())
    for (char& c : ref)
      if (c == '\\') c = '/';
  auto parsed = boost::urls::parse_uri_reference(ref);
  if (!parsed) return std::nullopt;
  boost::urls::url dest;
  if (!boost::urls::resolve(*base, *parsed, dest)) return std::nullopt;
  return Url::Parse(dest.buffer());
}

// The reference: Parse as it was written before the shortcuts (always re-setting the host).
std::optional<std::string> PlainHref(std::string_view text) {
  auto parsed = boost::urls::parse_uri(text::Trim(text));
  if (!parsed) return std::nullopt;
  boost::urls::url u(*parsed);
  u.normalize_scheme();
  u.set_scheme(text::Lower(u.scheme()));
  if (u.has_authority() && u.host_type() == boost::urls::host_type::name)
    u.set_encoded_host(text::Lower(std::string_view(u.encoded_host())));
  return std::string(u.buffer());
}

void ExpectSame(const std::optional<Url>& got, const std::optional<Url>& want, const std::string& what) {
  ASSERT_EQ(got.has_value(), want.has_value()) << what;
  if (!got) return;
  EXPECT_EQ(got->href(), want->href()) << what;
  EXPECT_EQ(got->scheme(), want->scheme()) << what;
  EXPECT_EQ(got->host(), want->host()) << what;
  EXPECT_EQ(got->port(), want->port()) << what;
  EXPECT_EQ(got->path(), want->path()) << what;
  EXPECT_EQ(got->query(), want->query()) << what;
}

const std::vector<std::string> kBases = {
    "https://a.gov.vn/tin-tuc/bai-1.html?x=1#top",
    "HTTP://Sub.Example.GOV.vn:8080/A/b/../c/./d?Q=1",
    "https://xn--ng-vn-0qa.vn/",
    "http://127.0.0.1/x/y",
    "http://[::1]:3000/a",
    "http://[FE80::1]/",
    "https://h%41st.vn/p",
    "https://a.vn",
    "file:///etc/passwd",
    "mailto:someone@example.com",
    "https://user:pw@a.vn:/x;y?z",
    "https://a.vn/%7Efoo/%E1%BB%87/",
};

const std::vector<std::string> kReferences = {
    "", " ", "bai-2.html", "../lien-he", "../../../../x", "./", ".", "..", "//cdn.Example.com/j.js",
    "?y=2", "#frag", "/abs/path?q#f", "HTTPS://Other.VN/X", "  http://b.vn/  ", "\\\\evil.example\\x",
    "javascript:alert(1)", "data:text/html,hi", "mailto:a@b.vn", "//[::1]/v6", "//10.0.0.1:81/",
    "a:b", "./a:b", "%zz", "http://exa mple.com/", "http://a.vn/Vi%E1%BB%87t", "//h%41st.vn/",
    "tel:+84-1", "//", "///x", "?", "#", "g;x?y#s", "HTTP:", "https://A.B.C.D.E.F.vn.", "//1.2.3.4x/",
};

TEST(UrlResolve, SameAsParsingTheResolvedUrlAgain) {
  for (const std::string& b : kBases) {
    const std::optional<Url> base = Url::Parse(b);
    ASSERT_TRUE(base) << b;
    for (const std::string& r : kReferences) ExpectSame(base->Resolve(r), PlainResolve(*base, r), b + " + " + r);
    // A resolved URL resolves further the same way (its kept parse is the resolved one).
    const std::optional<Url> hop = base->Resolve("d/e/../f?g");
    ASSERT_TRUE(hop) << b;
    for (const std::string& r : kReferences) ExpectSame(hop->Resolve(r), PlainResolve(*hop, r), "hop " + b + " + " + r);
  }
}

TEST(UrlResolve, ParseKeepsTheHrefOfTheFullAlgorithm) {
  std::vector<std::string> inputs = kBases;
  for (const std::string& r : kReferences) inputs.push_back(r);
  for (const std::string& in : inputs) {
    const std::optional<Url> u = Url::Parse(in);
    const std::optional<std::string> want = PlainHref(in);
    ASSERT_EQ(u.has_value(), want.has_value()) << in;
    if (u) EXPECT_EQ(u->href(), *want) << in;
  }
}

TEST(UrlResolve, DefaultConstructedUrlResolvesNothing) { EXPECT_FALSE(Url().Resolve("/x")); }

}  // namespace
}  // namespace portal_check
