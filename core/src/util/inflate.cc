#include "util/inflate.h"

#include <zlib.h>

#include <limits>

namespace portal_check {

std::optional<std::string> Inflate(std::string_view deflated, std::size_t inflated_bytes) {
  if (deflated.size() > std::numeric_limits<uInt>::max() || inflated_bytes > std::numeric_limits<uInt>::max())
    return std::nullopt;
  z_stream stream{};
  if (inflateInit2(&stream, -MAX_WBITS) != Z_OK) return std::nullopt;  // negative: raw deflate
  std::string out(inflated_bytes, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(deflated.data()));
  stream.avail_in = static_cast<uInt>(deflated.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = inflate(&stream, Z_FINISH);
  if (status == Z_BUF_ERROR && stream.avail_out == 0) {
    // Full before the stream's end: one spare byte tells a longer stream from an exact one.
    char spare = 0;
    stream.next_out = reinterpret_cast<Bytef*>(&spare);
    stream.avail_out = 1;
    status = inflate(&stream, Z_FINISH);
  }
  const bool exact = status == Z_STREAM_END && stream.total_out == inflated_bytes && stream.avail_in == 0;
  inflateEnd(&stream);
  if (!exact) return std::nullopt;
  return out;
}

}  // namespace portal_check
