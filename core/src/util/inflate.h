// Inflating the compressed texts the build embeds (scripts/cmake/embed_file.cmake DEFLATE: the
// default ruleset and the Public Suffix List), with zlib: Debian's zlib1g natively, the inflating
// half of Debian's zlib built for wasm by scripts/setup (without gzip support, NO_GZIP: the embeds
// are raw deflate, so zlib's CRC-32 tables stay out of the .wasm).
#ifndef PORTAL_CHECK_UTIL_INFLATE_H_
#define PORTAL_CHECK_UTIL_INFLATE_H_

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace portal_check {

// The bytes of `deflated`, one raw deflate stream (RFC 1951, no zlib or gzip wrapper), inflated;
// nullopt when it is not exactly one well-formed stream (no byte after its last block) that
// inflates to exactly `inflated_bytes` bytes. Allocates inflated_bytes once.
std::optional<std::string> Inflate(std::string_view deflated, std::size_t inflated_bytes);

}  // namespace portal_check

#endif  // PORTAL_CHECK_UTIL_INFLATE_H_
