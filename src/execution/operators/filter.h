// WHERE / HAVING: keeps the rows where a BOOLEAN predicate is TRUE. Streams in parallel with
// its child.
#pragma once

#include "execution/expression.h"
#include "execution/physical_plan.h"

namespace strata {

class FilterNode : public PlanNode {
 public:
  // Error 1065 when the predicate is not BOOLEAN (numbers are accepted and read as <> 0).
  static Result<PlanPtr> Make(PlanPtr child, ExprPtr predicate);

  std::string name() const override { return "Filter"; }
  std::string details() const override { return predicate_->ToString(); }
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  FilterNode(PlanPtr child, ExprPtr predicate);

 private:
  ExprPtr predicate_;
};

}  // namespace strata
