#include "execution/operators/projection.h"

#include "execution/expression_executor.h"

namespace strata {

namespace {

class ProjectionSource : public ChunkSource {
 public:
  ProjectionSource(ChunkSourcePtr child, const std::vector<ExprPtr>& exprs,
                   const ExecutionContext& ctx)
      : child_(std::move(child)), exprs_(exprs), exec_(ctx.function_context()) {}

  Result<std::optional<Chunk>> Next() override {
    ASSIGN_OR_RETURN(std::optional<Chunk> chunk, child_->Next());
    if (!chunk) return chunk;
    std::vector<ColumnPtr> cols;
    cols.reserve(exprs_.size());
    for (const ExprPtr& e : exprs_) {
      ASSIGN_OR_RETURN(ColumnPtr c, exec_.Evaluate(*e, *chunk));
      cols.push_back(std::move(c));
    }
    return std::optional<Chunk>(Chunk(std::move(cols), chunk->num_rows()));
  }

 private:
  ChunkSourcePtr child_;
  const std::vector<ExprPtr>& exprs_;
  ExpressionExecutor exec_;
};

}  // namespace

ProjectionNode::ProjectionNode(PlanPtr child, Schema schema, std::vector<ExprPtr> exprs)
    : PlanNode(std::move(schema), {std::move(child)}), exprs_(std::move(exprs)) {}

Result<PlanPtr> ProjectionNode::Make(PlanPtr child, std::vector<ExprPtr> exprs,
                                     std::vector<std::string> names) {
  if (exprs.size() != names.size()) {
    return Error(ErrorCode::Internal, "projection needs one name per expression");
  }
  Schema schema;
  for (size_t i = 0; i < exprs.size(); ++i) {
    schema.push_back(Field{names[i], exprs[i]->type, exprs[i]->nullable});
  }
  return PlanPtr(
      std::make_shared<ProjectionNode>(std::move(child), std::move(schema), std::move(exprs)));
}

std::string ProjectionNode::details() const {
  std::string s;
  for (size_t i = 0; i < exprs_.size(); ++i) {
    if (i) s += ", ";
    s += exprs_[i]->ToString() + " AS " + schema()[i].name;
  }
  return s;
}

Result<std::vector<ChunkSourcePtr>> ProjectionNode::OpenStreams(ExecutionContext& ctx,
                                                                size_t max_streams) const {
  ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams,
                   children()[0]->OpenStreams(ctx, max_streams));
  for (ChunkSourcePtr& s : streams) {
    s = std::make_unique<ProjectionSource>(std::move(s), exprs_, ctx);
  }
  return streams;
}

}  // namespace strata
