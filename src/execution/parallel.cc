#include "execution/parallel.h"

#include <atomic>
#include <mutex>
#include <thread>

namespace strata {

Status RunParallel(size_t n, const std::function<Status(size_t)>& fn) {
  if (n == 0) return Status::OK();
  if (n == 1) return fn(0);
  std::mutex mu;
  Status first;
  auto run = [&](size_t i) {
    Status st = fn(i);
    if (!st.ok()) {
      std::lock_guard<std::mutex> lock(mu);
      if (first.ok()) first = st;
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(n - 1);
  for (size_t i = 1; i < n; ++i) threads.emplace_back(run, i);
  run(0);
  for (std::thread& t : threads) t.join();
  return first;
}

Status DrainParallel(std::vector<ChunkSourcePtr>& streams, const ExecutionContext& ctx,
                     const std::function<Status(size_t, Chunk&&)>& sink) {
  std::atomic<bool> failed{false};
  return RunParallel(streams.size(), [&](size_t i) -> Status {
    ChunkSource& stream = *streams[i];
    while (!failed.load(std::memory_order_relaxed)) {
      Status st = ctx.CheckCancelled();
      if (st.ok()) {
        Result<std::optional<Chunk>> chunk = stream.Next();
        if (!chunk.ok()) {
          st = chunk.status();
        } else if (!*chunk) {
          return Status::OK();
        } else {
          st = sink(i, std::move(**chunk));
        }
      }
      if (!st.ok()) {
        failed.store(true, std::memory_order_relaxed);
        return st;
      }
    }
    return Status::OK();
  });
}

}  // namespace strata
