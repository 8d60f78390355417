#include "execution/executor.h"

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

namespace strata {

namespace {

// A single stream that also keeps its plan alive.
class PlanStream : public ChunkSource {
 public:
  PlanStream(PlanPtr plan, ChunkSourcePtr stream, ExecutionContext& ctx)
      : plan_(std::move(plan)), stream_(std::move(stream)), ctx_(ctx) {}

  Result<std::optional<Chunk>> Next() override {
    RETURN_IF_ERROR(ctx_.CheckCancelled());
    return stream_->Next();
  }

 private:
  PlanPtr plan_;
  ChunkSourcePtr stream_;
  ExecutionContext& ctx_;
};

// Runs several streams on background threads and hands their chunks to one consumer.
class ExchangeSource : public ChunkSource {
 public:
  ExchangeSource(PlanPtr plan, std::vector<ChunkSourcePtr> streams, ExecutionContext& ctx)
      : plan_(std::move(plan)),
        streams_(std::move(streams)),
        ctx_(ctx),
        capacity_(2 * streams_.size()) {}

  ~ExchangeSource() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    space_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  Result<std::optional<Chunk>> Next() override {
    if (threads_.empty() && !streams_.empty()) Start();
    std::unique_lock<std::mutex> lock(mu_);
    ready_.wait(lock, [&] { return !queue_.empty() || active_ == 0 || !error_.ok(); });
    if (!error_.ok()) return error_;
    if (queue_.empty()) return std::optional<Chunk>();
    Chunk c = std::move(queue_.front());
    queue_.pop_front();
    lock.unlock();
    space_.notify_one();
    return std::optional<Chunk>(std::move(c));
  }

 private:
  void Start() {
    active_ = streams_.size();
    for (size_t i = 0; i < streams_.size(); ++i) threads_.emplace_back([this, i] { Produce(i); });
  }

  void Produce(size_t i) {
    ChunkSource& stream = *streams_[i];
    while (true) {
      Status st = ctx_.CheckCancelled();
      Result<std::optional<Chunk>> chunk =
          st.ok() ? stream.Next() : Result<std::optional<Chunk>>(st);
      std::unique_lock<std::mutex> lock(mu_);
      if (!chunk.ok()) {
        if (error_.ok()) error_ = chunk.status();
        break;
      }
      if (!*chunk) break;
      space_.wait(lock, [&] { return queue_.size() < capacity_ || stop_ || !error_.ok(); });
      if (stop_ || !error_.ok()) break;
      queue_.push_back(std::move(**chunk));
      lock.unlock();
      ready_.notify_one();
    }
    std::lock_guard<std::mutex> lock(mu_);
    --active_;
    streams_[i].reset();
    ready_.notify_all();
    space_.notify_all();
  }

  PlanPtr plan_;
  std::vector<ChunkSourcePtr> streams_;
  ExecutionContext& ctx_;
  const size_t capacity_;
  std::vector<std::thread> threads_;
  std::mutex mu_;
  std::condition_variable ready_;  // a chunk, the end, or an error is available
  std::condition_variable space_;  // the queue has room (or the consumer left)
  std::deque<Chunk> queue_;
  size_t active_ = 0;
  bool stop_ = false;
  Status error_;
};

}  // namespace

Result<ChunkSourcePtr> ExecuteStreaming(const PlanPtr& plan, ExecutionContext& ctx) {
  ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams, plan->OpenStreams(ctx, ctx.threads()));
  if (streams.size() == 1) {
    return ChunkSourcePtr(std::make_unique<PlanStream>(plan, std::move(streams[0]), ctx));
  }
  return ChunkSourcePtr(std::make_unique<ExchangeSource>(plan, std::move(streams), ctx));
}

Result<std::vector<Chunk>> ExecuteToChunks(const PlanPtr& plan, ExecutionContext& ctx) {
  ASSIGN_OR_RETURN(ChunkSourcePtr stream, ExecuteStreaming(plan, ctx));
  std::vector<Chunk> out;
  while (true) {
    ASSIGN_OR_RETURN(std::optional<Chunk> chunk, stream->Next());
    if (!chunk) break;
    out.push_back(std::move(*chunk));
  }
  return out;
}

}  // namespace strata
