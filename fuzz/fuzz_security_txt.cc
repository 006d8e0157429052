// security.txt (RFC 9116) body parser.
#include "fuzz_util.h"
#include "normalize/security_txt.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto t = portal_check::ParseSecurityTxt(fuzz::AsView(data, size));
  (void)t.Values("contact");
  (void)t.Values("Expires");
  return 0;
}
