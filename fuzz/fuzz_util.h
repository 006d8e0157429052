// Small helpers shared by the fuzz targets.
#ifndef PORTAL_CHECK_FUZZ_UTIL_H_
#define PORTAL_CHECK_FUZZ_UTIL_H_
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace fuzz {
inline std::string_view AsView(const uint8_t* data, size_t size) {
  return std::string_view(reinterpret_cast<const char*>(data), size);
}
// Splits on '\n' (several header lines / several values from one input).
inline std::vector<std::string_view> Lines(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    std::size_t nl = s.find('\n', start);
    if (nl == std::string_view::npos) { out.push_back(s.substr(start)); break; }
    out.push_back(s.substr(start, nl - start));
    start = nl + 1;
  }
  return out;
}
}  // namespace fuzz
#endif
