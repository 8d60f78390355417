#include "execution/operators/union_all.h"

#include "execution/expression.h"
#include "execution/operators/projection.h"

namespace strata {

UnionAllNode::UnionAllNode(Schema schema, std::vector<PlanPtr> children)
    : PlanNode(std::move(schema), std::move(children)) {}

Result<PlanPtr> UnionAllNode::Make(std::vector<PlanPtr> children) {
  if (children.empty()) return Error(ErrorCode::Internal, "UNION ALL without inputs");
  Schema schema = children[0]->schema();
  for (size_t k = 1; k < children.size(); ++k) {
    const Schema& s = children[k]->schema();
    if (s.size() != schema.size()) {
      return Error(ErrorCode::SemanticError,
                   "UNION ALL inputs have different numbers of columns: " +
                       std::to_string(schema.size()) + " and " + std::to_string(s.size()));
    }
    for (size_t c = 0; c < s.size(); ++c) {
      Result<DataType> t = CommonSuperType(schema[c].type, s[c].type);
      if (!t.ok()) {
        return Error(ErrorCode::SemanticError, "UNION ALL column " + std::to_string(c + 1) +
                                                   " mixes " + schema[c].type.ToString() + " and " +
                                                   s[c].type.ToString());
      }
      schema[c].type = *t;
      schema[c].nullable |= s[c].nullable;
    }
  }
  // Children whose column types differ from the union's get a casting projection.
  for (PlanPtr& child : children) {
    const Schema& s = child->schema();
    bool same = true;
    for (size_t c = 0; c < s.size(); ++c) same &= s[c].type == schema[c].type;
    if (same) continue;
    std::vector<ExprPtr> exprs;
    std::vector<std::string> names;
    for (size_t c = 0; c < s.size(); ++c) {
      ASSIGN_OR_RETURN(
          ExprPtr e, expr::CastIfNeeded(expr::Column(c, s[c].type, s[c].nullable), schema[c].type));
      exprs.push_back(std::move(e));
      names.push_back(schema[c].name);
    }
    ASSIGN_OR_RETURN(child, ProjectionNode::Make(child, std::move(exprs), std::move(names)));
  }
  return PlanPtr(std::make_shared<UnionAllNode>(std::move(schema), std::move(children)));
}

Result<std::vector<ChunkSourcePtr>> UnionAllNode::OpenStreams(ExecutionContext& ctx,
                                                              size_t max_streams) const {
  std::vector<ChunkSourcePtr> all;
  for (const PlanPtr& child : children()) {
    ASSIGN_OR_RETURN(std::vector<ChunkSourcePtr> streams, child->OpenStreams(ctx, max_streams));
    for (ChunkSourcePtr& s : streams) all.push_back(std::move(s));
  }
  if (all.size() <= max_streams) return all;
  // More streams than threads: deal them out round-robin, each group read one after another.
  std::vector<std::vector<ChunkSourcePtr>> groups(max_streams);
  for (size_t i = 0; i < all.size(); ++i) groups[i % max_streams].push_back(std::move(all[i]));
  std::vector<ChunkSourcePtr> out;
  for (auto& g : groups) out.push_back(ConcatStreams(std::move(g)));
  return out;
}

}  // namespace strata
