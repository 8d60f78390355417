// Errors as values. Every fallible call that does I/O or touches the metastore returns
// a Status or a Result<T>; exceptions are not used across layer boundaries.
//
// A Status is cheap to copy when OK (no allocation). Its text is what a user sees after
// the code: "[1025] Unknown table `default`.`t`". Messages must never contain a secret.
#pragma once

#include <cassert>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "common/error_code.h"

namespace strata {

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message);

  static Status OK() { return Status(); }

  bool ok() const { return state_ == nullptr; }
  ErrorCode code() const { return state_ ? state_->code : ErrorCode::Ok; }
  const std::string& message() const;
  // True when retrying the same storage request may succeed (outage, throttling).
  bool retryable() const { return state_ && state_->retryable; }
  Status& set_retryable(bool r);

  // "[<code>] <message>", the form every user-facing error takes.
  std::string ToString() const;

  // Prefixes context: "<context>: <message>"; keeps code and retryability.
  Status WithContext(const std::string& context) const;

 private:
  struct State {
    ErrorCode code;
    std::string message;
    bool retryable = false;
  };
  std::shared_ptr<const State> state_;
};

// Builds a Status from a code and a message. Intended as: return Error(ErrorCode::X, "...");
inline Status Error(ErrorCode code, std::string message) {
  return Status(code, std::move(message));
}

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : status_(std::move(status)) {  // NOLINT: implicit by design
    assert(!status_.ok() && "Result constructed from an OK status without a value");
  }

  bool ok() const { return status_.ok(); }
  const Status& status() const { return status_; }

  // REQUIRES: ok()
  T& value() & { return *value_; }
  const T& value() const& { return *value_; }
  T&& value() && { return std::move(*value_); }
  T& operator*() & { return *value_; }
  const T& operator*() const& { return *value_; }
  T* operator->() { return &*value_; }
  const T* operator->() const { return &*value_; }

 private:
  Status status_;
  std::optional<T> value_;
};

}  // namespace strata

#define STRATA_CONCAT_INNER(a, b) a##b
#define STRATA_CONCAT(a, b) STRATA_CONCAT_INNER(a, b)

#define RETURN_IF_ERROR(expr)                 \
  do {                                        \
    ::strata::Status _st = (expr);            \
    if (!_st.ok()) return _st;                \
  } while (0)

#define ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                          \
  if (!tmp.ok()) return tmp.status();         \
  lhs = std::move(tmp).value()

// ASSIGN_OR_RETURN(auto x, SomethingReturningResult());
#define ASSIGN_OR_RETURN(lhs, expr) \
  ASSIGN_OR_RETURN_IMPL(STRATA_CONCAT(_res_, __LINE__), lhs, expr)
