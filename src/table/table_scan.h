// TableScan: reading a table. Opening a scan reads the current snapshot and its segments,
// prunes segments and blocks whose statistics rule out the caller's PruningPredicate,
// and exposes what is left as partitions (one per block) that the engine reads on as
// many threads as it likes. Only the projected columns are fetched, by byte range, with
// the block's size taken from the segment (no Stat request).
//
// Thread-safety: after Open, every TableScan method is safe from many threads; a
// PartitionReader is used by one thread at a time and may outlive its TableScan.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "catalog/metastore.h"
#include "common/status.h"
#include "format/parquet/parquet_reader.h"
#include "storage/object_store.h"
#include "table/pruning_predicate.h"
#include "table/segment.h"
#include "table/snapshot.h"
#include "vector/chunk.h"

namespace strata {

struct ScanOptions {
  // Indexes into the table's columns (TableInfo::columns), in output order. May be empty:
  // the scan then yields chunks with no columns, only row counts, and reads no block.
  std::vector<size_t> columns;
  PruningPredicate predicate;
};

// What pruning did, for EXPLAIN and tests.
struct ScanPruningStats {
  uint64_t segments_total = 0;
  uint64_t segments_pruned = 0;
  uint64_t blocks_total = 0;
  uint64_t blocks_pruned = 0;  // including the blocks of pruned segments
};

// Progress so far, summed over every partition reader of the scan.
struct ScanProgress {
  uint64_t rows_read = 0;
  uint64_t bytes_read = 0;  // bytes fetched from storage
  uint64_t blocks_read = 0;
};

class PartitionReader;

class TableScan {
 public:
  // `store` is rooted at the table's prefix (TableStorageParams). Reads the snapshot and
  // every segment. Errors name the table and the key; a column index out of range is
  // 1058 UnknownColumn.
  static Result<std::unique_ptr<TableScan>> Open(ObjectStorePtr store, const TableInfo& table,
                                                 ScanOptions options);

  // The projected columns (names, types, nullability) in output order.
  const Schema& output_schema() const { return output_schema_; }
  const TableSnapshot& snapshot() const { return snapshot_; }
  const ScanPruningStats& pruning_stats() const { return pruning_; }

  size_t num_partitions() const { return blocks_.size(); }
  // The block behind partition i. REQUIRES: i < num_partitions().
  const BlockMeta& partition(size_t i) const { return blocks_[i]; }
  // Rows in the partitions that survived pruning.
  uint64_t total_rows() const;

  // REQUIRES: i < num_partitions(). Opening does no I/O; the first Next() does.
  std::unique_ptr<PartitionReader> OpenPartition(size_t i) const;

  ScanProgress progress() const;

 private:
  struct Counters {
    std::atomic<uint64_t> rows{0};
    std::atomic<uint64_t> bytes{0};
    std::atomic<uint64_t> blocks{0};
  };
  friend class PartitionReader;

  TableScan() = default;

  ObjectStorePtr store_;
  TableInfo table_;
  Schema output_schema_;
  std::vector<size_t> columns_;
  TableSnapshot snapshot_;
  std::vector<BlockMeta> blocks_;
  ScanPruningStats pruning_;
  std::shared_ptr<Counters> counters_ = std::make_shared<Counters>();
};

// Reads one partition as Chunks of at most kChunkRows rows of the projected columns.
// A column the block's file lacks (added to the table after the block was written) reads
// as NULL. Errors name the table and the block; a block whose file is damaged is 1201.
class PartitionReader {
 public:
  // Sets *out to the next chunk and returns true, or returns false at the end.
  Result<bool> Next(Chunk* out);

 private:
  friend class TableScan;
  PartitionReader() = default;
  Status Open();

  ObjectStorePtr store_;
  std::string context_;  // "table `db`.`t`: block `_b/…`"
  BlockMeta block_;
  Schema output_schema_;
  std::shared_ptr<TableScan::Counters> counters_;

  std::unique_ptr<ParquetReader> reader_;
  std::vector<size_t> file_columns_;   // columns to ask the file for
  std::vector<int> output_from_file_;  // per output column: index into file_columns_, or -1
  size_t row_group_ = 0;
  Chunk current_;  // the row group being sliced
  size_t current_offset_ = 0;
  uint64_t rows_left_ = 0;  // column-less scans: rows still to emit
  bool opened_ = false;
};

// Statistics of the table's current snapshot, read without touching a block.
struct TableStatistics {
  Schema schema;  // the snapshot's
  uint64_t row_count = 0;
  uint64_t block_count = 0;
  uint64_t segment_count = 0;
  uint64_t file_size = 0;
  uint64_t compressed_bytes = 0;
  uint64_t uncompressed_bytes = 0;
  std::vector<ColumnStats> columns;  // one per schema field

  // The exact MIN()/MAX() of a column when the statistics know it: a NULL Value when
  // every row is NULL or there are none; std::nullopt when only a scan can tell
  // (unknown bounds, NaN, strings whose bounds may have been shortened: a string MIN
  // shorter than kMaxStatsStringBytes is exact; a string MAX never is).
  std::optional<Value> ExactMin(const std::string& column) const;
  std::optional<Value> ExactMax(const std::string& column) const;
};

Result<TableStatistics> ReadTableStatistics(ObjectStore& store, const TableInfo& table);

}  // namespace strata
