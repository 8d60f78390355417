// A segment: the list of blocks one insert wrote, with each block's statistics, plus a
// summary of them all. Immutable once written to `_sg/<uuid>_v1.json` (docs/format.md).
//
// Thread-safety: plain values; no synchronisation.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"
#include "table/column_stats.h"
#include "vector/chunk.h"

namespace strata {

struct BlockMeta {
  std::string location;  // key relative to the table prefix: "_b/<uuid>_v1.parquet"
  uint64_t row_count = 0;
  uint64_t file_size = 0;            // bytes of the Parquet file
  uint64_t compressed_bytes = 0;     // sum over columns
  uint64_t uncompressed_bytes = 0;   // sum over columns
  std::vector<ColumnStats> columns;  // one per schema field

  bool operator==(const BlockMeta&) const = default;
};

// Totals over a set of blocks (a segment) or segments (a snapshot).
struct DataSummary {
  uint64_t row_count = 0;
  uint64_t block_count = 0;
  uint64_t file_size = 0;
  uint64_t compressed_bytes = 0;
  uint64_t uncompressed_bytes = 0;
  // One per schema field; byte counts inside are kept as totals too.
  std::vector<ColumnStats> columns;

  bool operator==(const DataSummary&) const = default;

  // Adds a block. REQUIRES: block.columns.size() == columns.size() (or columns empty and
  // nothing added yet).
  void AddBlock(const BlockMeta& block);
  // Adds another summary of the same schema.
  void Merge(const DataSummary& other);
};

struct SegmentInfo {
  int format_version = 1;
  Schema schema;
  std::vector<BlockMeta> blocks;
  DataSummary summary;

  // Builds the summary from the blocks.
  static SegmentInfo FromBlocks(Schema schema, std::vector<BlockMeta> blocks);

  // The JSON document. Error 4000 if a string in it cannot be encoded.
  Result<std::string> Serialize() const;
  // Error 4000 StorageOther describing what is wrong (never crashes on bad input):
  // malformed JSON, missing fields, wrong types, an unsupported format version, or
  // statistics that do not match the schema.
  static Result<SegmentInfo> Parse(std::string_view json);
};

}  // namespace strata
