// RFC 8941 structured fields (Permissions-Policy is a Dictionary): item, list, dictionary, and the
// line joining used for repeated header lines.
#include <string>
#include "fuzz_util.h"
#include "normalize/structured_field.h"

using namespace portal_check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::AsView(data, size);
  std::string error;
  (void)sf::ParseItem(text, &error);
  (void)sf::ParseList(text, &error);
  (void)sf::ParseDictionary(text, &error);
  std::string joined = sf::JoinFieldLines(fuzz::Lines(text));
  (void)sf::ParseDictionary(joined, nullptr);
  return 0;
}
