// Strict-Transport-Security: ParseHsts.
#include "fuzz_util.h"
#include "normalize/hsts.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto p = portal_check::ParseHsts(fuzz::AsView(data, size));
  (void)portal_check::HstsProtects(p);
  return 0;
}
