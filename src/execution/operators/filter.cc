#include "execution/operators/filter.h"

#include "execution/expression_executor.h"

namespace strata {

namespace {

class FilterSource : public ChunkSource {
 public:
  FilterSource(ChunkSourcePtr child, const Expr& predicate, const ExecutionContext& ctx)
      : child_(std::move(child)), predicate_(predicate), exec_(ctx.function_context()) {}

  Result<std::optional<Chunk>> Next() override {
    while (true) {
      ASSIGN_OR_RETURN(std::optional<Chunk> chunk, child_->Next());
      if (!chunk) return chunk;
      RETURN_IF_ERROR(exec_.Select(predicate_, *chunk, &sel_));
      if (sel_.empty()) continue;
      if (sel_.size() == chunk->num_rows()) return chunk;
      return std::optional<Chunk>(chunk->Gather(sel_.data(), sel_.size()));
    }
  }

 private:
  ChunkSourcePtr child_;
  const Expr& predicate_;
  ExpressionExecutor exec_;
  std::vector<uint32_t> sel_;
};

}  // namespace

FilterNode::FilterNode(PlanPtr child, ExprPtr predicate)
    : PlanNode(child->schema(), {child}), predicate_(std::move(predicate)) {}

Result<PlanPtr> FilterNode::Make(PlanPtr child, ExprPtr predicate) {
  if (predicate->type.id != TypeId::Boolean && predicate->type.id != TypeId::Null) {
    if (!predicate->type.IsNumeric()) {
      return Error(ErrorCode::SemanticError,
                   "filter predicate must be BOOLEAN, got " + predicate->type.ToString());
    }
    ASSIGN_OR_RETURN(predicate, expr::Cast(predicate, DataType(TypeId::Boolean)));
  }
  return PlanPtr(std::make_shared<FilterNode>(std::move(child), std::move(predicate)));
}

Result<std::vector<ChunkSourcePtr>> FilterNode::OpenStreams(ExecutionContext& ctx,
                                                            size_t max_streams) const {
  ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams,
                   children()[0]->OpenStreams(ctx, max_streams));
  for (ChunkSourcePtr& s : streams)
    s = std::make_unique<FilterSource>(std::move(s), *predicate_, ctx);
  return streams;
}

}  // namespace strata
