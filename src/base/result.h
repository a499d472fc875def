// Result<T>: a value or the Status that explains why there is none.
#pragma once

#include <cassert>
#include <optional>
#include <utility>

#include "base/status.h"

namespace thidua {

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT(google-explicit-constructor)
  Result(Status status) : status_(std::move(status)) {  // NOLINT(google-explicit-constructor)
    assert(!status_.ok() && "a Result built from a Status must carry an error");
  }

  bool ok() const { return value_.has_value(); }
  const Status& status() const { return status_; }
  // Alias used at call sites that forward the failure: `return r.error();`.
  const Status& error() const { return status_; }

  // REQUIRES: ok().
  T& value() & { assert(ok()); return *value_; }
  const T& value() const& { assert(ok()); return *value_; }
  T&& value() && { assert(ok()); return std::move(*value_); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

 private:
  std::optional<T> value_;
  Status status_;
};

}  // namespace thidua

// Evaluates a Status expression and returns it from the enclosing function if it failed.
#define THIDUA_RETURN_IF_ERROR(expr)              \
  do {                                            \
    ::thidua::Status thidua_status_ = (expr);     \
    if (!thidua_status_.ok()) return thidua_status_; \
  } while (false)

#define THIDUA_CONCAT_INNER(a, b) a##b
#define THIDUA_CONCAT(a, b) THIDUA_CONCAT_INNER(a, b)
// Declares `lhs` from a Result expression, or returns its Status from the enclosing function.
#define THIDUA_ASSIGN_OR_RETURN(lhs, expr) \
  THIDUA_ASSIGN_OR_RETURN_IMPL(THIDUA_CONCAT(thidua_result_, __LINE__), lhs, expr)
#define THIDUA_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                                 \
  if (!tmp.ok()) return tmp.status();                \
  lhs = std::move(tmp).value()
