// SHA-256 (FIPS 180-4) of a byte string, for the redaction markers that must equal the bundle
// redaction's (web/host/bundle/redact-marker.mjs hashes with WebCrypto). Pure, no allocation
// beyond the result.
#ifndef PORTAL_CHECK_UTIL_SHA256_H_
#define PORTAL_CHECK_UTIL_SHA256_H_

#include <string>
#include <string_view>

namespace portal_check {

// The digest of `bytes` as 64 lower-case hex digits.
std::string Sha256Hex(std::string_view bytes);

}  // namespace portal_check

#endif  // PORTAL_CHECK_UTIL_SHA256_H_
