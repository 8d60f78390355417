// TableWriter: the insert path. Buffers Chunks into blocks, writes each block as a Parquet
// object while more rows arrive, writes one segment listing them, and commits a new
// snapshot with the metastore's compare-and-swap (docs/format.md, "Commit protocol").
//
// Nothing is visible until Commit() succeeds, and nothing published is ever overwritten:
// a lost race rebuilds only the small snapshot on top of the winner's and retries
// (bounded, with jittered backoff); the blocks and the segment are reused. Objects of an
// insert that fails are never referenced; the writer deletes them best-effort.
//
// Thread-safety: a TableWriter is used by one thread at a time (it runs its own block
// writes in the background). Many writers may commit to one table at once, from any
// number of threads or processes sharing the metastore.
#pragma once

#include <cstdint>
#include <future>
#include <memory>
#include <string>
#include <vector>

#include "catalog/metastore.h"
#include "common/status.h"
#include "format/parquet/parquet_writer.h"
#include "storage/object_store.h"
#include "table/segment.h"
#include "vector/chunk.h"

namespace strata {

struct TableWriteOptions {
  // A block is cut when it reaches either limit (tests set block_rows tiny to get many).
  size_t block_rows = 1'000'000;
  size_t block_bytes = size_t{100} << 20;  // uncompressed, as Chunk::ByteSize() counts
  // Blocks being encoded and uploaded while the next one accumulates.
  size_t parallel_block_writes = 2;
  // Commit attempts before giving up with 2011 OCCRetryFailure.
  int max_commit_attempts = 10;
  int retry_base_delay_ms = 5;
  int retry_max_delay_ms = 1000;
  // Replace the table's data instead of adding to it (INSERT OVERWRITE, CREATE OR
  // REPLACE … AS SELECT, TRUNCATE): the new snapshot holds only this insert's segment.
  bool overwrite = false;
  ParquetWriteOptions parquet;
};

struct TableWriteStats {
  uint64_t rows = 0;
  uint64_t blocks = 0;
  uint64_t bytes = 0;  // Parquet bytes uploaded
  int commit_attempts = 0;
};

class TableWriter {
 public:
  // `table` is the table as read from the metastore when the statement started (its
  // version is the first compare-and-swap's expectation). `store` is rooted at the
  // table's prefix (TableStorageParams).
  TableWriter(MetastorePtr metastore, ObjectStorePtr store, TableInfo table,
              TableWriteOptions options = {});
  // Aborts if neither Commit() nor Abort() was called.
  ~TableWriter();
  TableWriter(const TableWriter&) = delete;
  TableWriter& operator=(const TableWriter&) = delete;

  // REQUIRES: the chunk has the table's columns, in order, with the table's types
  // (the caller casts); violations are error 1001, NOT NULL violations are the caller's
  // to report before this point. After any error the writer is failed: every later call
  // returns the first error.
  Status Append(const Chunk& chunk);

  // Writes the remaining rows, the segment and the snapshot, and commits. Returns the
  // table as committed (its new version and snapshot). An insert of zero rows commits
  // nothing and returns the table unchanged, unless options.overwrite is set (then the
  // table is emptied). Errors: storage errors with the table's name; 1025 if the table
  // was dropped meanwhile; 2011 after max_commit_attempts lost races.
  Result<TableInfo> Commit();

  // Stops, waits for background writes, and deletes what was written. Idempotent.
  void Abort();

  const TableWriteStats& stats() const { return stats_; }

 private:
  Status CutBlock(std::vector<Chunk> chunks);
  Status CollectFinishedBlocks(bool wait_all);
  Result<TableInfo> CommitLoop(const std::string& segment_key, const SegmentInfo* segment);
  Status Fail(Status s);
  void DeleteWritten();

  MetastorePtr metastore_;
  ObjectStorePtr store_;
  TableInfo table_;
  Schema schema_;
  TableWriteOptions options_;

  std::vector<Chunk> pending_;
  size_t pending_rows_ = 0;
  size_t pending_bytes_ = 0;

  std::vector<std::future<Result<BlockMeta>>> in_flight_;
  std::vector<BlockMeta> blocks_;
  std::vector<std::string> written_keys_;  // every object this insert created
  Status failed_;
  bool finished_ = false;
  TableWriteStats stats_;
};

// Empties the table: commits a snapshot with no segments (same compare-and-swap and
// retries as an insert). The old objects stay for a later vacuum. `store` is rooted at
// the table's prefix.
Result<TableInfo> TruncateTable(MetastorePtr metastore, ObjectStorePtr store, TableInfo table,
                                TableWriteOptions options = {});

}  // namespace strata
