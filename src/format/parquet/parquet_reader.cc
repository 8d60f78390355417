#include "format/parquet/parquet_reader.h"

#include <algorithm>
#include <cstring>
#include <map>
#include <new>
#include <stdexcept>

#include "format/parquet/column_chunk_reader.h"
#include "format/parquet/page_codec.h"
#include "format/parquet/parquet_schema.h"
#include "format/parquet/thrift_codec.h"

namespace strata {

namespace {

namespace pt = parquet_thrift;
using parquet::ColumnLayout;

// The first read takes this much of the file's end, enough for most footers.
constexpr uint64_t kTailBytes = 64 * 1024;
// Column chunks closer than this are fetched in one read: one request costs about as
// much as transferring this many bytes from object storage.
constexpr uint64_t kCoalesceGapBytes = 1024 * 1024;

struct ChunkRange {
  uint64_t offset = 0;
  uint64_t length = 0;
};

class ParquetFileReader final : public ParquetReader {
 public:
  ParquetFileReader(std::string name, uint64_t file_size, RangeReader read)
      : name_(std::move(name)), file_size_(file_size), read_(std::move(read)) {}

  Status Init(std::string metadata);

  const Schema& schema() const override { return schema_; }
  uint64_t num_rows() const override { return num_rows_; }
  size_t num_row_groups() const override { return meta_.row_groups.size(); }
  uint64_t row_group_rows(size_t row_group) const override {
    return row_group < meta_.row_groups.size()
               ? static_cast<uint64_t>(meta_.row_groups[row_group].num_rows)
               : 0;
  }
  ColumnStatistics row_group_statistics(size_t row_group, size_t column) const override;
  Result<Chunk> ReadRowGroup(size_t row_group, const std::vector<size_t>& columns) override;
  const std::string& FileMetadataBytes() const override { return metadata_; }

  Status Invalid(const std::string& detail) const {
    return Error(ErrorCode::ParquetFileInvalid,
                 "Parquet file '" + name_ + "' is invalid: " + detail);
  }

 private:
  Result<Chunk> ReadRowGroupImpl(size_t row_group, const std::vector<size_t>& columns);

  std::string name_;
  uint64_t file_size_;
  RangeReader read_;
  std::string metadata_;
  pt::FileMetaData meta_;
  Schema schema_;
  std::vector<ColumnLayout> layouts_;
  uint64_t num_rows_ = 0;
  std::vector<std::vector<ChunkRange>> ranges_;  // [row group][column]
  parquet::PageCodec codec_;
};

Status ParquetFileReader::Init(std::string metadata) {
  metadata_ = std::move(metadata);
  size_t consumed = 0;
  std::string error;
  if (!parquet::DeserializeThrift(reinterpret_cast<const uint8_t*>(metadata_.data()),
                                  metadata_.size(), &meta_, &consumed, &error)) {
    return Invalid("bad footer: " + error);
  }
  const auto& elements = meta_.schema;
  if (elements.empty()) return Invalid("empty schema");
  const size_t leaves = elements.size() - 1;
  if (!elements[0].__isset.num_children || elements[0].num_children < 0 ||
      static_cast<size_t>(elements[0].num_children) != leaves) {
    return Invalid("nested schemas are not supported");
  }
  for (size_t i = 1; i < elements.size(); ++i) {
    const pt::SchemaElement& e = elements[i];
    if ((e.__isset.num_children && e.num_children != 0) || !e.__isset.type) {
      return Invalid("nested schemas are not supported (column '" + e.name + "')");
    }
    ColumnLayout layout;
    if (!parquet::LayoutFromSchemaElement(e, &layout, &error)) return Invalid(error);
    schema_.push_back(layout.field);
    layouts_.push_back(std::move(layout));
  }
  // Everything before the footer is where column chunks may live.
  const uint64_t data_end = file_size_ - metadata_.size() - 8;
  uint64_t total_rows = 0;
  for (size_t g = 0; g < meta_.row_groups.size(); ++g) {
    const pt::RowGroup& group = meta_.row_groups[g];
    if (group.num_rows < 0) return Invalid("negative row count");
    if (group.columns.size() != leaves) return Invalid("row group column count mismatch");
    total_rows += static_cast<uint64_t>(group.num_rows);
    std::vector<ChunkRange> ranges;
    for (size_t c = 0; c < leaves; ++c) {
      const pt::ColumnChunk& chunk = group.columns[c];
      if (chunk.__isset.file_path) return Invalid("column chunks in other files");
      if (!chunk.__isset.meta_data) return Invalid("column chunk without metadata");
      const pt::ColumnMetaData& m = chunk.meta_data;
      if (m.type != layouts_[c].physical) return Invalid("column chunk type mismatch");
      if (m.num_values != group.num_rows) {
        return Invalid("column '" + schema_[c].name + "' has " + std::to_string(m.num_values) +
                       " values in a row group of " + std::to_string(group.num_rows) + " rows");
      }
      int64_t start = m.data_page_offset;
      if (m.__isset.dictionary_page_offset && m.dictionary_page_offset > 0 &&
          m.dictionary_page_offset < start) {
        start = m.dictionary_page_offset;
      }
      if (start < 0 || m.total_compressed_size < 0 || static_cast<uint64_t>(start) > data_end ||
          static_cast<uint64_t>(m.total_compressed_size) >
              data_end - static_cast<uint64_t>(start)) {
        return Invalid("column chunk outside the file");
      }
      ranges.push_back(
          {static_cast<uint64_t>(start), static_cast<uint64_t>(m.total_compressed_size)});
    }
    ranges_.push_back(std::move(ranges));
  }
  if (meta_.num_rows < 0 || static_cast<uint64_t>(meta_.num_rows) != total_rows) {
    return Invalid("row count does not match its row groups");
  }
  num_rows_ = total_rows;
  return Status::OK();
}

ColumnStatistics ParquetFileReader::row_group_statistics(size_t row_group, size_t column) const {
  ColumnStatistics stats;
  if (row_group >= meta_.row_groups.size() || column >= layouts_.size()) return stats;
  const ColumnLayout& layout = layouts_[column];
  stats.min = Value::Null(layout.field.type);
  stats.max = Value::Null(layout.field.type);
  const pt::ColumnMetaData& m = meta_.row_groups[row_group].columns[column].meta_data;
  stats.compressed_bytes = static_cast<uint64_t>(m.total_compressed_size);
  stats.uncompressed_bytes =
      m.total_uncompressed_size > 0 ? static_cast<uint64_t>(m.total_uncompressed_size) : 0;
  if (!m.__isset.statistics) return stats;
  const pt::Statistics& s = m.statistics;
  if (s.__isset.null_count && s.null_count >= 0)
    stats.null_count = static_cast<uint64_t>(s.null_count);
  if (s.__isset.min_value && s.__isset.max_value) {
    stats.min = parquet::DecodeStatistic(s.min_value, layout);
    stats.max = parquet::DecodeStatistic(s.max_value, layout);
  } else if (s.__isset.min && s.__isset.max) {
    // Legacy fields were written with signed comparison: only trust them where that is
    // the column's natural order.
    bool signed_order =
        layout.convert == parquet::Convert::kNone && layout.physical != pt::Type::BYTE_ARRAY &&
        layout.physical != pt::Type::FIXED_LEN_BYTE_ARRAY && layout.physical != pt::Type::INT96;
    if (signed_order) {
      stats.min = parquet::DecodeStatistic(s.min, layout);
      stats.max = parquet::DecodeStatistic(s.max, layout);
    }
  }
  if (stats.min.is_null() || stats.max.is_null()) {
    stats.min = Value::Null(layout.field.type);
    stats.max = Value::Null(layout.field.type);
  }
  return stats;
}

Result<Chunk> ParquetFileReader::ReadRowGroup(size_t row_group,
                                              const std::vector<size_t>& columns) {
  try {
    return ReadRowGroupImpl(row_group, columns);
  } catch (const std::bad_alloc&) {
    return Invalid("row group " + std::to_string(row_group) + " needs more memory than exists");
  } catch (const std::length_error&) {
    return Invalid("row group " + std::to_string(row_group) + " needs more memory than exists");
  }
}

Result<Chunk> ParquetFileReader::ReadRowGroupImpl(size_t row_group,
                                                  const std::vector<size_t>& columns) {
  if (row_group >= ranges_.size()) {
    return Error(ErrorCode::BadArguments, "row group " + std::to_string(row_group) +
                                              " out of range in Parquet file '" + name_ + "'");
  }
  for (size_t c : columns) {
    if (c >= layouts_.size()) {
      return Error(ErrorCode::BadArguments,
                   "column " + std::to_string(c) + " out of range in Parquet file '" + name_ + "'");
    }
  }
  const auto& ranges = ranges_[row_group];
  const uint64_t rows = static_cast<uint64_t>(meta_.row_groups[row_group].num_rows);

  // Plan reads: the asked columns' chunks by offset, merged when the gap is small.
  std::vector<size_t> order(columns);
  std::sort(order.begin(), order.end(),
            [&](size_t a, size_t b) { return ranges[a].offset < ranges[b].offset; });
  order.erase(std::unique(order.begin(), order.end()), order.end());
  struct Read {
    uint64_t offset, end;
    std::string bytes;
  };
  std::vector<Read> reads;
  std::vector<size_t> read_of(layouts_.size(), 0);
  for (size_t c : order) {
    const ChunkRange& r = ranges[c];
    if (!reads.empty() && r.offset <= reads.back().end + kCoalesceGapBytes) {
      reads.back().end = std::max(reads.back().end, r.offset + r.length);
    } else {
      reads.push_back({r.offset, r.offset + r.length, {}});
    }
    read_of[c] = reads.size() - 1;
  }
  for (Read& read : reads) {
    if (read.end == read.offset) continue;
    ASSIGN_OR_RETURN(read.bytes, read_(read.offset, read.end - read.offset));
    if (read.bytes.size() != read.end - read.offset) {
      return Invalid("short read of column data (file truncated?)");
    }
  }

  parquet::ColumnChunkReader decoder(&codec_);
  std::map<size_t, ColumnPtr> decoded;
  std::vector<ColumnPtr> out;
  out.reserve(columns.size());
  for (size_t c : columns) {
    auto it = decoded.find(c);
    if (it == decoded.end()) {
      const Read& read = reads[read_of[c]];
      const ChunkRange& r = ranges[c];
      const uint8_t* data =
          reinterpret_cast<const uint8_t*>(read.bytes.data()) + (r.offset - read.offset);
      ColumnPtr column;
      std::string error;
      const auto& m = meta_.row_groups[row_group].columns[c].meta_data;
      if (!decoder.Read(layouts_[c], static_cast<int32_t>(m.codec), data, r.length, rows, &column,
                        &error)) {
        return Invalid("column '" + schema_[c].name + "' of row group " +
                       std::to_string(row_group) + ": " + error);
      }
      it = decoded.emplace(c, std::move(column)).first;
    }
    out.push_back(it->second);
  }
  return Chunk(std::move(out), static_cast<size_t>(rows));
}

std::string Magic(const std::string& bytes, size_t at) { return bytes.substr(at, 4); }

}  // namespace

Result<std::unique_ptr<ParquetReader>> ParquetReader::Open(std::string name, uint64_t file_size,
                                                           RangeReader read) {
  auto invalid = [&](const std::string& detail) {
    return Error(ErrorCode::ParquetFileInvalid,
                 "Parquet file '" + name + "' is invalid: " + detail);
  };
  if (file_size < 12) return invalid("file too small (" + std::to_string(file_size) + " bytes)");
  const uint64_t tail_len = std::min(file_size, kTailBytes);
  ASSIGN_OR_RETURN(std::string tail, read(file_size - tail_len, tail_len));
  if (tail.size() != tail_len) return invalid("short read of the footer");
  std::string magic = Magic(tail, tail.size() - 4);
  if (magic == "PARE") return invalid("encrypted files are not supported");
  if (magic != "PAR1") return invalid("missing PAR1 magic at the end");
  if (tail_len == file_size && Magic(tail, 0) != "PAR1") {
    return invalid("missing PAR1 magic at the start");
  }
  uint32_t footer_len;
  std::memcpy(&footer_len, tail.data() + tail.size() - 8, 4);
  if (footer_len > file_size - 12) return invalid("footer length beyond the file");
  std::string footer;
  if (footer_len + 8 <= tail_len) {
    footer = tail.substr(tail_len - 8 - footer_len, footer_len);
  } else {
    ASSIGN_OR_RETURN(footer, read(file_size - 8 - footer_len, footer_len));
    if (footer.size() != footer_len) return invalid("short read of the footer");
  }
  return OpenWithMetadata(std::move(name), file_size, std::move(footer), std::move(read));
}

Result<std::unique_ptr<ParquetReader>> ParquetReader::OpenWithMetadata(std::string name,
                                                                       uint64_t file_size,
                                                                       std::string metadata,
                                                                       RangeReader read) {
  if (file_size < 12 || metadata.size() > file_size - 12) {
    return Error(ErrorCode::ParquetFileInvalid,
                 "Parquet file '" + name + "' is invalid: footer larger than the file");
  }
  auto reader = std::make_unique<ParquetFileReader>(std::move(name), file_size, std::move(read));
  RETURN_IF_ERROR(reader->Init(std::move(metadata)));
  return std::unique_ptr<ParquetReader>(std::move(reader));
}

}  // namespace strata
