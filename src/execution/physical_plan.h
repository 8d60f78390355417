// Physical plans: an immutable tree of PlanNodes, and the ChunkSource streams that execute it.
//
// Execution model: pull. Opening a plan node creates ChunkSources — stateful streams that
// yield Chunks on Next() — and a node's streams pull from the streams of its children. A plan
// node itself holds no per-execution state, so one plan can run many times, on many threads.
//
// Parallelism: OpenStreams(ctx, n) may return up to n streams that together produce the
// node's output; each stream is pulled by its own thread. Sources that can split (numbers(),
// tables) and streaming operators above them (filter, projection, the probe side of joins,
// UNION ALL) return several, so scan -> filter -> projection pipelines run on n threads.
// Blocking operators (aggregate, sort, top-n, join build) drain their child's streams on
// ctx.threads() threads with thread-local state and merge it (partial aggregation + merge,
// per-thread sorted runs + k-way merge), then produce a single stream.
//
// Building plans (for a binder): each operator's node class has a static Make() that checks
// types and returns Result<PlanPtr>:
//   NumbersNode::Make(n)                          numbers(n): one BIGINT column `number`
//   ValuesNode::Make(names, rows)                 VALUES (...), (...)
//   TableScanNode::Make(std::shared_ptr<TableSource>)
//   FilterNode::Make(child, predicate)
//   ProjectionNode::Make(child, exprs, names)
//   HashAggregateNode::Make(child, group exprs, aggregates, names)  (+ MakeDistinct(child))
//   SortNode::Make(child, keys) / TopNNode::Make(child, keys, limit, offset)
//   LimitNode::Make(child, limit, offset)
//   HashJoinNode::Make(left, right, type, left keys, right keys, residual)
//   NestedLoopJoinNode::Make(left, right, type, condition)
//   UnionAllNode::Make(children)
// Expressions (execution/expression.h) reference columns of the node's input by index; a
// join's condition sees the left columns followed by the right ones.
//
// Running plans: execution/executor.h.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "common/status.h"
#include "execution/execution_context.h"
#include "vector/chunk.h"

namespace strata {

// A stream of chunks. Next() returns the next non-empty chunk, or std::nullopt when the
// stream is exhausted (and keeps returning std::nullopt). Not thread-safe: one thread pulls a
// stream at a time; different streams may be pulled concurrently.
class ChunkSource {
 public:
  virtual ~ChunkSource() = default;
  virtual Result<std::optional<Chunk>> Next() = 0;
};
using ChunkSourcePtr = std::unique_ptr<ChunkSource>;

class PlanNode;
using PlanPtr = std::shared_ptr<const PlanNode>;

class PlanNode {
 public:
  virtual ~PlanNode() = default;

  const Schema& schema() const { return schema_; }
  const std::vector<PlanPtr>& children() const { return children_; }

  // Short operator name and details, for EXPLAIN-style output.
  virtual std::string name() const = 0;
  virtual std::string details() const { return ""; }
  // The whole subtree, one node per line, children indented.
  std::string ToString(int indent = 0) const;

  // Opens between 1 and max_streams streams that together produce this node's output once.
  // REQUIRES: max_streams >= 1; ctx outlives the streams.
  virtual Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                          size_t max_streams) const = 0;
  // Opens a single stream with the whole output.
  Result<ChunkSourcePtr> Open(ExecutionContext& ctx) const;

 protected:
  PlanNode(Schema schema, std::vector<PlanPtr> children)
      : schema_(std::move(schema)), children_(std::move(children)) {}

 private:
  Schema schema_;
  std::vector<PlanPtr> children_;
};

// A stream that yields the streams' chunks one stream after the other.
ChunkSourcePtr ConcatStreams(std::vector<ChunkSourcePtr> streams);

}  // namespace strata
