// The table format's keys, statistics and JSON documents (segments, snapshots): what is
// written reads back identically, and damaged documents are errors, not crashes.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <set>

#include "table/column_stats.h"
#include "table/locations.h"
#include "table/pruning_predicate.h"
#include "table/segment.h"
#include "table/snapshot.h"
#include "table/uuid.h"

namespace strata {
namespace {

TEST(TableLocationsTest, KeysCarryFolderAndVersion) {
  EXPECT_EQ(BlockKey("abc"), "_b/abc_v1.parquet");
  EXPECT_EQ(SegmentKey("abc"), "_sg/abc_v1.json");
  EXPECT_EQ(SnapshotKey("abc"), "_ss/abc_v1.json");
  EXPECT_EQ(TablePrefix(3, 17), "3/17/");
  EXPECT_EQ(KeyFormatVersion(BlockKey("x")), 1);
  EXPECT_EQ(KeyFormatVersion("_ss/x_v12.json"), 12);
  EXPECT_EQ(KeyFormatVersion("_ss/x.json"), 0);
  EXPECT_EQ(KeyFormatVersion("_ss/x_vz.json"), 0);
}

TEST(TableLocationsTest, TableObjectKeyRejectsEscapes) {
  EXPECT_TRUE(IsTableObjectKey(SegmentKey("u"), kSegmentDir));
  EXPECT_FALSE(IsTableObjectKey(SegmentKey("u"), kBlockDir));
  EXPECT_FALSE(IsTableObjectKey("_sg/../../etc/passwd_v1.json", kSegmentDir));
  EXPECT_FALSE(IsTableObjectKey("_sg/a/b_v1.json", kSegmentDir));
  EXPECT_FALSE(IsTableObjectKey("_sg/", kSegmentDir));
  EXPECT_FALSE(IsTableObjectKey("/_sg/u_v1.json", kSegmentDir));
}

TEST(TableLocationsTest, StorageRootedAtTablePrefix) {
  StorageParams data;
  data.type = "fs";
  data.root = "/data/dir/";
  TableInfo ordinary;
  ordinary.id = 7;
  ordinary.database_id = 2;
  EXPECT_EQ(TableStorageParams(ordinary, data).root, "/data/dir/2/7/");

  TableInfo external = ordinary;
  external.storage.type = "s3";
  external.storage.bucket = "b";
  external.storage.root = "some/path/";
  StorageParams p = TableStorageParams(external, data);
  EXPECT_EQ(p.type, "s3");
  EXPECT_EQ(p.bucket, "b");
  EXPECT_EQ(p.root, "some/path/2/7/");
}

TEST(TableUuidTest, RandomVersion4) {
  std::set<std::string> seen;
  for (int i = 0; i < 1000; ++i) {
    Result<std::string> u = NewUuidV4();
    ASSERT_TRUE(u.ok());
    ASSERT_EQ(u->size(), 36u);
    EXPECT_EQ((*u)[14], '4');
    EXPECT_NE(std::string("89ab").find((*u)[19]), std::string::npos);
    EXPECT_TRUE(seen.insert(*u).second);
  }
}

Schema AllTypesSchema() {
  return {
      {"b", DataType(TypeId::Boolean), true},   {"i8", DataType(TypeId::Int8), true},
      {"i16", DataType(TypeId::Int16), false},  {"i32", DataType(TypeId::Int32), true},
      {"i64", DataType(TypeId::Int64), true},   {"f32", DataType(TypeId::Float32), true},
      {"f64", DataType(TypeId::Float64), true}, {"d9", DataType::Decimal(9, 2), true},
      {"d38", DataType::Decimal(38, 10), true}, {"s", DataType(TypeId::String), true},
      {"dt", DataType(TypeId::Date), true},     {"ts", DataType(TypeId::Timestamp), true},
  };
}

void ExpectSameSchema(const Schema& a, const Schema& b) {
  ASSERT_EQ(a.size(), b.size());
  for (size_t i = 0; i < a.size(); ++i) {
    EXPECT_EQ(a[i].name, b[i].name);
    EXPECT_EQ(a[i].type, b[i].type);
    EXPECT_EQ(a[i].nullable, b[i].nullable);
  }
}

ColumnStats Stats(Value min, Value max, uint64_t nulls = 0, uint64_t cb = 0, uint64_t ub = 0) {
  ColumnStats s;
  s.min = std::move(min);
  s.max = std::move(max);
  s.null_count = nulls;
  s.compressed_bytes = cb;
  s.uncompressed_bytes = ub;
  return s;
}

int128_t Big(int128_t hi, int128_t lo) {
  return hi * static_cast<int128_t>(1000000000000000000) + lo;
}

BlockMeta ExtremeBlock() {
  BlockMeta b;
  b.location = BlockKey("0b5e0c38-1a71-4c39-9a0b-5d1fa2a0b001");
  b.row_count = 1000;
  b.file_size = 12345;
  b.compressed_bytes = 10000;
  b.uncompressed_bytes = 40000;
  DataType d38 = DataType::Decimal(38, 10);
  b.columns = {
      Stats(Value::Boolean(false), Value::Boolean(true), 3, 10, 20),
      Stats(Value::Int(DataType(TypeId::Int8), -128), Value::Int(DataType(TypeId::Int8), 127)),
      Stats(Value::Int(DataType(TypeId::Int16), -32768),
            Value::Int(DataType(TypeId::Int16), 32767)),
      Stats(Value::Int(DataType(TypeId::Int32), INT32_MIN),
            Value::Int(DataType(TypeId::Int32), INT32_MAX)),
      Stats(Value::BigInt(INT64_MIN), Value::BigInt(INT64_MAX), 1000 - 2),
      Stats(Value::Float(DataType(TypeId::Float32), -0.0),
            Value::Float(DataType(TypeId::Float32), 3.4028234663852886e38)),
      Stats(Value::Double(4.9406564584124654e-324), Value::Double(0.1 + 0.2)),
      Stats(Value::Decimal(DataType::Decimal(9, 2), -999999999),
            Value::Decimal(DataType::Decimal(9, 2), 12345)),
      Stats(Value::Decimal(d38, -Big(99999999999999999, 999999999999999999)),
            Value::Decimal(d38, Big(99999999999999999, 999999999999999999))),
      Stats(Value::String("\"quoted\" \\ and \xc3\xa9\n"), Value::String("z\xff\xfe not utf8")),
      Stats(Value::Date(-719162), Value::Date(2932896)),
      Stats(Value::Timestamp(-62135596800000000), Value::Timestamp(253402300799999999)),
  };
  return b;
}

TEST(TableSegmentTest, JsonRoundTripIsLossless) {
  BlockMeta all_null;
  all_null.location = BlockKey("0b5e0c38-1a71-4c39-9a0b-5d1fa2a0b002");
  all_null.row_count = 5;
  all_null.file_size = 99;
  for (const Field& f : AllTypesSchema()) {
    all_null.columns.push_back(Stats(Value::Null(f.type), Value::Null(f.type), 5));
  }
  SegmentInfo seg = SegmentInfo::FromBlocks(AllTypesSchema(), {ExtremeBlock(), all_null});
  Result<std::string> json = seg.Serialize();
  ASSERT_TRUE(json.ok()) << json.status().ToString();
  Result<SegmentInfo> back = SegmentInfo::Parse(*json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  ExpectSameSchema(back->schema, seg.schema);
  ASSERT_EQ(back->blocks.size(), 2u);
  const BlockMeta& b = back->blocks[0];
  for (size_t i = 0; i < b.columns.size(); ++i) {
    SCOPED_TRACE(seg.schema[i].name);
    const ColumnStats& want = seg.blocks[0].columns[i];
    EXPECT_EQ(b.columns[i].min.type(), want.min.type());
    EXPECT_EQ(b.columns[i].min.ToString(), want.min.ToString());
    EXPECT_EQ(b.columns[i].max.ToString(), want.max.ToString());
    EXPECT_TRUE(b.columns[i] == want);
  }
  // -0.0 keeps its sign; the smallest subnormal and 0.1 + 0.2 keep every bit.
  EXPECT_TRUE(std::signbit(b.columns[5].min.GetDouble()));
  EXPECT_EQ(b.columns[6].min.GetDouble(), 4.9406564584124654e-324);
  EXPECT_EQ(b.columns[6].max.GetDouble(), 0.1 + 0.2);
  EXPECT_TRUE(back->blocks == seg.blocks);
  EXPECT_TRUE(back->summary == seg.summary);
  EXPECT_EQ(back->format_version, 1);
  EXPECT_EQ(back->summary.row_count, 1005u);
  EXPECT_EQ(back->summary.block_count, 2u);
  EXPECT_EQ(back->summary.columns[4].null_count, 998u + 5u);
  // The all-NULL block does not widen the bounds.
  EXPECT_EQ(back->summary.columns[3].min.GetInt(), INT32_MIN);
}

TEST(TableSegmentTest, NonFiniteDoublesRoundTrip) {
  Schema schema = {{"f", DataType(TypeId::Float64), true}};
  BlockMeta b;
  b.location = BlockKey("u1");
  b.row_count = 3;
  b.columns = {Stats(Value::Double(-std::numeric_limits<double>::infinity()),
                     Value::Double(std::numeric_limits<double>::quiet_NaN()))};
  SegmentInfo seg = SegmentInfo::FromBlocks(schema, {b});
  Result<std::string> json = seg.Serialize();
  ASSERT_TRUE(json.ok());
  EXPECT_NE(json->find("\"-Infinity\""), std::string::npos);
  EXPECT_NE(json->find("\"NaN\""), std::string::npos);
  Result<SegmentInfo> back = SegmentInfo::Parse(*json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_TRUE(std::isinf(back->blocks[0].columns[0].min.GetDouble()));
  EXPECT_TRUE(std::isnan(back->blocks[0].columns[0].max.GetDouble()));
}

TEST(TableSegmentTest, DamagedDocumentsAreErrors) {
  SegmentInfo seg = SegmentInfo::FromBlocks(AllTypesSchema(), {ExtremeBlock()});
  std::string json = *seg.Serialize();
  // Every prefix of a valid document is invalid, and none may crash.
  for (size_t n = 0; n < json.size(); n += 7) {
    Result<SegmentInfo> r = SegmentInfo::Parse(json.substr(0, n));
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_EQ(r.status().code(), ErrorCode::StorageOther);
  }
  auto parse_with = [&](const std::string& from, const std::string& to) {
    std::string doc = json;
    size_t at = doc.find(from);
    EXPECT_NE(at, std::string::npos) << from;
    doc.replace(at, from.size(), to);
    return SegmentInfo::Parse(doc);
  };
  Result<SegmentInfo> r = parse_with("\"format_version\":1", "\"format_version\":2");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("format version 2"), std::string::npos)
      << r.status().message();
  r = parse_with("\"row_count\":1000", "\"row_count\":-1");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("row_count"), std::string::npos) << r.status().message();
  r = parse_with("\"min\":-128", "\"min\":-129");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("out of range"), std::string::npos);
  r = parse_with("\"location\":\"_b/", "\"location\":\"../");
  ASSERT_FALSE(r.ok());
  r = parse_with("\"type\":\"BIGINT\"", "\"type\":\"WIDGET\"");
  ASSERT_FALSE(r.ok());
  r = parse_with("\"min\":\"-999999999\"", "\"min\":\"-1000000000\"");
  ASSERT_FALSE(r.ok());
  EXPECT_FALSE(SegmentInfo::Parse("[]").ok());
  EXPECT_FALSE(SegmentInfo::Parse("").ok());
  EXPECT_FALSE(SegmentInfo::Parse(std::string("\0\xff", 2)).ok());
}

TEST(TableSnapshotTest, JsonRoundTrip) {
  TableSnapshot snap;
  snap.snapshot_id = "5f1d6c1e-2d4b-4b6e-8f51-6b0e3c7c9a10";
  snap.previous_location = SnapshotKey("0a0a0a0a-2d4b-4b6e-8f51-6b0e3c7c9a10");
  snap.timestamp_ms = 1700000000123;
  snap.schema = AllTypesSchema();
  snap.segments = {SegmentKey("s1"), SegmentKey("s2")};
  snap.statistics = SegmentInfo::FromBlocks(AllTypesSchema(), {ExtremeBlock()}).summary;
  Result<std::string> json = snap.Serialize();
  ASSERT_TRUE(json.ok());
  Result<TableSnapshot> back = TableSnapshot::Parse(*json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->snapshot_id, snap.snapshot_id);
  EXPECT_EQ(back->previous_location, snap.previous_location);
  EXPECT_EQ(back->timestamp_ms, snap.timestamp_ms);
  ExpectSameSchema(back->schema, snap.schema);
  EXPECT_EQ(back->segments, snap.segments);
  EXPECT_TRUE(back->statistics == snap.statistics);

  TableSnapshot first;
  first.snapshot_id = "x";
  Result<TableSnapshot> empty = TableSnapshot::Parse(*first.Serialize());
  ASSERT_TRUE(empty.ok()) << empty.status().ToString();
  EXPECT_TRUE(empty->previous_location.empty());
  EXPECT_TRUE(empty->segments.empty());

  std::string bad = *json;
  bad.replace(bad.find(SegmentKey("s1")), SegmentKey("s1").size(), "_b/s1_v1.json");
  EXPECT_FALSE(TableSnapshot::Parse(bad).ok());
}

TEST(TableColumnStatsTest, MergeTreatsAllNullAndUnknownDifferently) {
  DataType t(TypeId::Int64);
  ColumnStats a = Stats(Value::BigInt(5), Value::BigInt(9), 1);
  ColumnStats all_null = Stats(Value::Null(t), Value::Null(t), 4);
  ColumnStats unknown = Stats(Value::Null(t), Value::Null(t), 1);
  ColumnStats m = MergeColumnStats(a, 10, all_null, 4);
  EXPECT_EQ(m.min.GetInt(), 5);
  EXPECT_EQ(m.max.GetInt(), 9);
  EXPECT_EQ(m.null_count, 5u);
  m = MergeColumnStats(a, 10, unknown, 4);
  EXPECT_TRUE(IsUnknownBound(m.min, m.null_count, 14));
  EXPECT_TRUE(IsUnknownBound(m.max, m.null_count, 14));
  m = MergeColumnStats(a, 10, Stats(Value::BigInt(-3), Value::BigInt(7)), 2);
  EXPECT_EQ(m.min.GetInt(), -3);
  EXPECT_EQ(m.max.GetInt(), 9);
  m = MergeColumnStats(ColumnStats{}, 0, a, 10);
  EXPECT_TRUE(m == a);
}

TEST(TableColumnStatsTest, LongStringBoundsStayBounds) {
  std::string lo(100, 'a');
  std::string hi = std::string(70, 'z') + "\xff\xff";
  ColumnStats s = ShortenStringBounds(Stats(Value::String(lo), Value::String(hi)));
  EXPECT_LE(s.min.GetString().size(), kMaxStatsStringBytes);
  EXPECT_LE(s.max.GetString().size(), kMaxStatsStringBytes);
  EXPECT_LE(s.min.GetString(), lo);
  EXPECT_GT(s.max.GetString(), hi);
  ColumnStats ff =
      ShortenStringBounds(Stats(Value::String("a"), Value::String(std::string(100, '\xff'))));
  EXPECT_TRUE(IsUnknownBound(ff.max, 0, 10));
  EXPECT_EQ(ff.min.GetString(), "a");
}

TEST(TablePruningTest, ComparisonsAgainstBounds) {
  Schema schema = {{"x", DataType(TypeId::Int64), true}, {"s", DataType(TypeId::String), true}};
  std::vector<ColumnStats> stats = {Stats(Value::BigInt(10), Value::BigInt(20), 2),
                                    Stats(Value::String("b"), Value::String("d"))};
  using Op = PruningPredicate::Op;
  auto may = [&](const std::string& col, Op op, std::vector<Value> values) {
    PruningPredicate p;
    p.Add(col, op, std::move(values));
    return p.MayMatch(schema, stats, 100);
  };
  auto i = [](int64_t v) { return Value::BigInt(v); };
  EXPECT_TRUE(may("x", Op::kEq, {i(10)}));
  EXPECT_TRUE(may("x", Op::kEq, {i(20)}));
  EXPECT_FALSE(may("x", Op::kEq, {i(9)}));
  EXPECT_FALSE(may("x", Op::kEq, {i(21)}));
  EXPECT_FALSE(may("x", Op::kLt, {i(10)}));
  EXPECT_TRUE(may("x", Op::kLe, {i(10)}));
  EXPECT_FALSE(may("x", Op::kGt, {i(20)}));
  EXPECT_TRUE(may("x", Op::kGe, {i(20)}));
  EXPECT_TRUE(may("x", Op::kBetween, {i(0), i(10)}));
  EXPECT_FALSE(may("x", Op::kBetween, {i(21), i(30)}));
  EXPECT_FALSE(may("x", Op::kBetween, {i(0), i(9)}));
  EXPECT_TRUE(may("x", Op::kIn, {i(1), i(15)}));
  EXPECT_FALSE(may("x", Op::kIn, {i(1), i(25), Value::Null(DataType(TypeId::Int64))}));
  EXPECT_TRUE(may("x", Op::kIsNull, {}));
  EXPECT_TRUE(may("x", Op::kIsNotNull, {}));
  EXPECT_FALSE(may("s", Op::kIsNull, {}));
  EXPECT_FALSE(may("s", Op::kEq, {Value::String("a")}));
  EXPECT_TRUE(may("s", Op::kEq, {Value::String("c")}));
  EXPECT_FALSE(may("x", Op::kEq, {Value::Null(DataType(TypeId::Int64))}));
  // Wrong constant type or unknown column: keep the data.
  EXPECT_TRUE(may("x", Op::kEq, {Value::Double(99.5)}));
  EXPECT_TRUE(may("nope", Op::kEq, {i(99)}));
  // A conjunction prunes when any term does.
  PruningPredicate both;
  both.Add("x", Op::kGe, {i(15)}).Add("s", Op::kGt, {Value::String("x")});
  EXPECT_FALSE(both.MayMatch(schema, stats, 100));
  EXPECT_EQ(both.ToString(), "x >= 15 AND s > x");
}

TEST(TablePruningTest, NullsAndUnknownBounds) {
  Schema schema = {{"x", DataType(TypeId::Float64), true}};
  DataType t(TypeId::Float64);
  using Op = PruningPredicate::Op;
  PruningPredicate gt;
  gt.Add("x", Op::kGt, {Value::Double(100)});
  PruningPredicate is_null;
  is_null.Add("x", Op::kIsNull);
  PruningPredicate not_null;
  not_null.Add("x", Op::kIsNotNull);
  // All NULL: only IS NULL may match.
  std::vector<ColumnStats> all_null = {Stats(Value::Null(t), Value::Null(t), 10)};
  EXPECT_FALSE(gt.MayMatch(schema, all_null, 10));
  EXPECT_TRUE(is_null.MayMatch(schema, all_null, 10));
  EXPECT_FALSE(not_null.MayMatch(schema, all_null, 10));
  // Unknown bounds never prune.
  std::vector<ColumnStats> unknown = {Stats(Value::Null(t), Value::Null(t), 0)};
  EXPECT_TRUE(gt.MayMatch(schema, unknown, 10));
  // A NaN maximum (the data holds NaN) never prunes "greater than".
  std::vector<ColumnStats> nan_max = {
      Stats(Value::Double(1), Value::Double(std::numeric_limits<double>::quiet_NaN()))};
  EXPECT_TRUE(gt.MayMatch(schema, nan_max, 10));
  std::vector<ColumnStats> small = {Stats(Value::Double(1), Value::Double(2))};
  EXPECT_FALSE(gt.MayMatch(schema, small, 10));
  // No rows: nothing matches.
  EXPECT_FALSE(PruningPredicate().MayMatch(schema, small, 0));
}

}  // namespace
}  // namespace strata
