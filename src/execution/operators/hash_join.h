// Hash join on equality keys, INNER or LEFT, with an optional residual condition over the
// joined row (e.g. ON a.k = b.k AND a.x < b.y).
//
// The right input is the build side: it is collected once per execution (on ctx.threads()
// threads) into a hash table from key to a chain of rows. The left input is probed as it
// streams, in parallel when the left side can split. NULL keys never match. A LEFT join emits
// each left row without a passing match once, with NULL right columns.
#pragma once

#include "execution/expression.h"
#include "execution/operators/join_batch.h"
#include "execution/physical_plan.h"

namespace strata {

class HashJoinNode : public PlanNode {
 public:
  // left_keys over the left columns, right_keys over the right columns, pairwise cast to
  // their common type; residual (may be nullptr) over left columns followed by right columns.
  static Result<PlanPtr> Make(PlanPtr left, PlanPtr right, JoinType type,
                              std::vector<ExprPtr> left_keys, std::vector<ExprPtr> right_keys,
                              ExprPtr residual = nullptr);

  std::string name() const override { return "HashJoin"; }
  std::string details() const override;
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  JoinType type() const { return type_; }
  const std::vector<ExprPtr>& left_keys() const { return left_keys_; }
  const std::vector<ExprPtr>& right_keys() const { return right_keys_; }
  const ExprPtr& residual() const { return residual_; }

  HashJoinNode(PlanPtr left, PlanPtr right, JoinType type, std::vector<ExprPtr> left_keys,
               std::vector<ExprPtr> right_keys, ExprPtr residual);

 private:
  JoinType type_;
  std::vector<ExprPtr> left_keys_;
  std::vector<ExprPtr> right_keys_;
  ExprPtr residual_;
};

}  // namespace strata
