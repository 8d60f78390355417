// GROUP BY / aggregate functions / SELECT DISTINCT by hashing.
//
// Each of ctx.threads() threads aggregates its share of the input into its own hash table and
// aggregate states (partial aggregation); the partial results are then merged into one table.
// Keys may be of any type, several, and NULL (all NULLs form one group). Without group keys
// the output is exactly one row, also for empty input (count(*) = 0, sum = NULL).
//
// Output columns: the group keys in order, then one column per aggregate.
#pragma once

#include "execution/aggregate_function.h"
#include "execution/expression.h"
#include "execution/physical_plan.h"

namespace strata {

struct AggregateCall {
  AggregateFunctionPtr function;
  std::vector<ExprPtr> args;  // over the input's columns, of function->arg_types

  // Resolves name(args) (count(*) has no args) and casts the arguments as the function needs.
  static Result<AggregateCall> Make(std::string_view name, std::vector<ExprPtr> args,
                                    bool distinct = false);
  std::string ToString() const;
};

class HashAggregateNode : public PlanNode {
 public:
  // REQUIRES: names.size() == group_by.size() + aggregates.size().
  static Result<PlanPtr> Make(PlanPtr child, std::vector<ExprPtr> group_by,
                              std::vector<AggregateCall> aggregates,
                              std::vector<std::string> names);

  std::string name() const override { return "HashAggregate"; }
  std::string details() const override;
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  const std::vector<ExprPtr>& group_by() const { return group_by_; }
  const std::vector<AggregateCall>& aggregates() const { return aggregates_; }

  HashAggregateNode(PlanPtr child, Schema schema, std::vector<ExprPtr> group_by,
                    std::vector<AggregateCall> aggregates);

 private:
  std::vector<ExprPtr> group_by_;
  std::vector<AggregateCall> aggregates_;
};

// SELECT DISTINCT: an aggregation whose keys are all of the child's columns.
Result<PlanPtr> MakeDistinct(PlanPtr child);

}  // namespace strata
