// HarStream (resumable splitter) + ReadHarEntry on each entry it hands out, and ReadHarEntry and
// ParseIsoDateTime directly on the whole input.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "evidence/har_reader.h"
#include "evidence/har_stream.h"

using namespace portal_check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::size_t chunk = static_cast<std::size_t>(data[0] % 64) + 1;
  std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
  {
    Notices notices;
    (void)ReadHarEntry(doc, 0, notices);
    (void)ParseIsoDateTime(doc);
  }
  HarStream stream;
  std::size_t index = 0;
  auto sink = [&](std::string_view entry) -> Status {
    Notices notices;
    auto ex = ReadHarEntry(entry, index++, notices);
    return ex.ok() ? Status() : ex.status();
  };
  for (std::size_t i = 0; i < doc.size(); i += chunk) {
    if (!stream.Feed(doc.substr(i, chunk), sink).ok()) return 0;
  }
  (void)stream.End();
  return 0;
}
