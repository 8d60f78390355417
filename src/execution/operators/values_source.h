// VALUES (e11, e12, ...), (e21, e22, ...): rows of column-free expressions. Each column's type
// is the common super type of its values (NULLs adopt it); values are cast to it. Expressions
// are evaluated when the plan is opened, so now() sees the query's start time.
#pragma once

#include "execution/expression.h"
#include "execution/physical_plan.h"

namespace strata {

class ValuesNode : public PlanNode {
 public:
  // REQUIRES: every row has names.size() expressions without column references.
  static Result<PlanPtr> Make(std::vector<std::string> names,
                              std::vector<std::vector<ExprPtr>> rows);

  std::string name() const override { return "Values"; }
  std::string details() const override { return "rows=" + std::to_string(rows_.size()); }
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  ValuesNode(Schema schema, std::vector<std::vector<ExprPtr>> rows);

 private:
  std::vector<std::vector<ExprPtr>> rows_;
};

}  // namespace strata
