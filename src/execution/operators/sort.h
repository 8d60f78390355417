// ORDER BY: multi-key sort with ASC/DESC and NULLS FIRST/LAST (see execution/sort_key.h for
// the default NULL placement). Each thread sorts the rows it pulled into a run; the runs are
// merged k-way. The sort is stable within a run.
#pragma once

#include "execution/physical_plan.h"
#include "execution/sort_key.h"

namespace strata {

class SortNode : public PlanNode {
 public:
  // Keys are expressions over the child's columns; the output has the child's columns.
  static Result<PlanPtr> Make(PlanPtr child, std::vector<SortKey> keys);

  std::string name() const override { return "Sort"; }
  std::string details() const override;
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  const std::vector<SortKey>& keys() const { return keys_; }

  SortNode(PlanPtr child, std::vector<SortKey> keys);

 private:
  std::vector<SortKey> keys_;
};

// "a ASC NULLS LAST, b DESC NULLS FIRST"
std::string DescribeSortKeys(const std::vector<SortKey>& keys);

// Sorts rows that several threads collected (one chunk list per thread) and streams them out
// in order; shared by Sort and TopN. Skips the first `offset` rows and stops after `limit`.
class SortedRunsSource : public ChunkSource {
 public:
  // Builds one sorted run per list on its own thread.
  static Result<std::unique_ptr<SortedRunsSource>> Make(const Schema& schema,
                                                        const std::vector<SortKey>& keys,
                                                        std::vector<std::vector<Chunk>> lists,
                                                        const ExecutionContext& ctx,
                                                        uint64_t offset, uint64_t limit);
  Result<std::optional<Chunk>> Next() override;

  struct Run {
    Chunk data;
    std::vector<ColumnPtr> keys;
    std::vector<uint32_t> order;
    size_t pos = 0;
  };

 private:
  SortedRunsSource(const Schema& schema, RowComparator cmp, std::vector<Run> runs, uint64_t offset,
                   uint64_t limit);
  // Index of the run holding the smallest next row, or -1 when all are exhausted.
  int SmallestRun() const;

  const Schema& schema_;
  RowComparator cmp_;
  std::vector<Run> runs_;
  uint64_t skip_;
  uint64_t remaining_;
};

}  // namespace strata
