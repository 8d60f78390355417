// Nested-loop join: CROSS joins and joins whose condition has no equality to hash on (INNER or
// LEFT with any condition). The right side is collected once per execution; every left row is
// paired with every right row and the condition decides. Probing runs in parallel when the
// left side can split.
#pragma once

#include "execution/expression.h"
#include "execution/operators/join_batch.h"
#include "execution/physical_plan.h"

namespace strata {

class NestedLoopJoinNode : public PlanNode {
 public:
  // condition (nullptr = always true) sees the left columns followed by the right ones; CROSS
  // takes no condition.
  static Result<PlanPtr> Make(PlanPtr left, PlanPtr right, JoinType type,
                              ExprPtr condition = nullptr);

  std::string name() const override { return "NestedLoopJoin"; }
  std::string details() const override;
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  JoinType type() const { return type_; }
  const ExprPtr& condition() const { return condition_; }

  NestedLoopJoinNode(PlanPtr left, PlanPtr right, JoinType type, ExprPtr condition);

 private:
  JoinType type_;
  ExprPtr condition_;
};

}  // namespace strata
