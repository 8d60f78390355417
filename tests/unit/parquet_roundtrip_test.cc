// Round trips through strata's Parquet writer and reader: every type, NULLs, codecs,
// dictionary and plain, pages, row groups, statistics and the reads the reader makes.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <tuple>

#include "format/parquet/parquet_reader.h"
#include "format/parquet/parquet_writer.h"
#include "parquet_test_data.h"

namespace strata {
namespace {

using testing::AllTypesSchema;
using testing::ExpectSameRows;
using testing::MakeChunks;
using testing::MemoryFile;
using testing::ReadAll;

std::unique_ptr<ParquetReader> OpenOrDie(MemoryFile& file) {
  auto reader = ParquetReader::Open("test.parquet", file.bytes.size(), file.Reader());
  EXPECT_TRUE(reader.ok()) << reader.status().ToString();
  return reader.ok() ? std::move(reader).value() : nullptr;
}

// (codec, dictionary, nullable)
class RoundTripTest : public ::testing::TestWithParam<std::tuple<ParquetCompression, bool, bool>> {
};

TEST_P(RoundTripTest, EveryTypeSurvives) {
  auto [codec, dictionary, nullable] = GetParam();
  Schema schema = AllTypesSchema(nullable);
  auto chunks = MakeChunks(schema, {1000, 0, 2500, 7}, nullable ? 20 : 0);
  ParquetWriteOptions options;
  options.compression = codec;
  options.dictionary = dictionary;
  options.row_group_rows = 1500;
  options.page_bytes = 2000;  // many pages per chunk
  auto written = WriteParquet(schema, chunks, options);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  EXPECT_EQ(written->num_rows, 3507u);

  MemoryFile file{written->file};
  auto reader = OpenOrDie(file);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->num_rows(), 3507u);
  ASSERT_EQ(reader->num_row_groups(), 3u);
  EXPECT_EQ(reader->row_group_rows(0), 1500u);
  EXPECT_EQ(reader->row_group_rows(2), 507u);
  ASSERT_EQ(reader->schema().size(), schema.size());
  for (size_t i = 0; i < schema.size(); ++i) {
    EXPECT_EQ(reader->schema()[i].name, schema[i].name);
    EXPECT_EQ(reader->schema()[i].type, schema[i].type) << schema[i].name;
    EXPECT_EQ(reader->schema()[i].nullable, nullable);
  }
  ExpectSameRows(chunks, ReadAll(*reader), schema.size());
}

INSTANTIATE_TEST_SUITE_P(CodecsAndEncodings, RoundTripTest,
                         ::testing::Combine(::testing::Values(ParquetCompression::kUncompressed,
                                                              ParquetCompression::kSnappy,
                                                              ParquetCompression::kZstd,
                                                              ParquetCompression::kLz4Raw),
                                            ::testing::Bool(), ::testing::Bool()));

TEST(ParquetRoundTrip, EmptyInputGivesAReadableFile) {
  Schema schema = AllTypesSchema(true);
  for (const auto& chunks : {std::vector<Chunk>{}, MakeChunks(schema, {0, 0}, 0)}) {
    auto written = WriteParquet(schema, chunks);
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    MemoryFile file{written->file};
    auto reader = OpenOrDie(file);
    ASSERT_NE(reader, nullptr);
    EXPECT_EQ(reader->num_rows(), 0u);
    EXPECT_EQ(reader->num_row_groups(), 0u);
    EXPECT_EQ(reader->schema().size(), schema.size());
    for (const ColumnStatistics& s : written->columns) {
      EXPECT_TRUE(s.min.is_null());
      EXPECT_EQ(s.null_count, 0u);
    }
  }
}

TEST(ParquetRoundTrip, AllNullColumnsAndNullType) {
  Schema schema = {{"n", DataType(TypeId::Null), true},
                   {"s", DataType(TypeId::String), true},
                   {"i", DataType(TypeId::Int64), true}};
  std::vector<ColumnPtr> cols;
  for (const Field& f : schema) {
    auto c = MakeColumn(f.type);
    for (int i = 0; i < 100; ++i) c->AppendNull();
    cols.push_back(c);
  }
  std::vector<Chunk> chunks;
  chunks.emplace_back(cols, 100);
  auto written = WriteParquet(schema, chunks);
  ASSERT_TRUE(written.ok()) << written.status().ToString();
  for (const ColumnStatistics& s : written->columns) {
    EXPECT_TRUE(s.min.is_null());
    EXPECT_TRUE(s.max.is_null());
    EXPECT_EQ(s.null_count, 100u);
  }
  MemoryFile file{written->file};
  auto reader = OpenOrDie(file);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(reader->schema()[0].type.id, TypeId::Null);
  auto read = ReadAll(*reader);
  ASSERT_EQ(read.size(), 1u);
  for (size_t c = 0; c < 3; ++c) {
    EXPECT_EQ(read[0].column(c)->size(), 100u);
    EXPECT_EQ(read[0].column(c)->NullCount(), 100u) << c;
  }
  EXPECT_EQ(reader->row_group_statistics(0, 1).null_count, 100u);
  EXPECT_TRUE(reader->row_group_statistics(0, 1).min.is_null());
}

TEST(ParquetRoundTrip, LongAndUnicodeStrings) {
  Schema schema = {{"s", DataType(TypeId::String), true}};
  auto col = MakeColumn(DataType(TypeId::String));
  std::string big(300000, 'x');
  for (size_t i = 0; i < big.size(); i += 97) big[i] = static_cast<char>('a' + i % 26);
  std::vector<std::string> values = {big,
                                     "",
                                     "naïve café",
                                     "日本語のテキスト",
                                     "😀 emoji",
                                     std::string("nul\0inside", 10),
                                     big.substr(5, 70000)};
  for (const auto& v : values) col->AppendString(v);
  col->AppendNull();
  std::vector<Chunk> chunks;
  chunks.emplace_back(std::vector<ColumnPtr>{col}, col->size());
  for (bool dictionary : {false, true}) {
    ParquetWriteOptions options;
    options.dictionary = dictionary;
    options.page_bytes = 1000;
    auto written = WriteParquet(schema, chunks, options);
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    MemoryFile file{written->file};
    auto reader = OpenOrDie(file);
    ASSERT_NE(reader, nullptr);
    ExpectSameRows(chunks, ReadAll(*reader), 1);
    EXPECT_EQ(written->columns[0].min.GetString(), "");
    EXPECT_EQ(written->columns[0].max.GetString(), "😀 emoji");  // bytewise: 0xF0 is largest
  }
}

TEST(ParquetRoundTrip, DictionaryShrinksRepetitiveColumns) {
  Schema schema = {{"s", DataType(TypeId::String), false}, {"k", DataType(TypeId::Int64), false}};
  auto s = MakeColumn(schema[0].type);
  auto k = MakeColumn(schema[1].type);
  for (int i = 0; i < 50000; ++i) {
    s->AppendString("customer_name_" + std::to_string(i % 100));
    k->Append<int64_t>(i % 1000);
  }
  std::vector<Chunk> chunks;
  chunks.emplace_back(std::vector<ColumnPtr>{s, k}, 50000);
  ParquetWriteOptions plain, dict;
  plain.compression = dict.compression = ParquetCompression::kUncompressed;
  plain.dictionary = false;
  auto p = WriteParquet(schema, chunks, plain);
  auto d = WriteParquet(schema, chunks, dict);
  ASSERT_TRUE(p.ok() && d.ok());
  EXPECT_LT(d->columns[0].compressed_bytes * 5, p->columns[0].compressed_bytes);
  EXPECT_LT(d->columns[1].compressed_bytes * 3, p->columns[1].compressed_bytes);
  MemoryFile file{d->file};
  auto reader = OpenOrDie(file);
  ASSERT_NE(reader, nullptr);
  ExpectSameRows(chunks, ReadAll(*reader), 2);
}

TEST(ParquetRoundTrip, UniqueValuesStayPlain) {
  Schema schema = {{"k", DataType(TypeId::Int64), false}};
  auto k = MakeColumn(schema[0].type);
  for (int64_t i = 0; i < 100000; ++i) k->Append<int64_t>(i * 7919);
  std::vector<Chunk> chunks;
  chunks.emplace_back(std::vector<ColumnPtr>{k}, 100000);
  ParquetWriteOptions options;
  options.compression = ParquetCompression::kUncompressed;
  auto w = WriteParquet(schema, chunks, options);
  ASSERT_TRUE(w.ok());
  // PLAIN: 8 bytes a value plus page headers; a dictionary would add its own 8 bytes a value.
  EXPECT_LT(w->columns[0].compressed_bytes, 100000u * 8 + 4096);
  MemoryFile file{w->file};
  auto reader = OpenOrDie(file);
  ASSERT_NE(reader, nullptr);
  ExpectSameRows(chunks, ReadAll(*reader), 1);
}

TEST(ParquetRoundTrip, StatisticsFollowTypeOrder) {
  Schema schema = {{"i", DataType(TypeId::Int32), true},
                   {"s", DataType(TypeId::String), true},
                   {"d", DataType::Decimal(38, 2), true},
                   {"f", DataType(TypeId::Float64), true},
                   {"ts", DataType(TypeId::Timestamp), false}};
  auto i = MakeColumn(schema[0].type);
  auto s = MakeColumn(schema[1].type);
  auto d = MakeColumn(schema[2].type);
  auto f = MakeColumn(schema[3].type);
  auto ts = MakeColumn(schema[4].type);
  int32_t ints[] = {5, -7, 100, -2};
  const char* strs[] = {"b", "Z", "é", "a"};
  int128_t decs[] = {-(static_cast<int128_t>(1) << 100), 3, static_cast<int128_t>(1) << 90, -1};
  double floats[] = {0.0, 2.5, std::numeric_limits<double>::quiet_NaN(), 1.0};
  for (int r = 0; r < 4; ++r) {
    i->Append<int32_t>(ints[r]);
    s->AppendString(strs[r]);
    d->Append<int128_t>(decs[r]);
    f->Append<double>(floats[r]);
    ts->Append<int64_t>(1700000000000000LL + r);
  }
  i->AppendNull();
  s->AppendNull();
  d->AppendNull();
  f->AppendNull();
  ts->Append<int64_t>(-5);
  std::vector<Chunk> chunks;
  chunks.emplace_back(std::vector<ColumnPtr>{i, s, d, f, ts}, 5);
  auto w = WriteParquet(schema, chunks);
  ASSERT_TRUE(w.ok()) << w.status().ToString();
  MemoryFile file{w->file};
  auto reader = OpenOrDie(file);
  ASSERT_NE(reader, nullptr);
  for (int from_file = 0; from_file < 2; ++from_file) {
    auto stat = [&](size_t c) {
      return from_file ? reader->row_group_statistics(0, c) : w->columns[c];
    };
    EXPECT_EQ(stat(0).min, Value::Int(DataType(TypeId::Int32), -7));
    EXPECT_EQ(stat(0).max, Value::Int(DataType(TypeId::Int32), 100));
    EXPECT_EQ(stat(0).null_count, 1u);
    EXPECT_EQ(stat(1).min, Value::String("Z"));
    EXPECT_EQ(stat(1).max, Value::String("é"));
    EXPECT_EQ(stat(2).min, Value::Decimal(schema[2].type, decs[0]));
    EXPECT_EQ(stat(2).max, Value::Decimal(schema[2].type, decs[2]));
    EXPECT_EQ(stat(3).min.GetDouble(), 0.0);
    EXPECT_TRUE(std::signbit(stat(3).min.GetDouble())) << "zero minimum is written as -0.0";
    EXPECT_EQ(stat(3).max.GetDouble(), 2.5);
    EXPECT_EQ(stat(4).min, Value::Timestamp(-5));
    EXPECT_EQ(stat(4).max, Value::Timestamp(1700000000000003LL));
    EXPECT_EQ(stat(4).null_count, 0u);
    EXPECT_GT(stat(1).compressed_bytes, 0u);
    EXPECT_GT(stat(1).uncompressed_bytes, 0u);
  }
}

TEST(ParquetRoundTrip, StatisticsMergeAcrossRowGroups) {
  Schema schema = {{"i", DataType(TypeId::Int64), true}};
  auto chunks = MakeChunks(schema, {3000}, 10);
  ParquetWriteOptions options;
  options.row_group_rows = 700;
  auto w = WriteParquet(schema, chunks, options);
  ASSERT_TRUE(w.ok());
  MemoryFile file{w->file};
  auto reader = OpenOrDie(file);
  ASSERT_NE(reader, nullptr);
  ASSERT_EQ(reader->num_row_groups(), 5u);
  Value min, max;
  uint64_t nulls = 0, bytes = 0;
  for (size_t g = 0; g < 5; ++g) {
    ColumnStatistics s = reader->row_group_statistics(g, 0);
    if (min.is_null() || s.min.Compare(min) < 0) min = s.min;
    if (max.is_null() || s.max.Compare(max) > 0) max = s.max;
    nulls += s.null_count;
    bytes += s.compressed_bytes;
  }
  EXPECT_EQ(min, w->columns[0].min);
  EXPECT_EQ(max, w->columns[0].max);
  EXPECT_EQ(nulls, w->columns[0].null_count);
  EXPECT_EQ(nulls, chunks[0].column(0)->NullCount());
  EXPECT_EQ(bytes, w->columns[0].compressed_bytes);
}

TEST(ParquetRoundTrip, NotNullFieldRejectsNulls) {
  Schema schema = {{"i", DataType(TypeId::Int32), false}};
  auto c = MakeColumn(schema[0].type);
  c->Append<int32_t>(1);
  c->AppendNull();
  std::vector<Chunk> chunks;
  chunks.emplace_back(std::vector<ColumnPtr>{c}, 2);
  auto w = WriteParquet(schema, chunks);
  ASSERT_FALSE(w.ok());
  EXPECT_EQ(w.status().code(), ErrorCode::Internal);
}

TEST(ParquetRoundTrip, MismatchedChunkIsAnError) {
  Schema schema = {{"i", DataType(TypeId::Int32), true}};
  auto c = MakeColumn(DataType(TypeId::Int64));
  c->Append<int64_t>(1);
  std::vector<Chunk> chunks;
  chunks.emplace_back(std::vector<ColumnPtr>{c}, 1);
  EXPECT_FALSE(WriteParquet(schema, chunks).ok());
}

TEST(ParquetReader, OpenReadsTheFooterInOneRequestWhenSmall) {
  Schema schema = AllTypesSchema(true);
  auto w = WriteParquet(schema, MakeChunks(schema, {100}, 10));
  ASSERT_TRUE(w.ok());
  MemoryFile file{w->file};
  auto reader = OpenOrDie(file);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(file.reads, 1);
}

TEST(ParquetReader, LargeFooterTakesTwoRequests) {
  // Many columns with long names make a footer larger than the first 64 KiB read.
  Schema schema;
  for (int i = 0; i < 400; ++i) {
    schema.push_back({"column_with_a_rather_long_name_" + std::string(150, 'x') + std::to_string(i),
                      DataType(TypeId::Int32), true});
  }
  auto w = WriteParquet(schema, MakeChunks(schema, {3}, 10));
  ASSERT_TRUE(w.ok());
  MemoryFile file{w->file};
  auto reader = OpenOrDie(file);
  ASSERT_NE(reader, nullptr);
  EXPECT_EQ(file.reads, 2);
  EXPECT_GT(reader->FileMetadataBytes().size(), 64u * 1024);

  // A caller that cached the footer opens without any read.
  file.reads = 0;
  auto again = ParquetReader::OpenWithMetadata("cached", file.bytes.size(),
                                               reader->FileMetadataBytes(), file.Reader());
  ASSERT_TRUE(again.ok()) << again.status().ToString();
  EXPECT_EQ(file.reads, 0);
  auto chunk = (*again)->ReadRowGroup(0, {399, 0});
  ASSERT_TRUE(chunk.ok()) << chunk.status().ToString();
  EXPECT_EQ(chunk->num_rows(), 3u);
}

TEST(ParquetReader, ReadsOnlyAskedColumnsCoalescingNeighbours) {
  Schema schema = {{"a", DataType(TypeId::Int64), false},
                   {"big", DataType(TypeId::String), false},
                   {"c", DataType(TypeId::Int64), false},
                   {"d", DataType(TypeId::Int64), false}};
  std::vector<ColumnPtr> cols;
  testing::TestRng rng(7);
  for (const Field& f : schema) {
    auto col = MakeColumn(f.type);
    for (int r = 0; r < 20000; ++r) {
      if (f.name == "big") {
        std::string s(200, 'a');
        for (char& ch : s) ch = static_cast<char>('a' + rng.Range(0, 25));
        col->AppendString(s);
      } else {
        col->Append<int64_t>(static_cast<int64_t>(rng.Next()));
      }
    }
    cols.push_back(col);
  }
  std::vector<Chunk> chunks;
  chunks.emplace_back(cols, 20000);
  ParquetWriteOptions options;
  options.compression = ParquetCompression::kUncompressed;
  auto w = WriteParquet(schema, chunks, options);
  ASSERT_TRUE(w.ok());
  ASSERT_GT(w->columns[1].compressed_bytes, 2u << 20) << "big must exceed the coalescing gap";
  MemoryFile file{w->file};
  auto reader = OpenOrDie(file);
  ASSERT_NE(reader, nullptr);

  // c and d are adjacent: one request. a is separated from them by big: two requests.
  file.reads = 0;
  file.bytes_read = 0;
  auto cd = reader->ReadRowGroup(0, {3, 2});
  ASSERT_TRUE(cd.ok());
  EXPECT_EQ(file.reads, 1);
  EXPECT_EQ(file.bytes_read, w->columns[2].compressed_bytes + w->columns[3].compressed_bytes);
  EXPECT_EQ(cd->column(0)->GetValue(5), chunks[0].column(3)->GetValue(5));
  EXPECT_EQ(cd->column(1)->GetValue(5), chunks[0].column(2)->GetValue(5));

  file.reads = 0;
  auto ad = reader->ReadRowGroup(0, {0, 3, 0});
  ASSERT_TRUE(ad.ok());
  EXPECT_EQ(file.reads, 2);
  ASSERT_EQ(ad->num_columns(), 3u);
  EXPECT_EQ(ad->column(2)->GetValue(19999), chunks[0].column(0)->GetValue(19999));

  auto none = reader->ReadRowGroup(0, {});
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(none->num_rows(), 20000u);
  EXPECT_FALSE(reader->ReadRowGroup(1, {0}).ok());
  EXPECT_FALSE(reader->ReadRowGroup(0, {4}).ok());
}

TEST(ParquetReader, StorageErrorsPassThrough) {
  Schema schema = {{"i", DataType(TypeId::Int32), true}};
  auto w = WriteParquet(schema, MakeChunks(schema, {10}, 0));
  ASSERT_TRUE(w.ok());
  RangeReader failing = [](uint64_t, uint64_t) -> Result<std::string> {
    return Error(ErrorCode::StorageUnavailable, "storage down");
  };
  auto r = ParquetReader::Open("f", w->file.size(), failing);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), ErrorCode::StorageUnavailable);
}

TEST(ColumnBulkStrings, ResizeStringsThenFill) {
  Column c(DataType(TypeId::String));
  c.AppendString("ab");
  c.ResizeStrings(3, 5);
  uint32_t* offsets = c.MutableOffsets();
  EXPECT_EQ(offsets[1], 2u);
  std::memcpy(c.MutableChars() + 2, "cde", 3);
  offsets[2] = 3;
  offsets[3] = 5;
  ASSERT_EQ(c.size(), 3u);
  EXPECT_EQ(c.GetString(0), "ab");
  EXPECT_EQ(c.GetString(1), "c");
  EXPECT_EQ(c.GetString(2), "de");
  c.AppendString("f");
  EXPECT_EQ(c.GetString(3), "f");
  c.ResizeStrings(1, 2);
  EXPECT_EQ(c.size(), 1u);
  EXPECT_EQ(c.CharsSize(), 2u);
}

}  // namespace
}  // namespace strata
