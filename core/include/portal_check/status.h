// Status and StatusOr: errors as values (the LevelDB / Abseil shape).
// Nothing in core/ throws across its public API; every fallible call returns one of these.
#ifndef PORTAL_CHECK_STATUS_H_
#define PORTAL_CHECK_STATUS_H_

#include <optional>
#include <string>
#include <utility>

namespace portal_check {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,    // malformed input (bad JSON, wrong field type, missing required field)
  kResourceExhausted,  // input over a documented limit (see evidence/limits.h)
  kFailedPrecondition, // call out of order (e.g. AddEntry after Finish)
  kInternal,           // a bug: an invariant did not hold
};

class Status {
 public:
  Status() = default;  // OK
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }
  static Status Invalid(std::string msg) { return Status(StatusCode::kInvalidArgument, std::move(msg)); }
  static Status Exhausted(std::string msg) { return Status(StatusCode::kResourceExhausted, std::move(msg)); }
  static Status Precondition(std::string msg) { return Status(StatusCode::kFailedPrecondition, std::move(msg)); }
  static Status Internal(std::string msg) { return Status(StatusCode::kInternal, std::move(msg)); }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "invalid-argument: <message>" — stable spelling used in error JSON and CLI messages.
  std::string ToString() const;
  static const char* CodeName(StatusCode code);

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Holds either a value or a non-OK Status. REQUIRES: value() only when ok().
template <typename T>
class StatusOr {
 public:
  StatusOr(Status status) : status_(std::move(status)) {}  // NOLINT: implicit by design
  StatusOr(T value) : value_(std::move(value)) {}          // NOLINT: implicit by design

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }
  T& value() { return *value_; }
  const T& value() const { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

// `status` as the error value hosts receive: {"error":{"code":CodeName,"message":…},"ok":false}
// (JSON text; the message escaped). REQUIRES: !status.ok().
std::string ErrorValueJson(const Status& status);

}  // namespace portal_check

#endif  // PORTAL_CHECK_STATUS_H_
