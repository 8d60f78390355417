#include "execution/operators/nested_loop_join.h"

#include <deque>

#include "execution/parallel.h"
#include "execution/sort_key.h"

namespace strata {

namespace {

struct LoopBuild {
  SharedBuild once;
  Chunk rows;

  Status Build(const PlanNode& right, ExecutionContext& ctx) {
    ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams, right.OpenStreams(ctx, ctx.threads()));
    std::vector<std::vector<Chunk>> lists(streams.size());
    RETURN_IF_ERROR(DrainParallel(streams, ctx, [&](size_t i, Chunk&& c) {
      lists[i].push_back(std::move(c));
      return Status::OK();
    }));
    std::vector<Chunk> all;
    for (auto& l : lists) {
      for (Chunk& c : l) all.push_back(std::move(c));
    }
    rows = ConcatChunks(right.schema(), all);
    return Status::OK();
  }
};

class LoopProbeSource : public ChunkSource {
 public:
  LoopProbeSource(ChunkSourcePtr left, const NestedLoopJoinNode& node,
                  std::shared_ptr<LoopBuild> build, ExecutionContext& ctx)
      : left_(std::move(left)),
        node_(node),
        build_(std::move(build)),
        ctx_(ctx),
        exec_(ctx.function_context()) {}

  Result<std::optional<Chunk>> Next() override {
    RETURN_IF_ERROR(build_->once.Ensure([&] { return build_->Build(*node_.children()[1], ctx_); }));
    if (build_->rows.num_rows() == 0 && node_.type() != JoinType::kLeft) {
      return std::optional<Chunk>();  // nothing can match
    }
    while (ready_.empty()) {
      RETURN_IF_ERROR(ctx_.CheckCancelled());
      if (!current_) {
        ASSIGN_OR_RETURN(current_, left_->Next());
        if (!current_) return std::optional<Chunk>();
        matched_.assign(current_->num_rows(), 0);
        row_ = 0;
        right_row_ = 0;
      }
      RETURN_IF_ERROR(ProduceBatch());
    }
    Chunk out = std::move(ready_.front());
    ready_.pop_front();
    return std::optional<Chunk>(std::move(out));
  }

 private:
  Status ProduceBatch() {
    const Chunk& left = *current_;
    const Chunk& right = build_->rows;
    size_t n = left.num_rows(), m = right.num_rows();
    lsel_.clear();
    rsel_.clear();
    while (lsel_.size() < kChunkRows && row_ < n && m > 0) {
      lsel_.push_back(static_cast<uint32_t>(row_));
      rsel_.push_back(static_cast<uint32_t>(right_row_));
      if (++right_row_ == m) {
        right_row_ = 0;
        ++row_;
      }
    }
    if (m == 0) row_ = n;
    if (!lsel_.empty()) {
      ASSIGN_OR_RETURN(Chunk out, JoinPairs(left, right, lsel_, rsel_, node_.condition().get(),
                                            exec_, &matched_));
      if (out.num_rows() > 0) ready_.push_back(std::move(out));
    }
    if (row_ >= n) {
      if (node_.type() == JoinType::kLeft) {
        Chunk rest = UnmatchedLeftRows(left, matched_, node_.children()[1]->schema());
        if (rest.num_rows() > 0) ready_.push_back(std::move(rest));
      }
      current_.reset();
    }
    return Status::OK();
  }

  ChunkSourcePtr left_;
  const NestedLoopJoinNode& node_;
  std::shared_ptr<LoopBuild> build_;
  ExecutionContext& ctx_;
  ExpressionExecutor exec_;
  std::optional<Chunk> current_;
  std::vector<uint8_t> matched_;
  size_t row_ = 0;
  size_t right_row_ = 0;
  std::vector<uint32_t> lsel_, rsel_;
  std::deque<Chunk> ready_;
};

}  // namespace

NestedLoopJoinNode::NestedLoopJoinNode(PlanPtr left, PlanPtr right, JoinType type,
                                       ExprPtr condition)
    : PlanNode(JoinSchema(left->schema(), right->schema(), type), {left, right}),
      type_(type),
      condition_(std::move(condition)) {}

Result<PlanPtr> NestedLoopJoinNode::Make(PlanPtr left, PlanPtr right, JoinType type,
                                         ExprPtr condition) {
  if (type == JoinType::kCross && condition) {
    return Error(ErrorCode::Internal, "a CROSS join takes no condition");
  }
  if (condition && condition->type.id != TypeId::Boolean && condition->type.id != TypeId::Null) {
    return Error(ErrorCode::SemanticError,
                 "join condition must be BOOLEAN, got " + condition->type.ToString());
  }
  return PlanPtr(std::make_shared<NestedLoopJoinNode>(std::move(left), std::move(right), type,
                                                      std::move(condition)));
}

std::string NestedLoopJoinNode::details() const {
  std::string s = JoinTypeName(type_);
  if (condition_) s += " on " + condition_->ToString();
  return s;
}

Result<std::vector<ChunkSourcePtr>> NestedLoopJoinNode::OpenStreams(ExecutionContext& ctx,
                                                                    size_t max_streams) const {
  auto build = std::make_shared<LoopBuild>();
  ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams,
                   children()[0]->OpenStreams(ctx, max_streams));
  for (ChunkSourcePtr& s : streams) {
    s = std::make_unique<LoopProbeSource>(std::move(s), *this, build, ctx);
  }
  return streams;
}

}  // namespace strata
