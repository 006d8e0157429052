#include "portal_check/status.h"

#include "util/json.h"

namespace portal_check {

const char* Status::CodeName(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kInvalidArgument: return "invalid-argument";
    case StatusCode::kResourceExhausted: return "resource-exhausted";
    case StatusCode::kFailedPrecondition: return "failed-precondition";
    case StatusCode::kInternal: return "internal";
  }
  return "internal";
}

std::string Status::ToString() const {
  if (ok()) return "ok";
  return std::string(CodeName(code_)) + ": " + message_;
}

std::string ErrorValueJson(const Status& status) {
  json::Object err{{"code", json::Str(Status::CodeName(status.code()))}, {"message", json::Str(status.message())}};
  return json::Serialize(json::Value(json::Object{{"ok", json::Bool(false)}, {"error", json::Value(err)}}));
}

}  // namespace portal_check
