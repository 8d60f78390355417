// UNION ALL: the rows of every child, in no particular order. Children must have the same
// number of columns; each column takes the common super type of the children's columns
// (children are wrapped in casting projections where needed) and the first child's names.
// The children's streams run in parallel.
#pragma once

#include "execution/physical_plan.h"

namespace strata {

class UnionAllNode : public PlanNode {
 public:
  static Result<PlanPtr> Make(std::vector<PlanPtr> children);

  std::string name() const override { return "UnionAll"; }
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  UnionAllNode(Schema schema, std::vector<PlanPtr> children);
};

}  // namespace strata
