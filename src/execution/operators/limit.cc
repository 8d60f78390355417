#include "execution/operators/limit.h"

#include <algorithm>

namespace strata {

namespace {

class LimitSource : public ChunkSource {
 public:
  LimitSource(ChunkSourcePtr child, uint64_t remaining, uint64_t skip)
      : child_(std::move(child)), remaining_(remaining), skip_(skip) {}

  Result<std::optional<Chunk>> Next() override {
    while (child_ && remaining_ > 0) {
      ASSIGN_OR_RETURN(std::optional<Chunk> chunk, child_->Next());
      if (!chunk) break;
      size_t rows = chunk->num_rows();
      if (skip_ >= rows) {
        skip_ -= rows;
        continue;
      }
      size_t start = static_cast<size_t>(skip_);
      skip_ = 0;
      size_t n = static_cast<size_t>(std::min<uint64_t>(rows - start, remaining_));
      remaining_ -= n;
      if (start == 0 && n == rows) return chunk;
      return std::optional<Chunk>(chunk->Slice(start, n));
    }
    child_.reset();  // done: stop the upstream work
    return std::optional<Chunk>();
  }

 private:
  ChunkSourcePtr child_;
  uint64_t remaining_;
  uint64_t skip_;
};

}  // namespace

LimitNode::LimitNode(PlanPtr child, std::optional<uint64_t> limit, uint64_t offset)
    : PlanNode(child->schema(), {child}), limit_(limit), offset_(offset) {}

Result<PlanPtr> LimitNode::Make(PlanPtr child, std::optional<uint64_t> limit, uint64_t offset) {
  return PlanPtr(std::make_shared<LimitNode>(std::move(child), limit, offset));
}

std::string LimitNode::details() const {
  std::string s = limit_ ? "limit=" + std::to_string(*limit_) : "limit=none";
  return s + " offset=" + std::to_string(offset_);
}

Result<std::vector<ChunkSourcePtr>> LimitNode::OpenStreams(ExecutionContext& ctx, size_t) const {
  ASSIGN_OR_RETURN(ChunkSourcePtr child, children()[0]->Open(ctx));
  std::vector<ChunkSourcePtr> streams;
  streams.push_back(
      std::make_unique<LimitSource>(std::move(child), limit_.value_or(UINT64_MAX), offset_));
  return streams;
}

}  // namespace strata
