// Scanning a table. The table layer implements TableSource (which columns, which blocks,
// pruning are its business) and the plan wraps it in a TableScanNode.
//
// MemoryTableSource is a TableSource over chunks already in memory (tests, system tables,
// staged rows).
#pragma once

#include "execution/physical_plan.h"

namespace strata {

class TableSource {
 public:
  virtual ~TableSource() = default;
  virtual const Schema& schema() const = 0;
  // For EXPLAIN, e.g. "default.t".
  virtual std::string name() const = 0;
  // Opens between 1 and max_streams streams that together yield every row exactly once. Each
  // stream is pulled by one thread; different streams concurrently. Streams should call
  // ctx.ReportProgress(rows, bytes) for every chunk read and stop with ctx.CheckCancelled()'s
  // error once the query is cancelled.
  // Thread-safety: Open may be called concurrently by several executions of a plan.
  virtual Result<std::vector<ChunkSourcePtr>> Open(ExecutionContext& ctx,
                                                   size_t max_streams) const = 0;
};

class TableScanNode : public PlanNode {
 public:
  static Result<PlanPtr> Make(std::shared_ptr<const TableSource> source);

  std::string name() const override { return "TableScan"; }
  std::string details() const override { return source_->name(); }
  Result<std::vector<ChunkSourcePtr>> OpenStreams(ExecutionContext& ctx,
                                                  size_t max_streams) const override;

  explicit TableScanNode(std::shared_ptr<const TableSource> source);

 private:
  std::shared_ptr<const TableSource> source_;
};

class MemoryTableSource : public TableSource {
 public:
  MemoryTableSource(std::string name, Schema schema, std::vector<Chunk> chunks);

  const Schema& schema() const override { return schema_; }
  std::string name() const override { return name_; }
  // Streams take the chunks round-robin.
  Result<std::vector<ChunkSourcePtr>> Open(ExecutionContext& ctx,
                                           size_t max_streams) const override;

 private:
  std::string name_;
  Schema schema_;
  std::vector<Chunk> chunks_;
};

}  // namespace strata
