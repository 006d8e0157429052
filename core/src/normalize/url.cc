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

std::optional<Url> Url::Parse(std::string_view text) {
  auto parsed = boost::urls::parse_uri(text::Trim(text));
  if (!parsed) return std::nullopt;
  boost::urls::url u(*parsed);
  u.normalize_scheme();
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
  // href: scheme and host lower-cased, the rest as given.
  u.set_scheme(out.scheme_);
  if (u.has_authority() && u.host_type() == boost::urls::host_type::name) u.set_encoded_host(out.host_);
  out.href_ = std::string(u.buffer());
  return out;
}

std::optional<Url> Url::Resolve(std::string_view reference) const {
  auto base = boost::urls::parse_uri(href_);
  if (!base) return std::nullopt;
  // Browsers strip ASCII white space and treat backslashes in http(s) URLs as slashes.
  std::string ref(text::Trim(reference));
  if (IsHttpOrHttps())
    for (char& c : ref)
      if (c == '\\') c = '/';
  auto parsed = boost::urls::parse_uri_reference(ref);
  if (!parsed) return std::nullopt;
  boost::urls::url dest;
  auto r = boost::urls::resolve(*base, *parsed, dest);
  if (!r) return std::nullopt;
  return Parse(dest.buffer());
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
