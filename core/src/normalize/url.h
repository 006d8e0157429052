// URLs, parsed with Boost.URL (RFC 3986), and site/origin relations using the Public Suffix List.
#ifndef PORTAL_CHECK_NORMALIZE_URL_H_
#define PORTAL_CHECK_NORMALIZE_URL_H_

#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace boost::urls {
class url;
}  // namespace boost::urls

namespace portal_check {

class Url {
 public:
  // Parses an absolute URL (with a scheme). Returns nullopt for anything else. Scheme and host
  // are lower-cased; the text is otherwise kept as given.
  static std::optional<Url> Parse(std::string_view text);
  // Resolves `reference` (absolute, relative, protocol-relative, query-only…) against this URL
  // per RFC 3986 section 5. Leading/trailing white space is trimmed first, as browsers do.
  // Returns nullopt when the reference cannot be parsed.
  std::optional<Url> Resolve(std::string_view reference) const;

  const std::string& href() const { return href_; }
  const std::string& scheme() const { return scheme_; }   // "https"
  const std::string& host() const { return host_; }       // "www.example.gov.vn", "[::1]"
  int port() const { return port_; }                      // explicit or the scheme's default; -1 unknown
  const std::string& path() const { return path_; }       // "/a/b" ("/" when empty)
  const std::string& query() const { return query_; }     // without '?'
  bool IsHttps() const { return scheme_ == "https"; }
  bool IsHttp() const { return scheme_ == "http"; }
  bool IsHttpOrHttps() const { return IsHttp() || IsHttps(); }
  // "https://host:port" with the port always written.
  std::string Origin() const;
  bool SameOrigin(const Url& other) const { return Origin() == other.Origin(); }
  // Same registrable domain (scheme-less "same site"); hosts without one compare exactly.
  bool SameSite(const Url& other) const;
  // The registrable domain (eTLD+1) of host(), or host() itself for IP literals and hosts that
  // are a public suffix or have no known suffix.
  std::string Site() const;

 private:
  // Reads a parsed absolute URL, lower-casing its scheme and host in place (see Parse).
  static Url FromParsed(boost::urls::url&& parsed);

  std::string href_, scheme_, host_, path_, query_;
  int port_ = -1;
  // href_ as Boost.URL parsed it (shared by copies), so that Resolve does not parse it again.
  std::shared_ptr<const boost::urls::url> parsed_;
};

// The registrable domain of `host` (lower-case ASCII) per the Public Suffix List embedded at
// build time (ICANN and private sections, wildcard and exception rules). Returns "" when host is
// itself a public suffix, an IP literal, or empty.
std::string RegistrableDomain(std::string_view host);

// True when `host` is an IPv4 literal (dotted quad) or a bracketed IPv6 literal.
bool IsIpLiteral(std::string_view host);

}  // namespace portal_check

#endif  // PORTAL_CHECK_NORMALIZE_URL_H_
