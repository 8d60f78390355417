// Damaged Parquet files must give error 1201 (or, when the damage hits only values,
// well-formed data), never a crash or an out-of-bounds read. CI runs this under
// ASan/UBSan too.
#include <gtest/gtest.h>

#include "format/parquet/parquet_reader.h"
#include "format/parquet/parquet_writer.h"
#include "parquet_test_data.h"

namespace strata {
namespace {

std::string SmallFile(ParquetCompression codec, bool dictionary) {
  Schema schema = {
      {"b", DataType(TypeId::Boolean), true},     {"i32", DataType(TypeId::Int32), false},
      {"i64", DataType(TypeId::Int64), true},     {"f64", DataType(TypeId::Float64), true},
      {"d38", DataType::Decimal(38, 3), true},    {"s", DataType(TypeId::String), true},
      {"s_low", DataType(TypeId::String), false}, {"ts", DataType(TypeId::Timestamp), true}};
  auto chunks = testing::MakeChunks(schema, {60, 40}, 25);
  ParquetWriteOptions options;
  options.compression = codec;
  options.dictionary = dictionary;
  options.row_group_rows = 50;
  options.page_bytes = 128;
  auto w = WriteParquet(schema, chunks, options);
  EXPECT_TRUE(w.ok());
  return w.ok() ? w->file : std::string();
}

// Opens and reads everything; returns false (with a reason) when the outcome is neither
// success with well-formed columns nor error 1201.
bool ReadsSafely(const std::string& bytes, uint64_t file_size, std::string* why,
                 bool* open_failed = nullptr) {
  testing::MemoryFile file{bytes};
  auto reader = ParquetReader::Open("damaged.parquet", file_size, file.Reader());
  if (open_failed) *open_failed = !reader.ok();
  if (!reader.ok()) {
    if (reader.status().code() == ErrorCode::ParquetFileInvalid) return true;
    *why = "Open: " + reader.status().ToString();
    return false;
  }
  std::vector<size_t> all((*reader)->schema().size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  for (size_t g = 0; g < (*reader)->num_row_groups(); ++g) {
    for (size_t c = 0; c < all.size(); ++c) (void)(*reader)->row_group_statistics(g, c);
    auto chunk = (*reader)->ReadRowGroup(g, all);
    if (!chunk.ok()) {
      if (chunk.status().code() == ErrorCode::ParquetFileInvalid) continue;
      *why = "ReadRowGroup: " + chunk.status().ToString();
      return false;
    }
    for (size_t c = 0; c < chunk->num_columns(); ++c) {
      const Column& col = *chunk->column(c);
      if (col.size() != chunk->num_rows()) {
        *why = "column size differs from the row count";
        return false;
      }
      for (size_t r = 0; r < col.size(); ++r) (void)col.GetValue(r);
    }
  }
  return true;
}

class CorruptionTest : public ::testing::TestWithParam<std::tuple<ParquetCompression, bool>> {};

TEST_P(CorruptionTest, TruncatedFilesAreInvalid) {
  auto [codec, dictionary] = GetParam();
  std::string file = SmallFile(codec, dictionary);
  ASSERT_FALSE(file.empty());
  std::string why;
  ASSERT_TRUE(ReadsSafely(file, file.size(), &why)) << why;
  for (size_t len = 0; len < file.size(); ++len) {
    std::string cut = file.substr(0, len);
    testing::MemoryFile mem{cut};
    auto reader = ParquetReader::Open("cut.parquet", cut.size(), mem.Reader());
    ASSERT_FALSE(reader.ok()) << "truncated to " << len << " bytes yet opened";
    EXPECT_EQ(reader.status().code(), ErrorCode::ParquetFileInvalid) << len;
  }
}

TEST_P(CorruptionTest, FlippedBytesNeverCrash) {
  auto [codec, dictionary] = GetParam();
  std::string file = SmallFile(codec, dictionary);
  ASSERT_FALSE(file.empty());
  size_t errors = 0;
  for (size_t pos = 0; pos < file.size(); ++pos) {
    for (uint8_t mask : {0x01, 0x80, 0xFF}) {
      std::string damaged = file;
      damaged[pos] = static_cast<char>(damaged[pos] ^ mask);
      std::string why;
      bool open_failed = false;
      ASSERT_TRUE(ReadsSafely(damaged, damaged.size(), &why, &open_failed))
          << "byte " << pos << " ^ " << int{mask} << ": " << why;
      errors += open_failed;
    }
  }
  // Damage in the footer must be noticed most of the time, not silently accepted.
  EXPECT_GT(errors, 0u);
}

TEST_P(CorruptionTest, DamagedPagesAreReportedWithTheFileName) {
  auto [codec, dictionary] = GetParam();
  std::string file = SmallFile(codec, dictionary);
  // Overwrite the middle of the data (pages) with garbage: reading must fail cleanly.
  std::string damaged = file;
  for (size_t i = 8; i < file.size() / 2; ++i) damaged[i] = static_cast<char>(i * 131);
  testing::MemoryFile mem{damaged};
  auto reader = ParquetReader::Open("bucket/key.parquet", damaged.size(), mem.Reader());
  ASSERT_TRUE(reader.ok()) << "the footer is intact";
  bool failed = false;
  for (size_t c = 0; c < (*reader)->schema().size(); ++c) {
    auto chunk = (*reader)->ReadRowGroup(0, {c});
    if (!chunk.ok()) {
      failed = true;
      EXPECT_EQ(chunk.status().code(), ErrorCode::ParquetFileInvalid);
      EXPECT_NE(chunk.status().message().find("bucket/key.parquet"), std::string::npos);
    }
  }
  EXPECT_TRUE(failed);
}

INSTANTIATE_TEST_SUITE_P(Codecs, CorruptionTest,
                         ::testing::Combine(::testing::Values(ParquetCompression::kUncompressed,
                                                              ParquetCompression::kZstd,
                                                              ParquetCompression::kSnappy,
                                                              ParquetCompression::kLz4Raw),
                                            ::testing::Bool()));

TEST(ParquetCorruption, NotParquetAtAll) {
  for (std::string bytes :
       {std::string(), std::string("PAR1"), std::string(100, 'x'),
        std::string("PAR1") + std::string(20, '\0') + "PAR1",
        std::string("PAR1") + std::string(4, '\xff') + "\xff\xff\xff\x7fPAR1"}) {
    testing::MemoryFile mem{bytes};
    auto reader = ParquetReader::Open("junk", bytes.size(), mem.Reader());
    ASSERT_FALSE(reader.ok());
    EXPECT_EQ(reader.status().code(), ErrorCode::ParquetFileInvalid);
    EXPECT_NE(reader.status().message().find("junk"), std::string::npos);
  }
}

}  // namespace
}  // namespace strata
