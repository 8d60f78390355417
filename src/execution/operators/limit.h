// LIMIT n OFFSET m: passes rows m .. m+n-1 of its child and stops pulling (and releases the
// child) as soon as it has them, so upstream work ends early.
#pragma once

#include <optional>

#include "execution/physical_plan.h"

namespace strata {

class LimitNode : public PlanNode {
 public:
  // No limit (std::nullopt) with an offset is OFFSET alone.
  static Result<PlanPtr> Make(PlanPtr child, std::optional<uint64_t> limit, uint64_t offset = 0);

  std::string name() const override { return "Limit"; }
  std::string details() const override;
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  LimitNode(PlanPtr child, std::optional<uint64_t> limit, uint64_t offset);

 private:
  std::optional<uint64_t> limit_;
  uint64_t offset_;
};

}  // namespace strata
