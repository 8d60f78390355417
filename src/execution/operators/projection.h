// SELECT list: computes one output column per expression over each input chunk. Streams in
// parallel with its child.
#pragma once

#include "execution/expression.h"
#include "execution/physical_plan.h"

namespace strata {

class ProjectionNode : public PlanNode {
 public:
  // REQUIRES: exprs.size() == names.size().
  static Result<PlanPtr> Make(PlanPtr child, std::vector<ExprPtr> exprs,
                              std::vector<std::string> names);

  std::string name() const override { return "Projection"; }
  std::string details() const override;
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  ProjectionNode(PlanPtr child, Schema schema, std::vector<ExprPtr> exprs);

 private:
  std::vector<ExprPtr> exprs_;
};

}  // namespace strata
