#include "execution/operators/table_scan.h"

#include <algorithm>

namespace strata {

namespace {

class MemoryStream : public ChunkSource {
 public:
  MemoryStream(const std::vector<Chunk>& chunks, size_t first, size_t step, ExecutionContext& ctx)
      : chunks_(chunks), next_(first), step_(step), ctx_(ctx) {}

  Result<std::optional<Chunk>> Next() override {
    RETURN_IF_ERROR(ctx_.CheckCancelled());
    while (next_ < chunks_.size()) {
      const Chunk& c = chunks_[next_];
      next_ += step_;
      if (c.num_rows() == 0) continue;
      ctx_.ReportProgress(c.num_rows(), c.ByteSize());
      return std::optional<Chunk>(c);
    }
    return std::optional<Chunk>();
  }

 private:
  const std::vector<Chunk>& chunks_;
  size_t next_;
  size_t step_;
  ExecutionContext& ctx_;
};

}  // namespace

TableScanNode::TableScanNode(std::shared_ptr<const TableSource> source)
    : PlanNode(source->schema(), {}), source_(std::move(source)) {}

Result<PlanPtr> TableScanNode::Make(std::shared_ptr<const TableSource> source) {
  if (!source) return Error(ErrorCode::Internal, "table scan without a source");
  return PlanPtr(std::make_shared<TableScanNode>(std::move(source)));
}

Result<std::vector<ChunkSourcePtr>> TableScanNode::OpenStreams(ExecutionContext& ctx,
                                                               size_t max_streams) const {
  ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams, source_->Open(ctx, max_streams));
  if (streams.empty()) {
    return Error(ErrorCode::Internal, "table source " + source_->name() + " opened no stream");
  }
  if (streams.size() > max_streams) {
    std::vector<ChunkSourcePtr> one;
    one.push_back(ConcatStreams(std::move(streams)));
    return one;
  }
  return streams;
}

MemoryTableSource::MemoryTableSource(std::string name, Schema schema, std::vector<Chunk> chunks)
    : name_(std::move(name)), schema_(std::move(schema)), chunks_(std::move(chunks)) {}

Result<std::vector<ChunkSourcePtr>> MemoryTableSource::Open(ExecutionContext& ctx,
                                                            size_t max_streams) const {
  size_t n = std::clamp<size_t>(chunks_.size(), 1, max_streams);
  std::vector<ChunkSourcePtr> streams;
  for (size_t i = 0; i < n; ++i)
    streams.push_back(std::make_unique<MemoryStream>(chunks_, i, n, ctx));
  return streams;
}

}  // namespace strata
