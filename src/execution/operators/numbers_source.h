// numbers(N): one non-NULL BIGINT column `number` with 0, 1, ..., N-1, generated in chunks of
// kChunkRows. Splits into any number of streams that claim chunk ranges from a shared counter,
// so every thread of a parallel pipeline generates its own share.
#pragma once

#include "execution/physical_plan.h"

namespace strata {

class NumbersNode : public PlanNode {
 public:
  static Result<PlanPtr> Make(uint64_t count);

  std::string name() const override { return "Numbers"; }
  std::string details() const override { return "count=" + std::to_string(count_); }
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  uint64_t count() const { return count_; }

  explicit NumbersNode(uint64_t count);

 private:
  uint64_t count_;
};

}  // namespace strata
