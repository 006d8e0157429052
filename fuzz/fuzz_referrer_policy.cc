// Referrer-Policy: header lines (input split on '\n'), the meta form, and the Observatory emulation.
#include <string>
#include "fuzz_util.h"
#include "normalize/referrer_policy.h"

using namespace portal_check;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text = fuzz::AsView(data, size);
  auto lines = fuzz::Lines(text);
  auto p = ParseReferrerPolicyHeader(lines);
  if (p) (void)ClassifyReferrerPolicy(*p);
  auto m = ParseReferrerMeta(text);
  if (m && IsReferrerPolicyToken(*m)) (void)ClassifyReferrerPolicy(*m);
  (void)IsReferrerPolicyToken(text);
  std::string meta(lines.back());
  (void)ObservatoryReferrerResult(lines, &meta);
  (void)ObservatoryReferrerResult(lines, nullptr);
  return 0;
}
