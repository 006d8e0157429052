#include "normalize/url.h"

#include <boost/url/parse.hpp>
#include <boost/url/url.hpp>

#include "util/text.h"

namespace portal_check {
namespace {

int DefaultPort(std::string_view scheme) {
  if (scheme == "http" || scheme == "ws") return 80;
  if (scheme == "https" || scheme == "wss") return 443;
  if (scheme == "ftp") return 21;
  return -1;
}

}  // namespace

Url Url::FromParsed(boost::urls::url&& u) {
  u.normalize_scheme();  // the scheme is lower-case from here on
  Url out;
  out.scheme_ = text::Lower(u.scheme());
  if (u.has_authority()) {
    out.host_ = text::Lower(std::string_view(u.encoded_host()));
    if (u.host_type() == boost::urls::host_type::ipv6) out.host_ = "[" + text::Lower(std::string_view(u.encoded_host_address())) + "]";
  }
  out.port_ = u.has_port() ? static_cast<int>(u.port_number()) : DefaultPort(out.scheme_);
  if (u.has_port() && u.port().empty()) out.port_ = DefaultPort(out.scheme_);
  out.path_ = std::string(u.encoded_path());
  if (out.path_.empty() && u.has_authority()) out.path_ = "/";
  out.query_ = std::string(u.encoded_query());
  // href: scheme and host lower-cased, the rest as given. Setting a name host re-encodes it, which
  // leaves a host without upper case letters and without '%' as it is: such a host is kept as is.
  if (u.has_authority() && u.host_type() == boost::urls::host_type::name) {
    const std::string_view host = u.encoded_host();
    if (host != out.host_ || host.find('%') != std::string_view::npos) u.set_encoded_host(out.host_);
  }
  out.href_ = std::string(u.buffer());
  out.parsed_ = std::make_shared<const boost::urls::url>(std::move(u));
  return out;
}

std::optional<Url> Url::Parse(std::string_view text) {
  auto parsed = boost::urls::parse_uri(text::Trim(text));
  if (!parsed) return std::nullopt;
  return FromParsed(boost::urls::url(*parsed));
}

std::optional<Url> Url::Resolve(std::string_view reference) const {
  if (!parsed_) return std::nullopt;  // a default-constructed Url has no href to resolve against
  // Browsers strip ASCII white space and treat backslashes in http(s) URLs as slashes.
  std::string ref(text::Trim(reference));
  if (IsHttpOrHttps())
    for (char& c : ref)
      if (c == '\\') c = '/';
  auto parsed = boost::urls::parse_uri_reference(ref);
  if (!parsed) return std::nullopt;
  boost::urls::url dest;
  auto r = boost::urls::resolve(*parsed_, *parsed, dest);
  if (!r) return std::nullopt;
  // `dest` is a valid absolute URL (Boost.URL keeps its buffer valid), so it is read directly
  // rather than printed and parsed again.
  return FromParsed(std::move(dest));
}

std::string Url::Origin() const { return scheme_ + "://" + host_ + ":" + std::to_string(port_); }

std::string Url::Site() const {
  std::string rd = RegistrableDomain(host_);
  return rd.empty() ? host_ : rd;
}

bool Url::SameSite(const Url& other) const { return Site() == other.Site(); }

bool IsIpLiteral(std::string_view host) {
  if (!host.empty() && host.front() == '[') return true;
  int dots = 0;
  std::size_t digits = 0;
  for (char c : host) {
    if (c == '.') {
      if (digits == 0) return false;
      ++dots;
      digits = 0;
    } else if (c >= '0' && c <= '9') {
      if (++digits > 3) return false;
    } else {
      return false;
    }
  }
  return dots == 3 && digits > 0;
}

}  // namespace portal_check
