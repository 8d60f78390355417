// Encodes the rows of one column for one row group as a Parquet column chunk: an optional
// dictionary page followed by data pages (v1), each compressed with the chosen codec.
//
// Internal to src/format/parquet/. Thread-safety: one writer per thread.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "format/parquet/page_codec.h"
#include "format/parquet/parquet_schema.h"
#include "format/parquet/parquet_writer.h"

namespace strata::parquet {

// Rows [offset, offset + length) of a column; a column chunk is a list of these in order.
struct ColumnSegment {
  const Column* column;
  size_t offset;
  size_t length;
};

class ColumnChunkWriter {
 public:
  ColumnChunkWriter(const ColumnLayout& layout, const ParquetWriteOptions& options,
                    PageCodec* codec)
      : layout_(layout), options_(options), codec_(codec) {}

  // Appends the chunk holding the rows of `segments` to `file`; fills `chunk` (offsets are
  // absolute positions in `file`) and `stats` (min/max/null count/sizes of this chunk).
  // REQUIRES: at least one row; columns of the layout's type.
  Status Write(const std::vector<ColumnSegment>& segments, std::string* file,
               pt::ColumnChunk* chunk, ColumnStatistics* stats);

 private:
  const ColumnLayout& layout_;
  const ParquetWriteOptions& options_;
  PageCodec* codec_;
};

}  // namespace strata::parquet
