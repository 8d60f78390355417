#include "execution/operators/numbers_source.h"

#include <algorithm>
#include <atomic>

namespace strata {

namespace {

// Chunk ranges handed out to the streams of one Open.
struct NumbersCursor {
  explicit NumbersCursor(uint64_t n) : count(n) {}
  const uint64_t count;
  std::atomic<uint64_t> next{0};
};

class NumbersSource : public ChunkSource {
 public:
  NumbersSource(std::shared_ptr<NumbersCursor> cursor, ExecutionContext& ctx)
      : cursor_(std::move(cursor)), ctx_(ctx) {}

  Result<std::optional<Chunk>> Next() override {
    RETURN_IF_ERROR(ctx_.CheckCancelled());
    uint64_t start = cursor_->next.fetch_add(kChunkRows, std::memory_order_relaxed);
    if (start >= cursor_->count) return std::optional<Chunk>();
    size_t rows = static_cast<size_t>(std::min<uint64_t>(kChunkRows, cursor_->count - start));
    auto col = MakeColumn(DataType(TypeId::Int64));
    col->Resize(rows);
    int64_t* data = col->Data<int64_t>();
    int64_t base = static_cast<int64_t>(start);
    for (size_t i = 0; i < rows; ++i) data[i] = base + static_cast<int64_t>(i);
    ctx_.ReportProgress(rows, rows * sizeof(int64_t));
    return std::optional<Chunk>(Chunk({std::move(col)}, rows));
  }

 private:
  std::shared_ptr<NumbersCursor> cursor_;
  ExecutionContext& ctx_;
};

}  // namespace

NumbersNode::NumbersNode(uint64_t count)
    : PlanNode({Field{"number", DataType(TypeId::Int64), false}}, {}), count_(count) {}

Result<PlanPtr> NumbersNode::Make(uint64_t count) {
  if (count > static_cast<uint64_t>(INT64_MAX)) {
    return Error(ErrorCode::BadArguments, "numbers() count is too large");
  }
  return PlanPtr(std::make_shared<NumbersNode>(count));
}

Result<std::vector<ChunkSourcePtr>> NumbersNode::OpenStreams(ExecutionContext& ctx,
                                                             size_t max_streams) const {
  auto cursor = std::make_shared<NumbersCursor>(count_);
  uint64_t chunks = (count_ + kChunkRows - 1) / kChunkRows;
  size_t n = static_cast<size_t>(std::clamp<uint64_t>(chunks, 1, max_streams));
  std::vector<ChunkSourcePtr> streams;
  for (size_t i = 0; i < n; ++i) streams.push_back(std::make_unique<NumbersSource>(cursor, ctx));
  return streams;
}

}  // namespace strata
