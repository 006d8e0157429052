#include "evidence/har_log_members.h"

#include "evidence/limits.h"
#include "util/json.h"
#include "util/json_scan.h"
#include "util/text.h"

namespace portal_check {
namespace {

// Parses `text` as a JSON object; false when it is malformed or another kind of value.
bool ParseObject(std::string_view text, json::Value& out) {
  return json::ParseBounded(text, limits::kMaxJsonDepth, out).ok() && out.is<json::Object>();
}

// The string member `key` of `v`, cut to limits::kMaxUrlBytes; "" when absent or not a string.
std::string CutString(const json::Value& v, std::string_view key) {
  const std::string* s = json::FindString(v, key);
  return s ? s->substr(0, limits::kMaxUrlBytes) : std::string();
}

}  // namespace

std::string ReadDeclaredTarget(std::string_view portal_check_json) {
  json::Value meta;
  if (!ParseObject(portal_check_json, meta)) return std::string();
  const std::string* t = json::FindString(meta, "target");
  return t ? *t : std::string();
}

std::string ReadCaptureStopped(std::string_view portal_check_json) {
  json::Value meta;
  if (!ParseObject(portal_check_json, meta)) return std::string();
  const std::string* s = json::FindString(meta, "stopped");
  return s ? text::SafeUtf8(*s, 500) : std::string();
}

bool ReadHarCreator(std::string_view creator_json, HarLogInfo& info) {
  json::Value creator;
  const bool ok = ParseObject(creator_json, creator);
  info.creator_name = ok ? CutString(creator, "name") : std::string();
  info.creator_version = ok ? CutString(creator, "version") : std::string();
  return ok;
}

bool ReadHarPage(std::string_view page_json, HarPage& page) {
  json::Value v;
  if (!ParseObject(page_json, v)) return false;
  page.id = CutString(v, "id");
  page.title = CutString(v, "title");
  page.started = CutString(v, "startedDateTime");
  return true;
}

}  // namespace portal_check
