#include "table/table_scan.h"

#include <algorithm>
#include <future>

#include "table/locations.h"
#include "table/meta_io.h"

namespace strata {

namespace {

// Segments are small and independent: fetch a handful at a time so a table built by many
// small inserts does not pay one round trip per segment in sequence.
constexpr size_t kParallelSegmentReads = 8;

}  // namespace

Result<std::unique_ptr<TableScan>> TableScan::Open(ObjectStorePtr store, const TableInfo& table,
                                                   ScanOptions options) {
  std::unique_ptr<TableScan> scan(new TableScan());
  scan->store_ = std::move(store);
  scan->table_ = table;
  Schema table_schema = TableSchema(table);
  for (size_t c : options.columns) {
    if (c >= table_schema.size()) {
      return Error(ErrorCode::UnknownColumn,
                   TableContext(table) + ": column index " + std::to_string(c) + " out of range");
    }
    scan->output_schema_.push_back(table_schema[c]);
  }
  scan->columns_ = std::move(options.columns);
  ASSIGN_OR_RETURN(scan->snapshot_, ReadCurrentSnapshot(*scan->store_, table));

  const std::vector<std::string>& keys = scan->snapshot_.segments;
  const PruningPredicate& pred = options.predicate;
  ScanPruningStats& pruning = scan->pruning_;
  const TableSnapshot& snap = scan->snapshot_;
  if (!pred.empty() &&
      !pred.MayMatch(snap.schema, snap.statistics.columns, snap.statistics.row_count)) {
    // The table-wide bounds already rule everything out: no segment needs reading.
    pruning.segments_total = pruning.segments_pruned = keys.size();
    pruning.blocks_total = pruning.blocks_pruned = snap.statistics.block_count;
    return scan;
  }
  for (size_t start = 0; start < keys.size(); start += kParallelSegmentReads) {
    size_t end = std::min(keys.size(), start + kParallelSegmentReads);
    std::vector<std::future<Result<SegmentInfo>>> reads;
    for (size_t i = start; i < end; ++i) {
      reads.push_back(std::async(std::launch::async,
                                 [&, i] { return ReadSegment(*scan->store_, table, keys[i]); }));
    }
    std::vector<Result<SegmentInfo>> segments;
    for (auto& r : reads) segments.push_back(r.get());
    for (Result<SegmentInfo>& seg : segments) {
      if (!seg.ok()) return seg.status();
      pruning.segments_total += 1;
      pruning.blocks_total += seg->blocks.size();
      if (!pred.empty() &&
          !pred.MayMatch(seg->schema, seg->summary.columns, seg->summary.row_count)) {
        pruning.segments_pruned += 1;
        pruning.blocks_pruned += seg->blocks.size();
        continue;
      }
      for (BlockMeta& b : seg->blocks) {
        if (!pred.empty() && !pred.MayMatch(seg->schema, b.columns, b.row_count)) {
          pruning.blocks_pruned += 1;
          continue;
        }
        scan->blocks_.push_back(std::move(b));
      }
    }
  }
  return scan;
}

uint64_t TableScan::total_rows() const {
  uint64_t rows = 0;
  for (const BlockMeta& b : blocks_) rows += b.row_count;
  return rows;
}

std::unique_ptr<PartitionReader> TableScan::OpenPartition(size_t i) const {
  std::unique_ptr<PartitionReader> r(new PartitionReader());
  r->store_ = store_;
  r->block_ = blocks_[i];
  r->context_ = TableContext(table_) + ": block `" + blocks_[i].location + "`";
  r->output_schema_ = output_schema_;
  r->counters_ = counters_;
  return r;
}

ScanProgress TableScan::progress() const {
  ScanProgress p;
  p.rows_read = counters_->rows.load();
  p.bytes_read = counters_->bytes.load();
  p.blocks_read = counters_->blocks.load();
  return p;
}

Status PartitionReader::Open() {
  counters_->blocks += 1;
  if (output_schema_.empty()) {
    rows_left_ = block_.row_count;
    return Status::OK();
  }
  ObjectStorePtr store = store_;
  std::string key = block_.location;
  std::string context = context_;
  std::shared_ptr<TableScan::Counters> counters = counters_;
  RangeReader read = [store, key, context, counters](uint64_t offset,
                                                     uint64_t length) -> Result<std::string> {
    Result<std::string> bytes = store->GetRange(key, offset, length);
    if (!bytes.ok()) return bytes.status().WithContext(context);
    counters->bytes += bytes->size();
    return bytes;
  };
  Result<std::unique_ptr<ParquetReader>> reader =
      ParquetReader::Open(context_, block_.file_size, std::move(read));
  if (!reader.ok()) return reader.status();
  reader_ = std::move(*reader);
  if (reader_->num_rows() != block_.row_count) {
    return Error(ErrorCode::ParquetFileInvalid,
                 context_ + ": the file has " + std::to_string(reader_->num_rows()) +
                     " rows, its segment says " + std::to_string(block_.row_count));
  }
  const Schema& file_schema = reader_->schema();
  for (const Field& out : output_schema_) {
    int from = -1;
    for (size_t f = 0; f < file_schema.size(); ++f) {
      if (file_schema[f].name != out.name) continue;
      if (file_schema[f].type != out.type) {
        return Error(ErrorCode::ParquetFileInvalid,
                     context_ + ": column `" + out.name + "` is " + file_schema[f].type.ToString() +
                         " in the file, the table says " + out.type.ToString());
      }
      auto at = std::find(file_columns_.begin(), file_columns_.end(), f);
      from = static_cast<int>(at - file_columns_.begin());
      if (at == file_columns_.end()) file_columns_.push_back(f);
      break;
    }
    output_from_file_.push_back(from);
  }
  return Status::OK();
}

Result<bool> PartitionReader::Next(Chunk* out) {
  if (!opened_) {
    opened_ = true;
    RETURN_IF_ERROR(Open());
  }
  if (output_schema_.empty()) {
    if (rows_left_ == 0) return false;
    size_t n = static_cast<size_t>(std::min<uint64_t>(kChunkRows, rows_left_));
    rows_left_ -= n;
    counters_->rows += n;
    *out = Chunk({}, n);
    return true;
  }
  if (reader_ == nullptr) {
    return Error(ErrorCode::Internal, context_ + ": reading after a failed open");
  }
  while (current_offset_ >= current_.num_rows()) {
    if (row_group_ >= reader_->num_row_groups()) return false;
    size_t rg = row_group_++;
    size_t rows = static_cast<size_t>(reader_->row_group_rows(rg));
    Chunk file_chunk;
    if (!file_columns_.empty()) {
      ASSIGN_OR_RETURN(file_chunk, reader_->ReadRowGroup(rg, file_columns_));
      if (file_chunk.num_columns() != file_columns_.size() || file_chunk.num_rows() != rows) {
        return Error(ErrorCode::ParquetFileInvalid, context_ + ": row group " + std::to_string(rg) +
                                                        " decoded to " +
                                                        std::to_string(file_chunk.num_rows()) +
                                                        " rows, expected " + std::to_string(rows));
      }
    }
    std::vector<ColumnPtr> cols;
    for (size_t i = 0; i < output_schema_.size(); ++i) {
      if (output_from_file_[i] >= 0) {
        cols.push_back(file_chunk.column(static_cast<size_t>(output_from_file_[i])));
        continue;
      }
      ColumnPtr nulls = MakeColumn(output_schema_[i].type);
      nulls->Reserve(rows);
      for (size_t r = 0; r < rows; ++r) nulls->AppendNull();
      cols.push_back(std::move(nulls));
    }
    current_ = Chunk(std::move(cols), rows);
    current_offset_ = 0;
  }
  size_t n = std::min(kChunkRows, current_.num_rows() - current_offset_);
  *out = (current_offset_ == 0 && n == current_.num_rows()) ? current_
                                                            : current_.Slice(current_offset_, n);
  current_offset_ += n;
  counters_->rows += n;
  return true;
}

namespace {

int FindColumn(const Schema& schema, const std::string& name) {
  for (size_t i = 0; i < schema.size(); ++i) {
    if (schema[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

}  // namespace

std::optional<Value> TableStatistics::ExactMin(const std::string& column) const {
  int i = FindColumn(schema, column);
  if (i < 0 || static_cast<size_t>(i) >= columns.size()) return std::nullopt;
  const ColumnStats& s = columns[static_cast<size_t>(i)];
  if (s.null_count >= row_count) return Value::Null(schema[static_cast<size_t>(i)].type);
  if (IsUnknownBound(s.min, s.null_count, row_count)) return std::nullopt;
  if (s.min.type().id == TypeId::String && s.min.GetString().size() >= kMaxStatsStringBytes) {
    return std::nullopt;
  }
  return s.min;
}

std::optional<Value> TableStatistics::ExactMax(const std::string& column) const {
  int i = FindColumn(schema, column);
  if (i < 0 || static_cast<size_t>(i) >= columns.size()) return std::nullopt;
  const ColumnStats& s = columns[static_cast<size_t>(i)];
  if (s.null_count >= row_count) return Value::Null(schema[static_cast<size_t>(i)].type);
  if (IsUnknownBound(s.max, s.null_count, row_count)) return std::nullopt;
  if (s.max.type().id == TypeId::String) return std::nullopt;
  return s.max;
}

Result<TableStatistics> ReadTableStatistics(ObjectStore& store, const TableInfo& table) {
  ASSIGN_OR_RETURN(TableSnapshot snap, ReadCurrentSnapshot(store, table));
  TableStatistics stats;
  stats.schema = std::move(snap.schema);
  stats.row_count = snap.statistics.row_count;
  stats.block_count = snap.statistics.block_count;
  stats.segment_count = snap.segments.size();
  stats.file_size = snap.statistics.file_size;
  stats.compressed_bytes = snap.statistics.compressed_bytes;
  stats.uncompressed_bytes = snap.statistics.uncompressed_bytes;
  stats.columns = std::move(snap.statistics.columns);
  return stats;
}

}  // namespace strata
