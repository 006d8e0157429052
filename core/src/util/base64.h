// Base64 (RFC 4648, standard alphabet) decoding for HAR bodies with content.encoding "base64".
#ifndef PORTAL_CHECK_UTIL_BASE64_H_
#define PORTAL_CHECK_UTIL_BASE64_H_

#include <optional>
#include <string>
#include <string_view>

namespace portal_check::base64 {

// Decodes `in`, ignoring ASCII white space; padding optional. nullopt on any other character or
// a dangling single symbol.
std::optional<std::string> Decode(std::string_view in);

}  // namespace portal_check::base64

#endif  // PORTAL_CHECK_UTIL_BASE64_H_
