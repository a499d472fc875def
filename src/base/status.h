// Status and Result<T>: expected failures as values (see STYLE.md, "Errors").
//
// A Status is either ok or carries a canonical Code, a message and, for validation
// errors, a map from field name to a message about that field. Messages of the user-facing
// codes (everything but kUnavailable and kInternal) are Vietnamese and safe to show.
// Both types are cheap to move and safe to pass between threads (no shared state).
#pragma once

#include <map>
#include <string>
#include <utility>

namespace thidua {

enum class Code {
  kOk,
  kInvalidArgument,     // 422: the input is malformed or breaks a rule
  kNotFound,            // 404: absent, or outside the caller's scope
  kAlreadyExists,       // 409: a unique key is taken
  kFailedPrecondition,  // 409: the record is not in a state that allows this
  kPermissionDenied,    // 403: the caller's role may not do this
  kUnauthenticated,     // 401: no valid session or token
  kResourceExhausted,   // 429: too many attempts
  kUnavailable,         // 503: a dependency is busy or gone (message is for the log)
  kInternal,            // 500: a bug (message is for the log)
};

// Returns the stable snake_case name of a code ("not_found"), used in JSON errors.
const char* CodeName(Code code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(Code code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == Code::kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const std::map<std::string, std::string>& fields() const { return fields_; }

  // Adds a per-field message (validation errors); returns *this for chaining.
  Status& WithField(std::string field, std::string message) {
    fields_.emplace(std::move(field), std::move(message));
    return *this;
  }
  // Marks the status as checked where ignoring it is deliberate.
  void IgnoreError() const {}

 private:
  Code code_ = Code::kOk;
  std::string message_;
  std::map<std::string, std::string> fields_;
};

inline Status InvalidArgument(std::string m) { return Status(Code::kInvalidArgument, std::move(m)); }
inline Status NotFound(std::string m) { return Status(Code::kNotFound, std::move(m)); }
inline Status AlreadyExists(std::string m) { return Status(Code::kAlreadyExists, std::move(m)); }
inline Status FailedPrecondition(std::string m) { return Status(Code::kFailedPrecondition, std::move(m)); }
inline Status PermissionDenied(std::string m) { return Status(Code::kPermissionDenied, std::move(m)); }
inline Status Unauthenticated(std::string m) { return Status(Code::kUnauthenticated, std::move(m)); }
inline Status ResourceExhausted(std::string m) { return Status(Code::kResourceExhausted, std::move(m)); }
inline Status Unavailable(std::string m) { return Status(Code::kUnavailable, std::move(m)); }
inline Status Internal(std::string m) { return Status(Code::kInternal, std::move(m)); }

}  // namespace thidua
