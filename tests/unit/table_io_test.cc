// Tables on real object stores (memory and a local directory): inserts round-trip
// through blocks, segments and snapshots; scans project, prune and split into partitions;
// concurrent inserts all land; failures leave the table as it was; damaged metadata is an
// error naming the table, never a crash.
#include <gtest/gtest.h>

#include <atomic>
#include <cmath>
#include <filesystem>
#include <map>
#include <mutex>
#include <thread>

#include "catalog/sqlite_metastore.h"
#include "storage/fault_injecting_object_store.h"
#include "storage/object_store.h"
#include "table/locations.h"
#include "table/meta_io.h"
#include "table/table_scan.h"
#include "table/table_writer.h"
#include "table/uuid.h"

namespace strata {
namespace {

using Op = PruningPredicate::Op;

// id BIGINT NOT NULL, s VARCHAR, d DOUBLE, dec DECIMAL(20, 2), dt DATE
std::vector<ColumnDef> TestColumns() {
  return {
      {"id", DataType(TypeId::Int64), false, ""}, {"s", DataType(TypeId::String), true, ""},
      {"d", DataType(TypeId::Float64), true, ""}, {"dec", DataType::Decimal(20, 2), true, ""},
      {"dt", DataType(TypeId::Date), true, ""},
  };
}

std::string ExpectedS(int64_t i) { return "name_" + std::to_string(i % 50); }

// Rows [begin, end): s is NULL every 7th row, d every 11th.
Chunk MakeRows(int64_t begin, int64_t end) {
  ColumnPtr id = MakeColumn(DataType(TypeId::Int64));
  ColumnPtr s = MakeColumn(DataType(TypeId::String));
  ColumnPtr d = MakeColumn(DataType(TypeId::Float64));
  ColumnPtr dec = MakeColumn(DataType::Decimal(20, 2));
  ColumnPtr dt = MakeColumn(DataType(TypeId::Date));
  for (int64_t i = begin; i < end; ++i) {
    id->Append<int64_t>(i);
    if (i % 7 == 0) {
      s->AppendNull();
    } else {
      s->AppendString(ExpectedS(i));
    }
    if (i % 11 == 0) {
      d->AppendNull();
    } else {
      d->Append<double>(static_cast<double>(i) * 0.5);
    }
    dec->Append<int128_t>(static_cast<int128_t>(i) * 100 + 1);
    dt->Append<int32_t>(static_cast<int32_t>(i % 1000));
  }
  return Chunk({id, s, d, dec, dt}, static_cast<size_t>(end - begin));
}

struct ScanResult {
  Status status;
  std::vector<Chunk> chunks;
  uint64_t rows = 0;
};

// Reads every partition, spreading them over `threads` threads.
ScanResult ReadAll(const TableScan& scan, int threads = 2) {
  ScanResult out;
  std::mutex mu;
  std::atomic<size_t> next{0};
  auto work = [&] {
    for (size_t p = next++; p < scan.num_partitions(); p = next++) {
      std::unique_ptr<PartitionReader> reader = scan.OpenPartition(p);
      while (true) {
        Chunk chunk;
        Result<bool> more = reader->Next(&chunk);
        std::lock_guard<std::mutex> lock(mu);
        if (!more.ok()) {
          if (out.status.ok()) out.status = more.status();
          return;
        }
        if (!*more) break;
        EXPECT_LE(chunk.num_rows(), kChunkRows);
        EXPECT_GT(chunk.num_rows(), 0u);
        out.rows += chunk.num_rows();
        out.chunks.push_back(std::move(chunk));
      }
    }
  };
  std::vector<std::thread> pool;
  for (int t = 0; t < threads; ++t) pool.emplace_back(work);
  for (auto& t : pool) t.join();
  return out;
}

class TableIoTest : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    Result<std::string> uuid = NewUuidV4();
    ASSERT_TRUE(uuid.ok());
    dir_ = std::filesystem::path(::testing::TempDir()) / ("strata_table_" + *uuid);
    std::filesystem::create_directories(dir_);
    data_.type = GetParam();
    data_.root =
        data_.type == "fs" ? (dir_ / "data").string() + "/" : "table_io_test_" + *uuid + "/";
    Result<std::shared_ptr<SqliteMetastore>> metastore =
        SqliteMetastore::Open((dir_ / "metastore.db").string(), nullptr);
    ASSERT_TRUE(metastore.ok()) << metastore.status().ToString();
    metastore_ = *metastore;
    ASSERT_TRUE(metastore_->CreateDatabase("db", CreateMode::kCreate).ok());
    table_ = CreateTable("t");
  }

  void TearDown() override {
    metastore_.reset();
    if (!dir_.empty()) std::filesystem::remove_all(dir_);
  }

  TableInfo CreateTable(const std::string& name) {
    TableInfo info;
    info.database = "db";
    info.name = name;
    info.columns = TestColumns();
    Result<TableInfo> created = metastore_->CreateTable(info, CreateMode::kCreate);
    EXPECT_TRUE(created.ok()) << created.status().ToString();
    return created.ok() ? *created : info;
  }

  ObjectStorePtr StoreFor(const TableInfo& info) {
    Result<ObjectStorePtr> store = OpenObjectStore(TableStorageParams(info, data_));
    EXPECT_TRUE(store.ok()) << store.status().ToString();
    return store.ok() ? *store : nullptr;
  }

  TableInfo Current(const std::string& name = "t") {
    Result<TableInfo> info = metastore_->GetTable("db", name);
    EXPECT_TRUE(info.ok()) << info.status().ToString();
    return info.ok() ? *info : TableInfo{};
  }

  // Inserts rows [begin, end) in chunks of `chunk_rows`.
  Result<TableInfo> Insert(const TableInfo& table, ObjectStorePtr store, int64_t begin, int64_t end,
                           TableWriteOptions options, size_t chunk_rows = 777) {
    TableWriter writer(metastore_, std::move(store), table, options);
    for (int64_t at = begin; at < end; at += static_cast<int64_t>(chunk_rows)) {
      RETURN_IF_ERROR(
          writer.Append(MakeRows(at, std::min(end, at + static_cast<int64_t>(chunk_rows)))));
    }
    return writer.Commit();
  }

  size_t CountKeys(ObjectStore& store, std::string_view dir) {
    Result<std::vector<ObjectMeta>> keys = store.List(std::string(dir));
    EXPECT_TRUE(keys.ok()) << keys.status().ToString();
    return keys.ok() ? keys->size() : 0;
  }

  std::string FirstKey(ObjectStore& store, std::string_view dir) {
    Result<std::vector<ObjectMeta>> keys = store.List(std::string(dir));
    if (!keys.ok() || keys->empty()) return "";
    return (*keys)[0].key;
  }

  std::unique_ptr<TableScan> OpenScan(ObjectStorePtr store, const TableInfo& table,
                                      std::vector<size_t> columns,
                                      PruningPredicate predicate = {}) {
    ScanOptions options;
    options.columns = std::move(columns);
    options.predicate = std::move(predicate);
    Result<std::unique_ptr<TableScan>> scan = TableScan::Open(std::move(store), table, options);
    EXPECT_TRUE(scan.ok()) << scan.status().ToString();
    return scan.ok() ? std::move(*scan) : nullptr;
  }

  // The ids a full scan returns, sorted, after checking every other column's value.
  std::vector<int64_t> ScanIdsChecked(ObjectStorePtr store, const TableInfo& table) {
    std::unique_ptr<TableScan> scan = OpenScan(store, table, {0, 1, 2, 3, 4});
    if (!scan) return {};
    ScanResult r = ReadAll(*scan);
    EXPECT_TRUE(r.status.ok()) << r.status.ToString();
    std::vector<int64_t> ids;
    for (const Chunk& c : r.chunks) {
      for (size_t row = 0; row < c.num_rows(); ++row) {
        int64_t i = c.column(0)->Data<int64_t>()[row];
        ids.push_back(i);
        if (i % 7 == 0) {
          EXPECT_TRUE(c.column(1)->IsNull(row)) << i;
        } else {
          EXPECT_EQ(c.column(1)->GetString(row), ExpectedS(i));
        }
        if (i % 11 == 0) {
          EXPECT_TRUE(c.column(2)->IsNull(row)) << i;
        } else {
          EXPECT_EQ(c.column(2)->Data<double>()[row], static_cast<double>(i) * 0.5);
        }
        EXPECT_TRUE(c.column(3)->Data<int128_t>()[row] == static_cast<int128_t>(i) * 100 + 1);
        EXPECT_EQ(c.column(4)->Data<int32_t>()[row], i % 1000);
      }
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  }

  static std::vector<int64_t> Range(int64_t begin, int64_t end) {
    std::vector<int64_t> v;
    for (int64_t i = begin; i < end; ++i) v.push_back(i);
    return v;
  }

  StorageParams data_;
  std::filesystem::path dir_;
  MetastorePtr metastore_;
  TableInfo table_;
};

TableWriteOptions TinyBlocks(size_t rows) {
  TableWriteOptions o;
  o.block_rows = rows;
  return o;
}

TEST_P(TableIoTest, InsertScanRoundTripWithManyBlocks) {
  ObjectStorePtr store = StoreFor(table_);
  Result<TableInfo> committed = Insert(table_, store, 0, 10000, TinyBlocks(1000));
  ASSERT_TRUE(committed.ok()) << committed.status().ToString();
  EXPECT_EQ(committed->version, table_.version + 1);
  EXPECT_TRUE(IsTableObjectKey(committed->snapshot_location, kSnapshotDir));
  EXPECT_EQ(Current().snapshot_location, committed->snapshot_location);

  EXPECT_EQ(CountKeys(*store, kBlockDir), 10u);
  EXPECT_EQ(CountKeys(*store, kSegmentDir), 1u);
  EXPECT_EQ(CountKeys(*store, kSnapshotDir), 1u);

  std::unique_ptr<TableScan> scan = OpenScan(store, *committed, {0, 1, 2, 3, 4});
  ASSERT_TRUE(scan);
  EXPECT_EQ(scan->num_partitions(), 10u);
  for (size_t p = 0; p < scan->num_partitions(); ++p) {
    EXPECT_EQ(scan->partition(p).row_count, 1000u);
  }
  EXPECT_EQ(ScanIdsChecked(store, *committed), Range(0, 10000));

  Result<TableStatistics> stats = ReadTableStatistics(*store, *committed);
  ASSERT_TRUE(stats.ok()) << stats.status().ToString();
  EXPECT_EQ(stats->row_count, 10000u);
  EXPECT_EQ(stats->block_count, 10u);
  EXPECT_EQ(stats->segment_count, 1u);
  EXPECT_GT(stats->file_size, 0u);
  ASSERT_TRUE(stats->ExactMin("id").has_value());
  EXPECT_EQ(stats->ExactMin("id")->GetInt(), 0);
  EXPECT_EQ(stats->ExactMax("id")->GetInt(), 9999);
  EXPECT_EQ(stats->columns[1].null_count, 10000u / 7 + 1);
  EXPECT_EQ(stats->ExactMin("s")->GetString(), "name_0");
  EXPECT_FALSE(stats->ExactMax("s").has_value());
}

TEST_P(TableIoTest, SecondInsertAddsASegment) {
  ObjectStorePtr store = StoreFor(table_);
  ASSERT_TRUE(Insert(table_, store, 0, 300, TinyBlocks(100)).ok());
  Result<TableInfo> second = Insert(Current(), store, 300, 500, TinyBlocks(100));
  ASSERT_TRUE(second.ok()) << second.status().ToString();
  EXPECT_EQ(ScanIdsChecked(store, *second), Range(0, 500));
  Result<TableSnapshot> snap = ReadCurrentSnapshot(*store, *second);
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->segments.size(), 2u);
  EXPECT_FALSE(snap->previous_location.empty());
  EXPECT_EQ(snap->statistics.row_count, 500u);
  EXPECT_EQ(snap->statistics.block_count, 5u);
}

TEST_P(TableIoTest, ProjectionReadsOnlyAskedColumns) {
  ObjectStorePtr store = StoreFor(table_);
  // A wide, poorly compressible string column makes skipping it visible in bytes read
  // (small files are read whole with the footer).
  TableWriter writer(metastore_, store, table_, TinyBlocks(2500));
  uint64_t x = 88172645463325252ull;
  for (int64_t at = 0; at < 5000; at += 1000) {
    Chunk rows = MakeRows(at, at + 1000);
    ColumnPtr wide = MakeColumn(DataType(TypeId::String));
    for (int i = 0; i < 1000; ++i) {
      std::string v;
      for (int k = 0; k < 8; ++k) {
        x ^= x << 13, x ^= x >> 7, x ^= x << 17;
        v += std::to_string(x);
      }
      wide->AppendString(v);
    }
    rows.mutable_columns()[1] = wide;
    ASSERT_TRUE(writer.Append(rows).ok());
  }
  Result<TableInfo> t = writer.Commit();
  ASSERT_TRUE(t.ok()) << t.status().ToString();

  std::unique_ptr<TableScan> all = OpenScan(store, *t, {0, 1, 2, 3, 4});
  ScanResult all_rows = ReadAll(*all);
  ASSERT_TRUE(all_rows.status.ok());

  std::unique_ptr<TableScan> scan = OpenScan(store, *t, {4, 0});
  ASSERT_EQ(scan->output_schema().size(), 2u);
  EXPECT_EQ(scan->output_schema()[0].name, "dt");
  EXPECT_EQ(scan->output_schema()[1].name, "id");
  ScanResult r = ReadAll(*scan);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  EXPECT_EQ(r.rows, 5000u);
  for (const Chunk& c : r.chunks) {
    ASSERT_EQ(c.num_columns(), 2u);
    EXPECT_EQ(c.column(0)->type(), DataType(TypeId::Date));
    for (size_t row = 0; row < c.num_rows(); ++row) {
      EXPECT_EQ(c.column(0)->Data<int32_t>()[row], c.column(1)->Data<int64_t>()[row] % 1000);
    }
  }
  EXPECT_EQ(scan->progress().rows_read, 5000u);
  EXPECT_GT(scan->progress().bytes_read, 0u);

  // Only `id`, the first column chunk: the wide column is never fetched.
  std::unique_ptr<TableScan> ids = OpenScan(store, *t, {0});
  ScanResult id_rows = ReadAll(*ids);
  ASSERT_TRUE(id_rows.status.ok());
  EXPECT_EQ(id_rows.rows, 5000u);
  EXPECT_LT(ids->progress().bytes_read * 2, all->progress().bytes_read)
      << ids->progress().bytes_read << " vs " << all->progress().bytes_read;

  // No columns at all: row counts only, and no block is fetched.
  std::unique_ptr<TableScan> count = OpenScan(store, *t, {});
  ScanResult counted = ReadAll(*count);
  ASSERT_TRUE(counted.status.ok());
  EXPECT_EQ(counted.rows, 5000u);
  EXPECT_EQ(count->progress().bytes_read, 0u);

  ScanOptions bad;
  bad.columns = {5};
  Result<std::unique_ptr<TableScan>> out_of_range = TableScan::Open(store, *t, bad);
  ASSERT_FALSE(out_of_range.ok());
  EXPECT_EQ(out_of_range.status().code(), ErrorCode::UnknownColumn);
}

TEST_P(TableIoTest, BigBlocksAreSlicedIntoChunks) {
  ObjectStorePtr store = StoreFor(table_);
  Result<TableInfo> t = Insert(table_, store, 0, 20000, TinyBlocks(20000), 20000);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  std::unique_ptr<TableScan> scan = OpenScan(store, *t, {0});
  ASSERT_EQ(scan->num_partitions(), 1u);
  ScanResult r = ReadAll(*scan, 1);
  ASSERT_TRUE(r.status.ok()) << r.status.ToString();
  ASSERT_EQ(r.chunks.size(), 3u);
  EXPECT_EQ(r.chunks[0].num_rows(), kChunkRows);
  EXPECT_EQ(r.chunks[1].num_rows(), kChunkRows);
  EXPECT_EQ(r.chunks[2].num_rows(), 20000 - 2 * kChunkRows);
  EXPECT_EQ(r.chunks[2].column(0)->Data<int64_t>()[0], int64_t{2 * kChunkRows});
}

TEST_P(TableIoTest, PruningSkipsBlocks) {
  auto fault = std::make_shared<FaultInjectingObjectStore>(StoreFor(table_));
  Result<TableInfo> t = Insert(table_, fault, 0, 10000, TinyBlocks(1000));
  ASSERT_TRUE(t.ok()) << t.status().ToString();

  auto ids_of = [&](PruningPredicate pred, uint64_t* blocks_read, uint64_t* range_gets) {
    uint64_t before = fault->calls(ObjectStoreOp::kGetRange);
    std::unique_ptr<TableScan> scan = OpenScan(fault, *t, {0}, std::move(pred));
    ScanResult r = ReadAll(*scan);
    EXPECT_TRUE(r.status.ok()) << r.status.ToString();
    *blocks_read = scan->progress().blocks_read;
    *range_gets = fault->calls(ObjectStoreOp::kGetRange) - before;
    std::vector<int64_t> ids;
    for (const Chunk& c : r.chunks) {
      for (size_t i = 0; i < c.num_rows(); ++i) ids.push_back(c.column(0)->Data<int64_t>()[i]);
    }
    std::sort(ids.begin(), ids.end());
    return ids;
  };
  uint64_t blocks = 0, gets = 0, all_gets = 0;
  EXPECT_EQ(ids_of({}, &blocks, &all_gets).size(), 10000u);
  EXPECT_EQ(blocks, 10u);

  PruningPredicate between;
  between.Add("id", Op::kBetween, {Value::BigInt(2500), Value::BigInt(3499)});
  EXPECT_EQ(ids_of(between, &blocks, &gets), Range(2000, 4000));
  EXPECT_EQ(blocks, 2u);
  EXPECT_LT(gets, all_gets);
  EXPECT_GT(gets, 0u);

  PruningPredicate eq_in;
  eq_in.Add("id", Op::kIn, {Value::BigInt(5), Value::BigInt(9999), Value::BigInt(123456)});
  EXPECT_EQ(ids_of(eq_in, &blocks, &gets).size(), 2000u);
  EXPECT_EQ(blocks, 2u);

  // id is never NULL: nothing can match, nothing is read.
  PruningPredicate none;
  none.Add("id", Op::kIsNull);
  EXPECT_TRUE(ids_of(none, &blocks, &gets).empty());
  EXPECT_EQ(blocks, 0u);
  EXPECT_EQ(gets, 0u);

  PruningPredicate beyond;
  beyond.Add("id", Op::kGe, {Value::BigInt(10000)});
  std::unique_ptr<TableScan> scan = OpenScan(fault, *t, {0}, beyond);
  EXPECT_EQ(scan->num_partitions(), 0u);
  EXPECT_EQ(scan->pruning_stats().segments_pruned, 1u);
  EXPECT_EQ(scan->pruning_stats().blocks_pruned, 10u);
}

TEST_P(TableIoTest, NaNIsNeverPrunedAway) {
  ObjectStorePtr store = StoreFor(table_);
  TableWriter writer(metastore_, store, table_, TinyBlocks(10));
  Chunk rows = MakeRows(0, 10);
  ColumnPtr d = MakeColumn(DataType(TypeId::Float64));
  for (int i = 0; i < 10; ++i) d->Append<double>(i == 3 ? std::nan("") : 1.0);
  rows.mutable_columns()[2] = d;
  ASSERT_TRUE(writer.Append(rows).ok());
  Result<TableInfo> t = writer.Commit();
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  PruningPredicate gt;
  gt.Add("d", Op::kGt, {Value::Double(100)});
  std::unique_ptr<TableScan> scan = OpenScan(store, *t, {2}, gt);
  EXPECT_EQ(scan->num_partitions(), 1u);
  Result<TableStatistics> stats = ReadTableStatistics(*store, *t);
  ASSERT_TRUE(stats.ok());
  EXPECT_FALSE(stats->ExactMax("d").has_value());
}

TEST_P(TableIoTest, EmptyInsertCommitsNothing) {
  ObjectStorePtr store = StoreFor(table_);
  TableWriter writer(metastore_, store, table_, {});
  ASSERT_TRUE(writer.Append(MakeRows(0, 0)).ok());
  Result<TableInfo> t = writer.Commit();
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(Current().version, table_.version);
  EXPECT_TRUE(Current().snapshot_location.empty());
  EXPECT_EQ(CountKeys(*store, ""), 0u);
  std::unique_ptr<TableScan> scan = OpenScan(store, Current(), {0});
  EXPECT_EQ(scan->num_partitions(), 0u);
  Result<TableStatistics> stats = ReadTableStatistics(*store, Current());
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->row_count, 0u);
  EXPECT_TRUE(stats->ExactMin("id").has_value());
  EXPECT_TRUE(stats->ExactMin("id")->is_null());
}

TEST_P(TableIoTest, ConcurrentInsertsAllLand) {
  ObjectStorePtr store = StoreFor(table_);
  constexpr int kThreads = 4;
  constexpr int kInsertsPerThread = 5;
  constexpr int64_t kRows = 100;
  std::atomic<int> retried{0};
  std::vector<std::thread> threads;
  std::vector<Status> errors(kThreads);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int k = 0; k < kInsertsPerThread; ++k) {
        int64_t begin = (t * kInsertsPerThread + k) * kRows;
        TableWriteOptions options = TinyBlocks(40);
        options.max_commit_attempts = 100;  // many racing writers on 2 cores
        options.retry_base_delay_ms = 1;
        // Every writer starts from the same stale table, so races are certain.
        TableWriter writer(metastore_, store, table_, options);
        Status st = writer.Append(MakeRows(begin, begin + kRows));
        Result<TableInfo> r = st.ok() ? writer.Commit() : Result<TableInfo>(st);
        if (!r.ok()) {
          errors[t] = r.status();
          return;
        }
        if (writer.stats().commit_attempts > 1) ++retried;
      }
    });
  }
  for (auto& th : threads) th.join();
  for (const Status& e : errors) EXPECT_TRUE(e.ok()) << e.ToString();
  EXPECT_GT(retried.load(), 0);
  TableInfo now = Current();
  EXPECT_EQ(now.version, table_.version + kThreads * kInsertsPerThread);
  EXPECT_EQ(ScanIdsChecked(store, now), Range(0, kThreads * kInsertsPerThread * kRows));
  Result<TableStatistics> stats = ReadTableStatistics(*store, now);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->row_count, uint64_t{kThreads * kInsertsPerThread * kRows});
  EXPECT_EQ(stats->segment_count, uint64_t{kThreads * kInsertsPerThread});
  // Lost attempts deleted their snapshots: one per commit remains.
  EXPECT_EQ(CountKeys(*store, kSnapshotDir), size_t{kThreads * kInsertsPerThread});
  // Retries reused blocks: 100 rows in blocks of 40 -> 3 blocks per insert, no more.
  EXPECT_EQ(CountKeys(*store, kBlockDir), size_t{3 * kThreads * kInsertsPerThread});
}

TEST_P(TableIoTest, LostRaceRebuildsOnTheWinnersSnapshot) {
  ObjectStorePtr store = StoreFor(table_);
  TableWriteOptions options = TinyBlocks(50);
  options.max_commit_attempts = 2;
  options.retry_base_delay_ms = 1;
  TableWriter slow(metastore_, store, table_, options);
  ASSERT_TRUE(slow.Append(MakeRows(0, 100)).ok());
  Result<TableInfo> winner = Insert(table_, store, 100, 200, TinyBlocks(50));
  ASSERT_TRUE(winner.ok());
  Result<TableInfo> t = slow.Commit();
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(slow.stats().commit_attempts, 2);
  Result<TableSnapshot> snap = ReadCurrentSnapshot(*store, *t);
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->previous_location, winner->snapshot_location);
  EXPECT_EQ(ScanIdsChecked(store, *t), Range(0, 200));
  EXPECT_EQ(CountKeys(*store, kBlockDir), 4u);
}

TEST_P(TableIoTest, TooManyLostRacesIsOccRetryFailure) {
  ObjectStorePtr store = StoreFor(table_);
  TableWriteOptions options = TinyBlocks(50);
  options.max_commit_attempts = 1;
  TableWriter slow(metastore_, store, table_, options);
  ASSERT_TRUE(slow.Append(MakeRows(0, 100)).ok());
  Result<TableInfo> winner = Insert(table_, store, 100, 200, TinyBlocks(50));
  ASSERT_TRUE(winner.ok());
  Result<TableInfo> t = slow.Commit();
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), ErrorCode::OCCRetryFailure);
  EXPECT_NE(t.status().message().find("`db`.`t`"), std::string::npos);
  EXPECT_EQ(Current().snapshot_location, winner->snapshot_location);
  EXPECT_EQ(ScanIdsChecked(store, Current()), Range(100, 200));
  // The loser's blocks, segment and snapshot were deleted.
  EXPECT_EQ(CountKeys(*store, kBlockDir), 2u);
  EXPECT_EQ(CountKeys(*store, kSegmentDir), 1u);
  EXPECT_EQ(CountKeys(*store, kSnapshotDir), 1u);
}

TEST_P(TableIoTest, TruncateEmptiesAndKeepsFiles) {
  ObjectStorePtr store = StoreFor(table_);
  ASSERT_TRUE(Insert(table_, store, 0, 1000, TinyBlocks(300)).ok());
  TableInfo before = Current();
  Result<TableInfo> t = TruncateTable(metastore_, store, before);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(t->version, before.version + 1);
  EXPECT_TRUE(ScanIdsChecked(store, *t).empty());
  Result<TableStatistics> stats = ReadTableStatistics(*store, *t);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->row_count, 0u);
  EXPECT_EQ(stats->segment_count, 0u);
  EXPECT_EQ(CountKeys(*store, kBlockDir), 4u);  // garbage for a later vacuum
  Result<TableSnapshot> snap = ReadCurrentSnapshot(*store, *t);
  ASSERT_TRUE(snap.ok());
  EXPECT_EQ(snap->previous_location, before.snapshot_location);

  Result<TableInfo> again = Insert(*t, store, 5, 10, TinyBlocks(300));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(ScanIdsChecked(store, *again), Range(5, 10));
}

TEST_P(TableIoTest, OverwriteReplacesAllRows) {
  ObjectStorePtr store = StoreFor(table_);
  ASSERT_TRUE(Insert(table_, store, 0, 1000, TinyBlocks(300)).ok());
  TableWriteOptions options = TinyBlocks(300);
  options.overwrite = true;
  Result<TableInfo> t = Insert(Current(), store, 2000, 2010, options);
  ASSERT_TRUE(t.ok()) << t.status().ToString();
  EXPECT_EQ(ScanIdsChecked(store, *t), Range(2000, 2010));
  Result<TableStatistics> stats = ReadTableStatistics(*store, *t);
  ASSERT_TRUE(stats.ok());
  EXPECT_EQ(stats->row_count, 10u);
  EXPECT_EQ(stats->ExactMin("id")->GetInt(), 2000);
}

TEST_P(TableIoTest, FailedBlockWriteLeavesTableUnchanged) {
  auto fault = std::make_shared<FaultInjectingObjectStore>(StoreFor(table_));
  ASSERT_TRUE(Insert(table_, fault, 0, 100, TinyBlocks(50)).ok());
  TableInfo before = Current();
  size_t keys_before = CountKeys(*fault, "");

  fault->FailNext(ObjectStoreOp::kPut, 1);
  Result<TableInfo> t = Insert(before, fault, 100, 1000, TinyBlocks(50));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), ErrorCode::StorageUnavailable);
  EXPECT_NE(t.status().message().find("`db`.`t`"), std::string::npos) << t.status().message();
  EXPECT_EQ(Current().version, before.version);
  EXPECT_EQ(Current().snapshot_location, before.snapshot_location);
  EXPECT_EQ(ScanIdsChecked(fault, Current()), Range(0, 100));
  EXPECT_EQ(CountKeys(*fault, ""), keys_before);  // the partial insert was cleaned up

  // A write whose acknowledgement is lost: the object landed, the insert still fails,
  // and the object is cleaned up.
  fault->SetFailPutAfterWrite(true);
  fault->FailNext(ObjectStoreOp::kPut, 1);
  t = Insert(before, fault, 100, 130, TinyBlocks(50));
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(Current().version, before.version);
  EXPECT_EQ(CountKeys(*fault, ""), keys_before);
}

// Fails every Put whose key starts with a prefix: for failing a segment or snapshot write
// specifically.
class PrefixFailingStore final : public ObjectStore {
 public:
  PrefixFailingStore(ObjectStorePtr inner, std::string prefix)
      : inner_(std::move(inner)), prefix_(std::move(prefix)) {}
  Result<std::string> Get(const std::string& key) override { return inner_->Get(key); }
  Result<std::string> GetRange(const std::string& key, uint64_t offset, uint64_t length) override {
    return inner_->GetRange(key, offset, length);
  }
  Status Put(const std::string& key, std::string_view data) override {
    if (key.rfind(prefix_, 0) == 0)
      return Error(ErrorCode::StoragePermissionDenied, "denied " + key);
    return inner_->Put(key, data);
  }
  Result<ObjectMeta> Stat(const std::string& key) override { return inner_->Stat(key); }
  Result<std::vector<ObjectMeta>> List(const std::string& prefix) override {
    return inner_->List(prefix);
  }
  Status Delete(const std::string& key) override { return inner_->Delete(key); }
  std::string Describe() const override { return inner_->Describe(); }

 private:
  ObjectStorePtr inner_;
  std::string prefix_;
};

TEST_P(TableIoTest, FailedSegmentOrSnapshotWriteLeavesTableUnchanged) {
  ObjectStorePtr store = StoreFor(table_);
  ASSERT_TRUE(Insert(table_, store, 0, 100, TinyBlocks(50)).ok());
  TableInfo before = Current();
  size_t keys_before = CountKeys(*store, "");
  for (std::string_view dir : {kSegmentDir, kSnapshotDir}) {
    SCOPED_TRACE(std::string(dir));
    auto failing = std::make_shared<PrefixFailingStore>(store, std::string(dir));
    Result<TableInfo> t = Insert(before, failing, 100, 300, TinyBlocks(50));
    ASSERT_FALSE(t.ok());
    EXPECT_EQ(t.status().code(), ErrorCode::StoragePermissionDenied);
    EXPECT_EQ(Current().version, before.version);
    EXPECT_EQ(CountKeys(*store, ""), keys_before);
    EXPECT_EQ(ScanIdsChecked(store, Current()), Range(0, 100));
  }
}

TEST_P(TableIoTest, DroppedTableFailsTheInsert) {
  ObjectStorePtr store = StoreFor(table_);
  TableWriter writer(metastore_, store, table_, TinyBlocks(50));
  ASSERT_TRUE(writer.Append(MakeRows(0, 100)).ok());
  ASSERT_TRUE(metastore_->DropTable("db", "t", false).ok());
  Result<TableInfo> t = writer.Commit();
  ASSERT_FALSE(t.ok());
  EXPECT_EQ(t.status().code(), ErrorCode::UnknownTable);
  EXPECT_EQ(CountKeys(*store, ""), 0u);
}

TEST_P(TableIoTest, DamagedMetadataIsAnErrorNamingTableAndKey) {
  ObjectStorePtr store = StoreFor(table_);
  Result<TableInfo> t = Insert(table_, store, 0, 1000, TinyBlocks(100));
  ASSERT_TRUE(t.ok());
  std::string segment = FirstKey(*store, kSegmentDir);
  Result<std::string> seg_bytes = store->Get(segment);
  ASSERT_TRUE(seg_bytes.ok());

  auto expect_scan_error = [&](ErrorCode code, const std::string& key) {
    ScanOptions options;
    options.columns = {0};
    Result<std::unique_ptr<TableScan>> scan = TableScan::Open(store, *t, options);
    ASSERT_FALSE(scan.ok());
    EXPECT_EQ(scan.status().code(), code) << scan.status().ToString();
    EXPECT_NE(scan.status().message().find("table `db`.`t`"), std::string::npos);
    EXPECT_NE(scan.status().message().find(key), std::string::npos) << scan.status().message();
  };
  // Truncated segment (written through the store, as a torn upload by another tool would).
  ASSERT_TRUE(store->Put(segment, seg_bytes->substr(0, seg_bytes->size() / 2)).ok());
  expect_scan_error(ErrorCode::StorageOther, segment);
  ASSERT_TRUE(store->Put(segment, "").ok());
  expect_scan_error(ErrorCode::StorageOther, segment);
  // Missing segment: the store's own code, with context.
  ASSERT_TRUE(store->Delete(segment).ok());
  expect_scan_error(ErrorCode::StorageNotFound, segment);
  ASSERT_TRUE(store->Put(segment, *seg_bytes).ok());
  EXPECT_EQ(ScanIdsChecked(store, *t), Range(0, 1000));

  // Damaged snapshot: scans, statistics and inserts all refuse it.
  Result<std::string> snap_bytes = store->Get(t->snapshot_location);
  ASSERT_TRUE(snap_bytes.ok());
  ASSERT_TRUE(store->Put(t->snapshot_location, "{\"format_version\":1}").ok());
  expect_scan_error(ErrorCode::StorageOther, t->snapshot_location);
  EXPECT_FALSE(ReadTableStatistics(*store, *t).ok());
  Result<TableInfo> insert = Insert(*t, store, 1000, 1010, TinyBlocks(100));
  ASSERT_FALSE(insert.ok());
  EXPECT_EQ(Current().version, t->version);
  ASSERT_TRUE(store->Put(t->snapshot_location, *snap_bytes).ok());

  // Truncated block: reading that partition fails with an error naming the block.
  std::string block = FirstKey(*store, kBlockDir);
  Result<std::string> block_bytes = store->Get(block);
  ASSERT_TRUE(block_bytes.ok());
  ASSERT_TRUE(store->Put(block, block_bytes->substr(0, block_bytes->size() / 3)).ok());
  std::unique_ptr<TableScan> scan = OpenScan(store, *t, {0, 1});
  ScanResult r = ReadAll(*scan);
  ASSERT_FALSE(r.status.ok());
  EXPECT_NE(r.status.message().find(block), std::string::npos) << r.status.ToString();
}

INSTANTIATE_TEST_SUITE_P(Stores, TableIoTest, ::testing::Values("memory", "fs"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace strata
