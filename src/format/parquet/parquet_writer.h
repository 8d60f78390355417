// Writes Chunks as one Parquet file (format 2.x, readable by DuckDB, Arrow, chDB).
//
// Layout choices: one or more row groups of at most `row_group_rows` rows; one data page
// v1 per column chunk page of at most `page_bytes`; dictionary encoding for a column
// chunk while its dictionary stays small, else PLAIN; definition levels (RLE/bit-packed
// hybrid) for nullable columns. Column statistics (min/max/null count) are written into
// the file's column chunk metadata and returned to the caller for segment metadata.
//
// Logical type mapping: Boolean->BOOLEAN; Int8/Int16->INT32 with INT(8|16,signed);
// Int32->INT32; Int64->INT64; Float32->FLOAT; Float64->DOUBLE; Decimal(p<=9)->INT32,
// Decimal(p<=18)->INT64, Decimal(p>18)->FIXED_LEN_BYTE_ARRAY(16) all with DECIMAL(p,s);
// String->BYTE_ARRAY STRING; Date->INT32 DATE; Timestamp->INT64 TIMESTAMP(MICROS, UTC).
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "types/value.h"
#include "vector/chunk.h"

namespace strata {

enum class ParquetCompression { kUncompressed, kSnappy, kZstd, kLz4Raw };

struct ParquetWriteOptions {
  ParquetCompression compression = ParquetCompression::kZstd;
  int zstd_level = 3;
  size_t row_group_rows = 1 << 20;
  size_t page_bytes = 1 << 20;
  bool dictionary = true;
};

struct ColumnStatistics {
  Value min;  // NULL when every value is NULL or there are no rows
  Value max;
  uint64_t null_count = 0;
  uint64_t compressed_bytes = 0;  // bytes of this column's chunks in the file
  uint64_t uncompressed_bytes = 0;
};

struct ParquetWriteResult {
  std::string file;  // the whole Parquet file
  uint64_t num_rows = 0;
  std::vector<ColumnStatistics> columns;  // one per schema field
};

// REQUIRES: every chunk has schema.size() columns whose types equal the fields' types.
// A non-nullable field must not contain NULLs (Internal error otherwise).
Result<ParquetWriteResult> WriteParquet(const Schema& schema, const std::vector<Chunk>& chunks,
                                        const ParquetWriteOptions& options = {});

}  // namespace strata
