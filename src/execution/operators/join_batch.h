// Pieces shared by the join operators: the join types, and turning candidate (left row,
// right row) pairs into output chunks. A join's output is the left columns followed by the
// right columns; its condition is evaluated over that combined row.
#pragma once

#include <functional>
#include <mutex>
#include <vector>

#include "execution/expression_executor.h"
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

}  // namespace strata
