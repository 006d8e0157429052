// Whole engine: Auditor::Create (embedded ruleset, all profiles off) then Feed in chunks + Finish.
// The first input byte picks the chunk size (1..256), so splits inside strings/UTF-8 are covered.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "portal_check/auditor.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::size_t chunk = static_cast<std::size_t>(data[0]) + 1;
  std::string_view doc(reinterpret_cast<const char*>(data) + 1, size - 1);
  portal_check::AuditOptions options;
  auto created = portal_check::Auditor::Create(options);
  if (!created.ok()) __builtin_trap();  // the embedded ruleset must always load
  auto& auditor = created.value();
  for (std::size_t i = 0; i < doc.size(); i += chunk) {
    if (!auditor->Feed(doc.substr(i, chunk)).ok()) return 0;
  }
  if (auditor->Finish().ok()) {
    (void)auditor->ReportJson().size();
    (void)auditor->Sarif().size();
  }
  return 0;
}
