#include "common/status.h"

namespace strata {

Status::Status(ErrorCode code, std::string message) {
  if (code != ErrorCode::Ok) {
    state_ = std::make_shared<const State>(State{code, std::move(message), false});
  }
}

const std::string& Status::message() const {
  static const std::string kEmpty;
  return state_ ? state_->message : kEmpty;
}

Status& Status::set_retryable(bool r) {
  if (state_) state_ = std::make_shared<const State>(State{state_->code, state_->message, r});
  return *this;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  return "[" + std::to_string(static_cast<int>(state_->code)) + "] " + state_->message;
}

Status Status::WithContext(const std::string& context) const {
  if (ok()) return *this;
  Status s(state_->code, context + ": " + state_->message);
  s.set_retryable(state_->retryable);
  return s;
}

}  // namespace strata
