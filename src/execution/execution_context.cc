#include "execution/execution_context.h"

#include <chrono>
#include <thread>

namespace strata {

ExecutionContext::ExecutionContext() {
  auto now = std::chrono::system_clock::now().time_since_epoch();
  query_start_micros_ = std::chrono::duration_cast<std::chrono::microseconds>(now).count();
  unsigned hw = std::thread::hardware_concurrency();
  threads_ = hw == 0 ? 1 : hw;
}

Status ExecutionContext::CheckCancelled() const {
  if (!cancelled()) return Status::OK();
  return Error(ErrorCode::AbortedQuery, "Aborted query, because the query was killed.");
}

void ExecutionContext::ReportProgress(uint64_t rows, uint64_t bytes) {
  rows_read_.fetch_add(rows, std::memory_order_relaxed);
  bytes_read_.fetch_add(bytes, std::memory_order_relaxed);
  if (progress_) progress_(rows, bytes);
}

}  // namespace strata
