#include "execution/operators/top_n.h"

#include <algorithm>

#include "execution/expression_executor.h"
#include "execution/operators/sort.h"
#include "execution/parallel.h"

namespace strata {

namespace {

// One thread's candidates: at most `keep` rows once compacted.
class TopNBuffer {
 public:
  TopNBuffer(const TopNNode& node, uint64_t keep, const FunctionContext& fctx)
      : node_(node), keep_(keep), cmp_(node.keys()), exec_(fctx) {}

  Status Add(Chunk&& chunk) {
    rows_ += chunk.num_rows();
    chunks_.push_back(std::move(chunk));
    uint64_t threshold = std::max<uint64_t>(2 * keep_, 4 * kChunkRows);
    if (rows_ > threshold) return Compact();
    return Status::OK();
  }

  // Sorts the buffer and keeps its first `keep` rows.
  Status Compact() {
    if (chunks_.empty()) return Status::OK();
    Chunk all = ConcatChunks(node_.schema(), chunks_);
    std::vector<ColumnPtr> keys;
    for (const SortKey& k : node_.keys()) {
      ASSIGN_OR_RETURN(ColumnPtr c, exec_.Evaluate(*k.expr, all));
      keys.push_back(std::move(c));
    }
    std::vector<uint32_t> order = SortPermutation(keys, all.num_rows(), cmp_);
    size_t n = static_cast<size_t>(std::min<uint64_t>(keep_, order.size()));
    chunks_.clear();
    if (n > 0) chunks_.push_back(all.Gather(order.data(), n));
    rows_ = n;
    return Status::OK();
  }

  std::vector<Chunk> Take() { return std::move(chunks_); }

 private:
  const TopNNode& node_;
  uint64_t keep_;
  RowComparator cmp_;
  ExpressionExecutor exec_;
  std::vector<Chunk> chunks_;
  uint64_t rows_ = 0;
};

class TopNSource : public ChunkSource {
 public:
  TopNSource(const TopNNode& node, ExecutionContext& ctx) : node_(node), ctx_(ctx) {}

  Result<std::optional<Chunk>> Next() override {
    if (!sorted_) {
      uint64_t keep =
          node_.limit() > UINT64_MAX - node_.offset() ? UINT64_MAX : node_.limit() + node_.offset();
      if (node_.limit() == 0) return std::optional<Chunk>();
      ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams,
                       node_.children()[0]->OpenStreams(ctx_, ctx_.threads()));
      std::vector<std::unique_ptr<TopNBuffer>> buffers;
      for (size_t i = 0; i < streams.size(); ++i) {
        buffers.push_back(std::make_unique<TopNBuffer>(node_, keep, ctx_.function_context()));
      }
      RETURN_IF_ERROR(DrainParallel(
          streams, ctx_, [&](size_t i, Chunk&& c) { return buffers[i]->Add(std::move(c)); }));
      streams.clear();
      // Survivors of every thread form one list: sorted once, cut to [offset, offset + limit).
      std::vector<std::vector<Chunk>> lists(1);
      for (auto& b : buffers) {
        RETURN_IF_ERROR(b->Compact());
        for (Chunk& c : b->Take()) lists[0].push_back(std::move(c));
      }
      ASSIGN_OR_RETURN(sorted_,
                       SortedRunsSource::Make(node_.schema(), node_.keys(), std::move(lists), ctx_,
                                              node_.offset(), node_.limit()));
    }
    return sorted_->Next();
  }

 private:
  const TopNNode& node_;
  ExecutionContext& ctx_;
  std::unique_ptr<SortedRunsSource> sorted_;
};

}  // namespace

TopNNode::TopNNode(PlanPtr child, std::vector<SortKey> keys, uint64_t limit, uint64_t offset)
    : PlanNode(child->schema(), {child}), keys_(std::move(keys)), limit_(limit), offset_(offset) {}

Result<PlanPtr> TopNNode::Make(PlanPtr child, std::vector<SortKey> keys, uint64_t limit,
                               uint64_t offset) {
  if (keys.empty()) return Error(ErrorCode::Internal, "top-n without keys");
  return PlanPtr(std::make_shared<TopNNode>(std::move(child), std::move(keys), limit, offset));
}

std::string TopNNode::details() const {
  return DescribeSortKeys(keys_) + " limit=" + std::to_string(limit_) +
         " offset=" + std::to_string(offset_);
}

Result<std::vector<ChunkSourcePtr>> TopNNode::OpenStreams(ExecutionContext& ctx, size_t) const {
  std::vector<ChunkSourcePtr> streams;
  streams.push_back(std::make_unique<TopNSource>(*this, ctx));
  return streams;
}

}  // namespace strata
