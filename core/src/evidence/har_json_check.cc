#include "evidence/har_json_check.h"

#include <string>

#include "evidence/limits.h"
#include "util/json_scan.h"

namespace portal_check {

HarJsonCheck::HarJsonCheck() {
  stream_.SetSkipSink([this](const char*) { ++entries_; });
}

Status HarJsonCheck::Feed(std::string_view bytes) {
  return stream_.Feed(bytes, [this](std::string_view entry) {
    const std::size_t index = entries_++;
    if (index >= limits::kMaxEntries) return Status::Ok();
    json::Value value;
    const Status s = json::ParseBounded(entry, limits::kMaxJsonDepth, value);
    return s.ok() ? s : Status(s.code(), "entry " + std::to_string(index) + ": " + s.message());
  });
}

Status HarJsonCheck::End() { return stream_.End(); }

}  // namespace portal_check
