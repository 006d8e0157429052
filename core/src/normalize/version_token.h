// Recognising software version numbers in banners (header values, server signatures in error
// pages). Shared by header.version-disclosure and site.error-page. Linear scanners, no regex.
#ifndef PORTAL_CHECK_NORMALIZE_VERSION_TOKEN_H_
#define PORTAL_CHECK_NORMALIZE_VERSION_TOKEN_H_

#include <string>
#include <string_view>
#include <vector>

namespace portal_check {

// True when a word of `value` looks like a version number: a word that starts with a digit, or
// with "v"/"V" followed by a digit, where words are split on white space and / ( ) ; ,
// ("Apache/2.4.41" yes, "PHP/7.4.3" yes, "Drupal 9" yes, "nginx" no, "ASP.NET" no).
bool HasVersionWord(std::string_view value);

// True when `value` holds any ASCII digit (for headers whose whole value is a version number).
bool HasDigit(std::string_view value);

// Server and framework banners with a version in a page-sized text (typically an error page):
// each occurrence of a known product marker ("Apache/", "nginx/", "Microsoft-IIS/", "PHP/",
// "OpenSSL/", "Apache Tomcat/", "Jetty(", "ASP.NET Version:", ...; matched ASCII
// case-insensitively) immediately followed by a digit. Returns the banners (marker + version,
// at most 64 bytes each), distinct, in order of first appearance, at most `max_results`.
// Linear in text.size() times the (small, fixed) number of markers.
std::vector<std::string> FindVersionBanners(std::string_view text, std::size_t max_results = 10);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_VERSION_TOKEN_H_
