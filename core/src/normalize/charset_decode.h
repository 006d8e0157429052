// Decoding to UTF-8, chunk by chunk, in the shape of libxml2's input functions
// (xmlCharEncodingInputFunc): as much of `in` as fits into `out` is converted; on return *inlen
// holds the bytes read, *outlen the bytes written, and the result is *outlen. Never fails: a byte
// with no code point becomes U+FFFD, so a page is never cut at a byte its charset lacks. The
// result does not depend on where the input is cut into chunks (each byte decodes alone).
#ifndef PORTAL_CHECK_NORMALIZE_CHARSET_DECODE_H_
#define PORTAL_CHECK_NORMALIZE_CHARSET_DECODE_H_

#include <string>
#include <string_view>

#include "normalize/charset_tables.h"

namespace portal_check::charset {

// A single-byte charset of charset_tables.h.
int DecodeSingleByte(const SingleByteCharset& cs, unsigned char* out, int* outlen, const unsigned char* in, int* inlen);

// A charset the engine does not decode (charset_labels.h, Support::kNotDecoded): bytes below 0x80
// as they are, every other byte as U+FFFD.
int DecodeAsciiOnly(unsigned char* out, int* outlen, const unsigned char* in, int* inlen);

// All of `bytes` decoded by `cs` (for tests and for callers outside libxml2).
std::string DecodeSingleByte(const SingleByteCharset& cs, std::string_view bytes);

}  // namespace portal_check::charset

#endif  // PORTAL_CHECK_NORMALIZE_CHARSET_DECODE_H_
