#include "table/table_writer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <thread>

#include "table/locations.h"
#include "table/meta_io.h"
#include "table/uuid.h"

namespace strata {

namespace {

bool HasNaN(const Column& col, size_t rows) {
  for (size_t r = 0; r < rows; ++r) {
    if (col.IsNull(r)) continue;
    double v =
        col.type().id == TypeId::Float32 ? double{col.Data<float>()[r]} : col.Data<double>()[r];
    if (std::isnan(v)) return true;
  }
  return false;
}

// The statistics the segment keeps for one column of a block.
ColumnStats BlockColumnStats(const Field& field, const ColumnStatistics& in, bool has_nan) {
  ColumnStats s;
  s.min = in.min;
  s.max = in.max;
  // A bound of another type than the column's would be misread; treat it as unknown.
  if (!s.min.is_null() && s.min.type() != field.type) s.min = Value::Null(field.type);
  if (!s.max.is_null() && s.max.type() != field.type) s.max = Value::Null(field.type);
  if (s.min.is_null()) s.min = Value::Null(field.type);
  if (s.max.is_null()) s.max = Value::Null(field.type);
  // Parquet statistics leave NaN out; SQL sorts NaN above every number, so the block's
  // true maximum is NaN.
  if (has_nan) s.max = Value::Float(field.type, std::nan(""));
  s.null_count = in.null_count;
  s.compressed_bytes = in.compressed_bytes;
  s.uncompressed_bytes = in.uncompressed_bytes;
  return ShortenStringBounds(std::move(s));
}

Result<BlockMeta> WriteBlock(ObjectStorePtr store, std::string context, Schema schema,
                             std::string key, std::vector<Chunk> chunks,
                             ParquetWriteOptions options) {
  Result<ParquetWriteResult> file = WriteParquet(schema, chunks, options);
  if (!file.ok()) return file.status().WithContext(context + ": encoding block `" + key + "`");
  if (file->columns.size() != schema.size()) {
    return Error(ErrorCode::Internal,
                 context + ": Parquet writer returned " + std::to_string(file->columns.size()) +
                     " column statistics for " + std::to_string(schema.size()) + " columns");
  }
  BlockMeta block;
  block.location = key;
  block.row_count = file->num_rows;
  block.file_size = file->file.size();
  for (size_t i = 0; i < schema.size(); ++i) {
    bool has_nan = false;
    if (schema[i].type.IsFloat()) {
      for (const Chunk& c : chunks) {
        if ((has_nan = HasNaN(*c.column(i), c.num_rows()))) break;
      }
    }
    block.columns.push_back(BlockColumnStats(schema[i], file->columns[i], has_nan));
    block.compressed_bytes += file->columns[i].compressed_bytes;
    block.uncompressed_bytes += file->columns[i].uncompressed_bytes;
  }
  chunks.clear();  // free the rows before the upload
  Status put = store->Put(key, file->file);
  if (!put.ok()) return put.WithContext(context + ": writing block `" + key + "`");
  return block;
}

int64_t NowMs() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

void Backoff(int attempt, const TableWriteOptions& options) {
  thread_local std::mt19937 rng(std::random_device{}());
  double ceiling = std::min<double>(options.retry_max_delay_ms,
                                    options.retry_base_delay_ms * std::pow(2.0, attempt));
  // Full jitter keeps racing writers from retrying in lockstep.
  std::uniform_real_distribution<double> dist(0.5 * ceiling, ceiling);
  std::this_thread::sleep_for(std::chrono::microseconds(static_cast<int64_t>(dist(rng) * 1000)));
}

}  // namespace

TableWriter::TableWriter(MetastorePtr metastore, ObjectStorePtr store, TableInfo table,
                         TableWriteOptions options)
    : metastore_(std::move(metastore)),
      store_(std::move(store)),
      table_(std::move(table)),
      schema_(TableSchema(table_)),
      options_(std::move(options)) {
  options_.block_rows = std::max<size_t>(options_.block_rows, 1);
  options_.block_bytes = std::max<size_t>(options_.block_bytes, 1);
  options_.parallel_block_writes = std::max<size_t>(options_.parallel_block_writes, 1);
  options_.max_commit_attempts = std::max(options_.max_commit_attempts, 1);
}

TableWriter::~TableWriter() { Abort(); }

Status TableWriter::Fail(Status s) {
  if (failed_.ok()) failed_ = std::move(s);
  return failed_;
}

Status TableWriter::Append(const Chunk& chunk) {
  if (!failed_.ok()) return failed_;
  if (finished_) return Error(ErrorCode::Internal, "TableWriter::Append after Commit/Abort");
  if (chunk.num_columns() != schema_.size()) {
    return Fail(Error(ErrorCode::Internal, TableContext(table_) + ": insert chunk has " +
                                               std::to_string(chunk.num_columns()) +
                                               " columns, the table has " +
                                               std::to_string(schema_.size())));
  }
  for (size_t i = 0; i < schema_.size(); ++i) {
    const Column& c = *chunk.column(i);
    if (c.type() != schema_[i].type || c.size() != chunk.num_rows()) {
      return Fail(Error(ErrorCode::Internal, TableContext(table_) + ": insert column `" +
                                                 schema_[i].name + "` is " + c.type().ToString() +
                                                 " with " + std::to_string(c.size()) +
                                                 " rows, expected " + schema_[i].type.ToString() +
                                                 " with " + std::to_string(chunk.num_rows())));
    }
  }
  size_t n = chunk.num_rows();
  if (n == 0) return Status::OK();
  size_t bytes_per_row = std::max<size_t>(1, chunk.ByteSize() / n);
  size_t offset = 0;
  while (offset < n) {
    size_t room_rows = options_.block_rows - pending_rows_;
    size_t room_bytes = options_.block_bytes > pending_bytes_
                            ? (options_.block_bytes - pending_bytes_) / bytes_per_row
                            : 0;
    size_t take = std::min({room_rows, std::max<size_t>(room_bytes, 1), n - offset});
    pending_.push_back(offset == 0 && take == n ? chunk : chunk.Slice(offset, take));
    pending_rows_ += take;
    pending_bytes_ += take * bytes_per_row;
    offset += take;
    if (pending_rows_ >= options_.block_rows || pending_bytes_ >= options_.block_bytes) {
      std::vector<Chunk> block;
      block.swap(pending_);
      pending_rows_ = 0;
      pending_bytes_ = 0;
      RETURN_IF_ERROR(CutBlock(std::move(block)));
    }
  }
  return Status::OK();
}

Status TableWriter::CutBlock(std::vector<Chunk> chunks) {
  RETURN_IF_ERROR(CollectFinishedBlocks(false));
  while (in_flight_.size() >= options_.parallel_block_writes) {
    RETURN_IF_ERROR(CollectFinishedBlocks(false));
    if (in_flight_.size() >= options_.parallel_block_writes) in_flight_.front().wait();
  }
  Result<std::string> uuid = NewUuidV4();
  if (!uuid.ok()) return Fail(uuid.status());
  std::string key = BlockKey(*uuid);
  written_keys_.push_back(key);
  in_flight_.push_back(std::async(std::launch::async, WriteBlock, store_, TableContext(table_),
                                  schema_, key, std::move(chunks), options_.parquet));
  return Status::OK();
}

Status TableWriter::CollectFinishedBlocks(bool wait_all) {
  // Oldest first, so blocks keep the order their rows arrived in.
  while (!in_flight_.empty()) {
    auto& f = in_flight_.front();
    if (!wait_all && f.wait_for(std::chrono::seconds(0)) != std::future_status::ready) break;
    Result<BlockMeta> block = f.get();
    in_flight_.erase(in_flight_.begin());
    if (!block.ok()) {
      (void)Fail(block.status());
      continue;  // keep draining so no write outlives the failure unseen
    }
    stats_.rows += block->row_count;
    stats_.blocks += 1;
    stats_.bytes += block->file_size;
    blocks_.push_back(std::move(*block));
  }
  return failed_;
}

Result<TableInfo> TableWriter::Commit() {
  if (finished_) return Error(ErrorCode::Internal, "TableWriter::Commit called twice");
  if (failed_.ok() && !pending_.empty()) {
    std::vector<Chunk> block;
    block.swap(pending_);
    pending_rows_ = 0;
    pending_bytes_ = 0;
    (void)CutBlock(std::move(block));
  }
  (void)CollectFinishedBlocks(true);
  if (!failed_.ok()) {
    Abort();
    return failed_;
  }
  finished_ = true;
  if (blocks_.empty() && !options_.overwrite) return table_;

  std::string segment_key;
  SegmentInfo segment;
  if (!blocks_.empty()) {
    segment = SegmentInfo::FromBlocks(schema_, blocks_);
    Result<std::string> uuid = NewUuidV4();
    if (!uuid.ok()) {
      DeleteWritten();
      return uuid.status();
    }
    segment_key = SegmentKey(*uuid);
    written_keys_.push_back(segment_key);
    Status st = WriteSegment(*store_, table_, segment_key, segment);
    if (!st.ok()) {
      DeleteWritten();
      return st;
    }
  }
  return CommitLoop(segment_key, blocks_.empty() ? nullptr : &segment);
}

Result<TableInfo> TableWriter::CommitLoop(const std::string& segment_key,
                                          const SegmentInfo* segment) {
  TableInfo current = table_;
  for (int attempt = 0; attempt < options_.max_commit_attempts; ++attempt) {
    stats_.commit_attempts = attempt + 1;
    if (attempt > 0) {
      Backoff(attempt - 1, options_);
      Result<TableInfo> fresh = metastore_->GetTable(table_.database, table_.name);
      if (!fresh.ok() || fresh->id != table_.id) {
        DeleteWritten();
        if (!fresh.ok() && fresh.status().code() != ErrorCode::UnknownTable) {
          return fresh.status().WithContext(TableContext(table_));
        }
        return Error(ErrorCode::UnknownTable, "Unknown table `" + table_.database + "`.`" +
                                                  table_.name + "` (dropped during the insert)");
      }
      current = std::move(*fresh);
      if (!SameSchema(TableSchema(current), schema_)) {
        DeleteWritten();
        return Error(ErrorCode::TableVersionMismatched,
                     TableContext(table_) + ": the table's columns changed during the insert");
      }
    }
    Result<TableSnapshot> old = ReadCurrentSnapshot(*store_, current);
    if (!old.ok()) {
      DeleteWritten();
      return old.status();
    }
    Result<std::string> uuid = NewUuidV4();
    if (!uuid.ok()) {
      DeleteWritten();
      return uuid.status();
    }
    TableSnapshot next;
    next.format_version = kSnapshotFormatVersion;
    next.snapshot_id = *uuid;
    next.previous_location = current.snapshot_location;
    next.timestamp_ms = NowMs();
    next.schema = schema_;
    next.statistics.columns.resize(schema_.size());
    if (!options_.overwrite) {
      next.segments = old->segments;
      next.statistics = old->statistics;
      if (!SameSchema(old->schema, schema_)) {
        // Statistics of another column layout cannot be carried over: mark them unknown.
        next.statistics.columns.assign(schema_.size(), ColumnStats{});
        for (size_t i = 0; i < schema_.size(); ++i) {
          next.statistics.columns[i].min = Value::Null(schema_[i].type);
          next.statistics.columns[i].max = Value::Null(schema_[i].type);
        }
      }
    }
    if (segment != nullptr) {
      next.segments.push_back(segment_key);
      next.statistics.Merge(segment->summary);
    }
    std::string key = SnapshotKey(*uuid);
    written_keys_.push_back(key);
    Status st = WriteSnapshot(*store_, current, key, next);
    if (!st.ok()) {
      DeleteWritten();
      return st;
    }
    Result<TableInfo> committed = metastore_->CommitSnapshot(current.id, current.version, key);
    if (committed.ok()) {
      written_keys_.clear();
      return committed;
    }
    ErrorCode code = committed.status().code();
    if (code == ErrorCode::TableVersionMismatched) {
      // Lost the race: this snapshot will never be referenced; the segment and blocks
      // are reused on top of the winner's snapshot.
      (void)store_->Delete(key);
      written_keys_.pop_back();
      continue;
    }
    if (code == ErrorCode::UnknownTable) {
      DeleteWritten();
      return committed.status();
    }
    // Unknown outcome (the commit may have landed): keep the objects; vacuum decides.
    written_keys_.clear();
    return committed.status().WithContext(TableContext(table_) + ": committing snapshot");
  }
  DeleteWritten();
  return Error(ErrorCode::OCCRetryFailure,
               TableContext(table_) + ": commit failed after " +
                   std::to_string(options_.max_commit_attempts) +
                   " attempts: concurrent commits to the table kept winning");
}

void TableWriter::Abort() {
  if (finished_ && written_keys_.empty() && in_flight_.empty()) return;
  finished_ = true;
  (void)CollectFinishedBlocks(true);
  pending_.clear();
  DeleteWritten();
}

void TableWriter::DeleteWritten() {
  if (written_keys_.empty()) return;
  // Best effort: whatever stays is unreferenced garbage for a later vacuum.
  (void)store_->DeleteMany(written_keys_);
  written_keys_.clear();
}

Result<TableInfo> TruncateTable(MetastorePtr metastore, ObjectStorePtr store, TableInfo table,
                                TableWriteOptions options) {
  options.overwrite = true;
  TableWriter writer(std::move(metastore), std::move(store), std::move(table), options);
  return writer.Commit();
}

}  // namespace strata
