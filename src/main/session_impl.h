// A Session: the current database and settings of one user, and the loop that runs each
// statement on a worker thread while the caller's thread reports progress.
//
// Thread-safety: one thread at a time (Session's contract).
#pragma once

#include <atomic>
#include <functional>
#include <memory>
#include <string>

#include "interpreter/query_context.h"
#include "main/database.h"

namespace strata {

class DatabaseImpl;

class SessionImpl : public Session {
 public:
  explicit SessionImpl(std::shared_ptr<DatabaseImpl> db) : db_(std::move(db)) {}

  Result<QueryResult> Execute(std::string_view sql) override;
  const std::string& current_database() const override { return state_.current_database; }
  void SetProgressCallback(std::function<void(const Progress&)> cb) override {
    progress_ = std::move(cb);
  }
  void Cancel() override { cancel_.store(true, std::memory_order_relaxed); }

 private:
  std::shared_ptr<DatabaseImpl> db_;
  SessionState state_;
  std::function<void(const Progress&)> progress_;
  std::atomic<bool> cancel_{false};
  static_assert(std::atomic<bool>::is_always_lock_free, "Cancel() runs in signal handlers");
};

}  // namespace strata
