#include "format/parquet/parquet_writer.h"

#include <algorithm>
#include <cstring>

#include "format/parquet/column_chunk_writer.h"
#include "format/parquet/page_codec.h"
#include "format/parquet/parquet_schema.h"
#include "format/parquet/thrift_codec.h"

namespace strata {

namespace {

constexpr char kMagic[] = "PAR1";

void MergeStatistics(const ColumnStatistics& chunk, ColumnStatistics* total) {
  total->null_count += chunk.null_count;
  total->compressed_bytes += chunk.compressed_bytes;
  total->uncompressed_bytes += chunk.uncompressed_bytes;
  if (chunk.min.is_null()) return;
  if (total->min.is_null() || chunk.min.Compare(total->min) < 0) total->min = chunk.min;
  if (total->max.is_null() || chunk.max.Compare(total->max) > 0) total->max = chunk.max;
}

Status CheckChunks(const Schema& schema, const std::vector<Chunk>& chunks) {
  for (const Chunk& chunk : chunks) {
    if (chunk.num_columns() != schema.size()) {
      return Error(ErrorCode::Internal,
                   "WriteParquet: chunk has " + std::to_string(chunk.num_columns()) +
                       " columns, schema has " + std::to_string(schema.size()));
    }
    for (size_t c = 0; c < schema.size(); ++c) {
      const ColumnPtr& col = chunk.column(c);
      if (col == nullptr || col->type() != schema[c].type || col->size() < chunk.num_rows()) {
        return Error(ErrorCode::Internal, "WriteParquet: column '" + schema[c].name +
                                              "' does not match its field type or row count");
      }
    }
  }
  return Status::OK();
}

}  // namespace

Result<ParquetWriteResult> WriteParquet(const Schema& schema, const std::vector<Chunk>& chunks,
                                        const ParquetWriteOptions& options) {
  namespace pt = parquet_thrift;
  RETURN_IF_ERROR(CheckChunks(schema, chunks));
  std::vector<parquet::ColumnLayout> layouts;
  layouts.reserve(schema.size());
  for (const Field& field : schema) layouts.push_back(parquet::LayoutForField(field));

  ParquetWriteResult result;
  result.columns.resize(schema.size());
  for (size_t c = 0; c < schema.size(); ++c) {
    result.columns[c].min = Value::Null(schema[c].type);
    result.columns[c].max = Value::Null(schema[c].type);
  }
  std::string& file = result.file;
  file.append(kMagic, 4);

  parquet::PageCodec codec;
  std::vector<pt::RowGroup> row_groups;
  const size_t group_rows = std::max<size_t>(1, options.row_group_rows);
  size_t chunk_index = 0, chunk_offset = 0;
  std::vector<std::vector<parquet::ColumnSegment>> segments(schema.size());
  while (chunk_index < chunks.size()) {
    size_t rows = 0;
    for (auto& s : segments) s.clear();
    while (rows < group_rows && chunk_index < chunks.size()) {
      const Chunk& chunk = chunks[chunk_index];
      size_t take = std::min(chunk.num_rows() - chunk_offset, group_rows - rows);
      if (take > 0) {
        for (size_t c = 0; c < schema.size(); ++c) {
          segments[c].push_back({chunk.column(c).get(), chunk_offset, take});
        }
      }
      rows += take;
      chunk_offset += take;
      if (chunk_offset == chunk.num_rows()) {
        ++chunk_index;
        chunk_offset = 0;
      }
    }
    if (rows == 0) break;

    pt::RowGroup group;
    group.__set_num_rows(static_cast<int64_t>(rows));
    group.__set_file_offset(static_cast<int64_t>(file.size()));
    int64_t uncompressed = 0, compressed = 0;
    std::vector<pt::ColumnChunk> columns(schema.size());
    for (size_t c = 0; c < schema.size(); ++c) {
      parquet::ColumnChunkWriter writer(layouts[c], options, &codec);
      ColumnStatistics stats;
      RETURN_IF_ERROR(writer.Write(segments[c], &file, &columns[c], &stats));
      uncompressed += static_cast<int64_t>(stats.uncompressed_bytes);
      compressed += static_cast<int64_t>(stats.compressed_bytes);
      MergeStatistics(stats, &result.columns[c]);
    }
    group.__set_columns(columns);
    group.__set_total_byte_size(uncompressed);
    group.__set_total_compressed_size(compressed);
    group.__set_ordinal(static_cast<int16_t>(std::min<size_t>(row_groups.size(), 32767)));
    row_groups.push_back(std::move(group));
    result.num_rows += rows;
  }

  pt::FileMetaData meta;
  meta.__set_version(2);
  std::vector<pt::SchemaElement> elements;
  pt::SchemaElement root;
  root.__set_name("schema");
  root.__set_num_children(static_cast<int32_t>(schema.size()));
  elements.push_back(root);
  for (const parquet::ColumnLayout& layout : layouts) {
    elements.push_back(parquet::ToSchemaElement(layout));
  }
  meta.__set_schema(elements);
  meta.__set_num_rows(static_cast<int64_t>(result.num_rows));
  meta.__set_row_groups(row_groups);
  meta.__set_created_by("strata version 0.1.0");
  pt::ColumnOrder order;
  order.__set_TYPE_ORDER(pt::TypeDefinedOrder());
  meta.__set_column_orders(std::vector<pt::ColumnOrder>(schema.size(), order));

  size_t footer_start = file.size();
  parquet::SerializeThrift(meta, &file);
  uint32_t footer_len = static_cast<uint32_t>(file.size() - footer_start);
  char len_bytes[4];
  std::memcpy(len_bytes, &footer_len, 4);
  file.append(len_bytes, 4);
  file.append(kMagic, 4);
  return result;
}

}  // namespace strata
