// Cross-checks strata's Parquet writer and reader against DuckDB, an independent
// implementation, through tests/node/parquet_crosscheck.mjs: DuckDB must read strata's
// files with the same values, and strata must read DuckDB's files as DuckDB does.
//
// Skipped (with a message) when node or tests/node/node_modules is missing; run
// `npm install` in tests/node to enable it.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "format/parquet/parquet_reader.h"
#include "format/parquet/parquet_writer.h"
#include "parquet_test_data.h"

namespace strata {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

fs::path NodeDir() {
  if (const char* dir = std::getenv("STRATA_NODE_TESTS_DIR")) return dir;
  // This file is tests/unit/parquet_crosscheck_test.cc; the script lives in tests/node.
  return fs::path(__FILE__).parent_path().parent_path() / "node";
}

std::string ShellQuote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "strata_parquet_XXXXXX").string();
    path_ = mkdtemp(tmpl.data()) ? fs::path(tmpl) : fs::path();
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) fs::remove_all(path_, ec);
  }
  fs::path operator/(const std::string& name) const { return path_ / name; }

 private:
  fs::path path_;
};

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

RunResult RunNode(const std::vector<std::string>& args, const TempDir& tmp) {
  std::string cmd = "cd " + ShellQuote(NodeDir().string()) + " && node parquet_crosscheck.mjs";
  for (const auto& a : args) cmd += " " + ShellQuote(a);
  fs::path err_file = tmp / "stderr.txt";
  cmd += " 2>" + ShellQuote(err_file.string());
  RunResult result;
  FILE* pipe = popen(cmd.c_str(), "r");
  if (pipe == nullptr) return result;
  char buf[65536];
  size_t n;
  while ((n = fread(buf, 1, sizeof(buf), pipe)) > 0) result.out.append(buf, n);
  int status = pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(err_file);
  result.err.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return result;
}

bool NodeAvailable(std::string* why) {
  if (std::system("node --version > /dev/null 2>&1") != 0) {
    *why = "node is not installed";
    return false;
  }
  if (!fs::exists(NodeDir() / "node_modules" / "@duckdb" / "node-api")) {
    *why = "tests/node/node_modules is missing (run `npm install` in tests/node)";
    return false;
  }
  return true;
}

#define SKIP_WITHOUT_NODE()                                                          \
  do {                                                                               \
    std::string why;                                                                 \
    if (!NodeAvailable(&why)) GTEST_SKIP() << "DuckDB cross-check skipped: " << why; \
  } while (0)

// strata's value in the canonical text form parquet_crosscheck.mjs prints.
std::string Canonical(const Value& v) {
  switch (v.type().id) {
    case TypeId::Date:
    case TypeId::Timestamp:
      return std::to_string(v.GetInt());
    default:
      return v.ToString();
  }
}

// Compares one strata value with DuckDB's text for it.
::testing::AssertionResult SameValue(const Value& v, const json& duck) {
  if (v.is_null() || duck.is_null()) {
    if (v.is_null() && duck.is_null()) return ::testing::AssertionSuccess();
    return ::testing::AssertionFailure()
           << "strata " << v.ToString() << " vs DuckDB " << duck.dump();
  }
  std::string text = duck.get<std::string>();
  if (v.type().IsFloat()) {
    // DuckDB and strata may print the same float differently; compare the numbers.
    double parsed = std::strtod(text.c_str(), nullptr);
    bool same = v.type().id == TypeId::Float32
                    ? static_cast<float>(parsed) == static_cast<float>(v.GetDouble())
                    : parsed == v.GetDouble();
    if (same) return ::testing::AssertionSuccess();
  } else if (Canonical(v) == text) {
    return ::testing::AssertionSuccess();
  }
  return ::testing::AssertionFailure() << "strata " << Canonical(v) << " vs DuckDB " << text;
}

void ExpectDuckDbRowsEqual(const std::vector<Chunk>& chunks, const json& duck) {
  const json& rows = duck["rows"];
  size_t i = 0;
  for (const Chunk& chunk : chunks) {
    for (size_t r = 0; r < chunk.num_rows(); ++r, ++i) {
      ASSERT_LT(i, rows.size());
      for (size_t c = 0; c < chunk.num_columns(); ++c) {
        ASSERT_TRUE(SameValue(chunk.column(c)->GetValue(r), rows[i][c]))
            << "row " << i << " column " << duck["columns"][c]["name"];
      }
    }
  }
  EXPECT_EQ(i, rows.size());
}

void WriteFile(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
}

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

TEST(ParquetCrossCheck, DuckDbReadsStrataFiles) {
  SKIP_WITHOUT_NODE();
  TempDir tmp;
  Schema schema = testing::AllTypesSchema(true);
  Schema required = testing::AllTypesSchema(false);
  for (auto& f : required) f.name += "_nn";
  schema.insert(schema.end(), required.begin(), required.end());
  auto chunks = testing::MakeChunks(schema, {1200, 0, 1800}, 15);

  struct Case {
    ParquetCompression codec;
    bool dictionary;
  };
  for (Case c :
       {Case{ParquetCompression::kZstd, true}, Case{ParquetCompression::kSnappy, true},
        Case{ParquetCompression::kLz4Raw, false}, Case{ParquetCompression::kUncompressed, false}}) {
    SCOPED_TRACE("codec " + std::to_string(static_cast<int>(c.codec)) +
                 (c.dictionary ? " dictionary" : " plain"));
    ParquetWriteOptions options;
    options.compression = c.codec;
    options.dictionary = c.dictionary;
    options.row_group_rows = 1000;
    options.page_bytes = 4096;
    auto written = WriteParquet(schema, chunks, options);
    ASSERT_TRUE(written.ok()) << written.status().ToString();
    fs::path file = tmp / "strata.parquet";
    WriteFile(file, written->file);

    RunResult run = RunNode({"read", file.string()}, tmp);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    json duck = json::parse(run.out);
    ASSERT_EQ(duck["columns"].size(), schema.size());
    const char* kDuckTypes[] = {"BOOLEAN",       "TINYINT",
                                "SMALLINT",      "INTEGER",
                                "BIGINT",        "FLOAT",
                                "DOUBLE",        "DECIMAL(9,2)",
                                "DECIMAL(18,4)", "DECIMAL(38,10)",
                                "VARCHAR",       "VARCHAR",
                                "DATE",          "TIMESTAMP WITH TIME ZONE"};
    for (size_t i = 0; i < schema.size(); ++i) {
      EXPECT_EQ(duck["columns"][i]["name"], schema[i].name);
      EXPECT_EQ(duck["columns"][i]["type"], kDuckTypes[i % 14]) << schema[i].name;
    }
    ExpectDuckDbRowsEqual(chunks, duck);

    // DuckDB must agree with the statistics strata wrote.
    RunResult meta = RunNode({"metadata", file.string()}, tmp);
    ASSERT_EQ(meta.exit_code, 0) << meta.err;
    json groups = json::parse(meta.out);
    ASSERT_EQ(groups.size(), 3 * schema.size());
    for (const json& g : groups) {
      std::string column = g[1].get<std::string>();
      if (column == "s" || column == "s_low") {
        EXPECT_FALSE(g[5].is_null()) << "DuckDB ignored min of " << column;
      }
    }
  }
}

TEST(ParquetCrossCheck, StrataReadsDuckDbFiles) {
  SKIP_WITHOUT_NODE();
  TempDir tmp;
  const std::string select = R"sql(
    SELECT
      CASE WHEN i % 7 = 0 THEN NULL ELSE i % 2 = 0 END AS b,
      (i % 256 - 128)::TINYINT AS i8,
      CASE WHEN i % 5 = 0 THEN NULL ELSE (i * 37 % 65536 - 32768)::SMALLINT END AS i16,
      (i * 2654435761 % 4294967296 - 2147483648)::INTEGER AS i32,
      CASE WHEN i % 3 = 0 THEN NULL ELSE i * 1000003 - 5000000000 END AS i64,
      (i % 200)::UTINYINT AS u8,
      (i * 7 % 65536)::USMALLINT AS u16,
      (i * 2654435761 % 4294967296)::UINTEGER AS u32,
      (18446744073709551615 - i * 9999999999)::UBIGINT AS u64,
      CASE WHEN i % 11 = 0 THEN NULL ELSE (i / 8.0)::FLOAT END AS f32,
      (i * 1.25e-3 - 3.5)::DOUBLE AS f64,
      (i * 1.07 - 500)::DECIMAL(9, 2) AS d9,
      (i * 123456.789 - 1e9)::DECIMAL(18, 3) AS d18,
      (i * 1234567890123.4567 - 9e15)::DECIMAL(38, 4) AS d38,
      CASE WHEN i % 4 = 0 THEN NULL ELSE 'name_' || (i % 50) END AS s_dict,
      'unique ' || i || repeat('ü', i % 5) AS s_plain,
      DATE '1970-01-01' + (i * 13 - 20000)::INTEGER AS dt,
      TIMESTAMP '2001-02-03 04:05:06' + i * INTERVAL 1 SECOND AS ts,
      CASE WHEN i % 6 = 0 THEN NULL
           ELSE TIMESTAMPTZ '2024-06-01 00:00:00+00' + i * INTERVAL 17 MILLISECOND END AS tstz,
      (TIMESTAMP '2020-01-01' + i * INTERVAL 3 MICROSECOND)::TIMESTAMP_NS AS ts_ns,
      (TIMESTAMP '2020-01-01' + i * INTERVAL 5 SECOND)::TIMESTAMP_MS AS ts_ms
    FROM range(0, 5000) t(i))sql";
  const TypeId kExpected[] = {
      TypeId::Boolean,  TypeId::Int8,    TypeId::Int16,     TypeId::Int32,     TypeId::Int64,
      TypeId::Int16,    TypeId::Int32,   TypeId::Int64,     TypeId::Decimal,   TypeId::Float32,
      TypeId::Float64,  TypeId::Decimal, TypeId::Decimal,   TypeId::Decimal,   TypeId::String,
      TypeId::String,   TypeId::Date,    TypeId::Timestamp, TypeId::Timestamp, TypeId::Timestamp,
      TypeId::Timestamp};
  struct Case {
    const char* compression;
    const char* version;
  };
  for (Case c : {Case{"zstd", "V1"}, Case{"snappy", "V1"}, Case{"uncompressed", "V1"},
                 Case{"lz4", "V1"}, Case{"zstd", "V2"}, Case{"uncompressed", "V2"}}) {
    SCOPED_TRACE(std::string(c.compression) + " " + c.version);
    fs::path file = tmp / (std::string("duck_") + c.compression + c.version + ".parquet");
    RunResult w = RunNode({"write", file.string(), c.compression, "2048", select, c.version}, tmp);
    ASSERT_EQ(w.exit_code, 0) << w.err;
    if (std::string(c.version) == "V2") {
      // Make sure the file really exercises the v2 encodings.
      RunResult meta = RunNode({"metadata", file.string()}, tmp);
      ASSERT_EQ(meta.exit_code, 0) << meta.err;
      for (const char* encoding :
           {"DELTA_BINARY_PACKED", "BYTE_STREAM_SPLIT", "DELTA_LENGTH_BYTE_ARRAY"}) {
        EXPECT_NE(meta.out.find(encoding), std::string::npos) << encoding;
      }
    }
    RunResult r = RunNode({"read", file.string()}, tmp);
    ASSERT_EQ(r.exit_code, 0) << r.err;
    json duck = json::parse(r.out);

    testing::MemoryFile mem{ReadFile(file)};
    auto reader = ParquetReader::Open(file.string(), mem.bytes.size(), mem.Reader());
    ASSERT_TRUE(reader.ok()) << reader.status().ToString();
    ASSERT_EQ((*reader)->schema().size(), std::size(kExpected));
    for (size_t i = 0; i < std::size(kExpected); ++i) {
      EXPECT_EQ((*reader)->schema()[i].type.id, kExpected[i]) << (*reader)->schema()[i].name;
    }
    EXPECT_EQ((*reader)->schema()[8].type, DataType::Decimal(20, 0));
    EXPECT_EQ((*reader)->num_rows(), 5000u);
    EXPECT_GT((*reader)->num_row_groups(), 1u);
    ExpectDuckDbRowsEqual(testing::ReadAll(**reader), duck);

    // DuckDB's statistics, read back through strata, bound the data.
    ColumnStatistics s = (*reader)->row_group_statistics(0, 15);
    ASSERT_FALSE(s.min.is_null());
    EXPECT_EQ(s.min.GetString(), "unique 0");
    ColumnStatistics i64 = (*reader)->row_group_statistics(0, 4);
    EXPECT_GT(i64.null_count, 0u);
    EXPECT_EQ(i64.min.GetInt(), 1 * 1000003LL - 5000000000LL);
  }
}

}  // namespace
}  // namespace strata
