#include "execution/operators/values_source.h"

#include "execution/expression_executor.h"

namespace strata {

namespace {

class ValuesSource : public ChunkSource {
 public:
  ValuesSource(const ValuesNode& node, const std::vector<std::vector<ExprPtr>>& rows,
               ExecutionContext& ctx)
      : node_(node), rows_(rows), ctx_(ctx) {}

  Result<std::optional<Chunk>> Next() override {
    RETURN_IF_ERROR(ctx_.CheckCancelled());
    if (next_ >= rows_.size()) return std::optional<Chunk>();
    size_t end = std::min(rows_.size(), next_ + kChunkRows);
    const Schema& schema = node_.schema();
    std::vector<ColumnPtr> cols;
    for (const Field& f : schema) cols.push_back(MakeColumn(f.type));
    FunctionContext fctx = ctx_.function_context();
    for (size_t r = next_; r < end; ++r) {
      for (size_t c = 0; c < cols.size(); ++c) {
        const Expr& e = *rows_[r][c];
        if (e.IsConstant()) {  // nearly always: literals were folded when the plan was built
          cols[c]->AppendValue(e.value);
          continue;
        }
        ASSIGN_OR_RETURN(Value v, EvaluateConstant(e, fctx));
        cols[c]->AppendValue(v);
      }
    }
    size_t n = end - next_;
    next_ = end;
    Chunk chunk(std::move(cols), n);
    ctx_.ReportProgress(n, chunk.ByteSize());
    return std::optional<Chunk>(std::move(chunk));
  }

 private:
  const ValuesNode& node_;
  const std::vector<std::vector<ExprPtr>>& rows_;
  ExecutionContext& ctx_;
  size_t next_ = 0;
};

}  // namespace

ValuesNode::ValuesNode(Schema schema, std::vector<std::vector<ExprPtr>> rows)
    : PlanNode(std::move(schema), {}), rows_(std::move(rows)) {}

Result<PlanPtr> ValuesNode::Make(std::vector<std::string> names,
                                 std::vector<std::vector<ExprPtr>> rows) {
  size_t ncols = names.size();
  Schema schema;
  for (size_t c = 0; c < ncols; ++c) {
    DataType t(TypeId::Null);
    bool nullable = false;
    for (const auto& row : rows) {
      if (row.size() != ncols) {
        return Error(ErrorCode::SemanticError,
                     "VALUES rows must all have " + std::to_string(ncols) + " values");
      }
      Result<DataType> common = CommonSuperType(t, row[c]->type);
      if (!common.ok()) {
        return Error(ErrorCode::SemanticError, "VALUES column " + std::to_string(c + 1) +
                                                   " mixes " + t.ToString() + " and " +
                                                   row[c]->type.ToString());
      }
      t = *common;
      nullable |= row[c]->nullable;
    }
    schema.push_back(Field{names[c], t, nullable});
  }
  for (auto& row : rows) {
    for (size_t c = 0; c < ncols; ++c) {
      ASSIGN_OR_RETURN(row[c], expr::CastIfNeeded(row[c], schema[c].type));
    }
  }
  return PlanPtr(std::make_shared<ValuesNode>(std::move(schema), std::move(rows)));
}

Result<std::vector<ChunkSourcePtr>> ValuesNode::OpenStreams(ExecutionContext& ctx, size_t) const {
  std::vector<ChunkSourcePtr> streams;
  streams.push_back(std::make_unique<ValuesSource>(*this, rows_, ctx));
  return streams;
}

}  // namespace strata
