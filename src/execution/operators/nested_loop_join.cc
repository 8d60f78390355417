#include "execution/operators/nested_loop_join.h"

namespace strata {

namespace {

struct LoopBuild {
  SharedBuild once;
  Chunk rows;
};

class LoopProbeSource final : public JoinProbeSource {
 public:
  LoopProbeSource(ChunkSourcePtr left, const NestedLoopJoinNode& node,
                  std::shared_ptr<LoopBuild> build, ExecutionContext& ctx)
      : JoinProbeSource(std::move(left), node.type(), node.condition().get(),
                        node.children()[1]->schema(), ctx),
        node_(node),
        build_(std::move(build)) {}

 private:
  Result<const Chunk*> BuildRows() override {
    RETURN_IF_ERROR(build_->once.Ensure([&]() -> Status {
      ASSIGN_OR_RETURN(build_->rows, CollectBuildRows(*node_.children()[1], ctx_));
      return Status::OK();
    }));
    return &build_->rows;
  }

  Status StartChunk(const Chunk&) override {
    row_ = 0;
    right_row_ = 0;
    return Status::OK();
  }

  // Every (left row, right row) pair, left-major.
  bool NextPairs(const Chunk& left, size_t room, std::vector<uint32_t>* lsel,
                 std::vector<uint32_t>* rsel) override {
    size_t n = left.num_rows(), m = build_->rows.num_rows();
    if (m == 0) return true;
    while (lsel->size() < room && row_ < n) {
      lsel->push_back(static_cast<uint32_t>(row_));
      rsel->push_back(static_cast<uint32_t>(right_row_));
      if (++right_row_ == m) {
        right_row_ = 0;
        ++row_;
      }
    }
    return row_ >= n;
  }

  const NestedLoopJoinNode& node_;
  std::shared_ptr<LoopBuild> build_;
  size_t row_ = 0;
  size_t right_row_ = 0;
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
