// ORDER BY ... LIMIT n [OFFSET m] fused: each thread keeps only its best n + m rows (sorting
// and truncating its buffer whenever it grows past a few chunks), then the survivors of all
// threads are sorted once more.
#pragma once

#include "execution/physical_plan.h"
#include "execution/sort_key.h"

namespace strata {

class TopNNode : public PlanNode {
 public:
  static Result<PlanPtr> Make(PlanPtr child, std::vector<SortKey> keys, uint64_t limit,
                              uint64_t offset = 0);

  std::string name() const override { return "TopN"; }
  std::string details() const override;
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  const std::vector<SortKey>& keys() const { return keys_; }
  uint64_t limit() const { return limit_; }
  uint64_t offset() const { return offset_; }

  TopNNode(PlanPtr child, std::vector<SortKey> keys, uint64_t limit, uint64_t offset);

 private:
  std::vector<SortKey> keys_;
  uint64_t limit_;
  uint64_t offset_;
};

}  // namespace strata
