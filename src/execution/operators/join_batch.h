// Pieces shared by the join operators: the join types, collecting the build side, and
// the probe loop that turns candidate (left row, right row) pairs into output chunks. A join's
// output is the left columns followed by the right columns; its condition is evaluated over that
// combined row.
#pragma once

#include <deque>
#include <functional>
#include <mutex>
#include <optional>
#include <vector>

#include "execution/execution_context.h"
#include "execution/expression_executor.h"
#include "execution/physical_plan.h"
#include "vector/chunk.h"

namespace strata {

enum class JoinType { kInner, kLeft, kCross };

const char* JoinTypeName(JoinType type);

// The output schema: left fields, then right fields (nullable for LEFT joins).
Schema JoinSchema(const Schema& left, const Schema& right, JoinType type);

// Rows (left[lsel[k]], right[rsel[k]]) that satisfy `condition` (nullptr = all). Sets
// (*matched)[lsel[k]] for every pair kept when `matched` is not null.
Result<Chunk> JoinPairs(const Chunk& left, const Chunk& right, const std::vector<uint32_t>& lsel,
                        const std::vector<uint32_t>& rsel, const Expr* condition,
                        const ExpressionExecutor& exec, std::vector<uint8_t>* matched);

// LEFT join rows of `left` with no match: the left values and NULL for every right column.
// Returns an empty chunk when every row matched.
Chunk UnmatchedLeftRows(const Chunk& left, const std::vector<uint8_t>& matched,
                        const Schema& right_schema);

// The whole build side of a join, collected once per execution by whichever probe stream
// needs it first (the others wait), using ctx.threads() threads.
class SharedBuild {
 public:
  // Runs `build` exactly once; every caller gets its status.
  Status Ensure(const std::function<Status()>& build);

 private:
  std::mutex mu_;
  bool done_ = false;
  Status status_;
};

// Every row `right` produces, read on ctx.threads() streams, as one chunk.
Result<Chunk> CollectBuildRows(const PlanNode& right, ExecutionContext& ctx);

// One probe stream of a join: pulls left chunks, has the join propose candidate
// (left row, right row) pairs a batch at a time, keeps the pairs that meet the condition
// and, for a LEFT join, ends each left chunk with its unmatched rows. A join supplies only
// its build side and how it finds candidates.
class JoinProbeSource : public ChunkSource {
 public:
  Result<std::optional<Chunk>> Next() final;

 protected:
  // `condition` (may be null) and `right_schema` must outlive the source.
  JoinProbeSource(ChunkSourcePtr left, JoinType type, const Expr* condition,
                  const Schema& right_schema, ExecutionContext& ctx);

  // The build side's rows, built on first use (SharedBuild).
  virtual Result<const Chunk*> BuildRows() = 0;
  // A new left chunk begins.
  virtual Status StartChunk(const Chunk& left) = 0;
  // Appends at most `room` candidate pairs of `left`, continuing where the previous call
  // stopped; returns true once `left` has no more.
  virtual bool NextPairs(const Chunk& left, size_t room, std::vector<uint32_t>* lsel,
                         std::vector<uint32_t>* rsel) = 0;

  ExecutionContext& ctx_;
  ExpressionExecutor exec_;

 private:
  ChunkSourcePtr left_;
  const JoinType type_;
  const Expr* const condition_;
  const Schema& right_schema_;
  std::optional<Chunk> current_;
  std::vector<uint8_t> matched_;
  std::vector<uint32_t> lsel_, rsel_;
  std::deque<Chunk> ready_;
};

}  // namespace strata
