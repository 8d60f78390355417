// ExecutionContext: what one query execution carries besides its plan — the query start time
// (now(), today()), how many threads it may use, a cancellation flag and progress reporting.
//
// Thread-safety: Cancel(), cancelled(), CheckCancelled() and ReportProgress() may be called
// from any thread while the query runs; the setters must be called before execution starts.
// The context must outlive every stream opened with it.
#pragma once

#include <atomic>
#include <cstdint>
#include <functional>

#include "common/status.h"
#include "execution/function_registry.h"

namespace strata {

class ExecutionContext {
 public:
  // Called with the rows and bytes a source just produced (increments, not totals), from
  // whichever thread produced them; must be thread-safe.
  using ProgressCallback = std::function<void(uint64_t rows, uint64_t bytes)>;

  // Query start = now; threads = the machine's hardware threads.
  ExecutionContext();
  ExecutionContext(const ExecutionContext&) = delete;
  ExecutionContext& operator=(const ExecutionContext&) = delete;

  int64_t query_start_micros() const { return query_start_micros_; }
  void set_query_start_micros(int64_t micros) { query_start_micros_ = micros; }
  FunctionContext function_context() const { return FunctionContext{query_start_micros_}; }

  // Threads a parallel pipeline may use (at least 1).
  size_t threads() const { return threads_; }
  void set_threads(size_t n) { threads_ = n == 0 ? 1 : n; }

  void Cancel() { cancelled_.store(true, std::memory_order_relaxed); }
  // A flag owned by whoever runs the query (a session, for Ctrl-C); set means cancelled.
  // It must outlive the execution.
  void set_cancel_flag(const std::atomic<bool>* flag) { outside_cancel_ = flag; }
  bool cancelled() const {
    return cancelled_.load(std::memory_order_relaxed) ||
           (outside_cancel_ != nullptr && outside_cancel_->load(std::memory_order_relaxed));
  }
  // Error 1043 `Aborted query, because the query was killed.` once Cancel() was called.
  Status CheckCancelled() const;

  void set_progress_callback(ProgressCallback cb) { progress_ = std::move(cb); }
  // Sources call this for every chunk they produce.
  void ReportProgress(uint64_t rows, uint64_t bytes);
  uint64_t rows_read() const { return rows_read_.load(std::memory_order_relaxed); }
  uint64_t bytes_read() const { return bytes_read_.load(std::memory_order_relaxed); }

 private:
  int64_t query_start_micros_;
  size_t threads_;
  std::atomic<bool> cancelled_{false};
  const std::atomic<bool>* outside_cancel_ = nullptr;
  ProgressCallback progress_;
  std::atomic<uint64_t> rows_read_{0};
  std::atomic<uint64_t> bytes_read_{0};
};

}  // namespace strata
