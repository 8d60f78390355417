// Test data for the Parquet tests: a schema covering every type strata writes, chunks of
// deterministic pseudo-random rows, an in-memory RangeReader that counts its calls, and
// a row-by-row comparison.
#pragma once

#include <gtest/gtest.h>

#include <cstdint>
#include <string>
#include <vector>

#include "format/parquet/parquet_reader.h"
#include "vector/chunk.h"

namespace strata::testing {

inline Schema AllTypesSchema(bool nullable) {
  return {
      {"b", DataType(TypeId::Boolean), nullable},
      {"i8", DataType(TypeId::Int8), nullable},
      {"i16", DataType(TypeId::Int16), nullable},
      {"i32", DataType(TypeId::Int32), nullable},
      {"i64", DataType(TypeId::Int64), nullable},
      {"f32", DataType(TypeId::Float32), nullable},
      {"f64", DataType(TypeId::Float64), nullable},
      {"d9", DataType::Decimal(9, 2), nullable},
      {"d18", DataType::Decimal(18, 4), nullable},
      {"d38", DataType::Decimal(38, 10), nullable},
      {"s", DataType(TypeId::String), nullable},
      {"s_low", DataType(TypeId::String), nullable},  // few distinct values: dictionary
      {"dt", DataType(TypeId::Date), nullable},
      {"ts", DataType(TypeId::Timestamp), nullable},
  };
}

// splitmix64: deterministic, fast, good enough for test data.
class TestRng {
 public:
  explicit TestRng(uint64_t seed) : state_(seed) {}
  uint64_t Next() {
    uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  int64_t Range(int64_t lo, int64_t hi) {  // inclusive
    return lo + static_cast<int64_t>(Next() % static_cast<uint64_t>(hi - lo + 1));
  }

 private:
  uint64_t state_;
};

// A value of `type` for row `row` (never NaN, so rows compare equal after a round trip).
inline Value RandomValue(const Field& field, TestRng& rng) {
  const DataType& t = field.type;
  switch (t.id) {
    case TypeId::Boolean:
      return Value::Boolean(rng.Next() & 1);
    case TypeId::Int8:
      return Value::Int(t, rng.Range(-128, 127));
    case TypeId::Int16:
      return Value::Int(t, rng.Range(-32768, 32767));
    case TypeId::Int32:
      return Value::Int(t, rng.Range(INT32_MIN, INT32_MAX));
    case TypeId::Int64:
      return Value::Int(t, static_cast<int64_t>(rng.Next()));
    case TypeId::Float32:
      return Value::Float(t, static_cast<float>(rng.Range(-1000000, 1000000)) / 64.0f);
    case TypeId::Float64:
      return Value::Float(t, static_cast<double>(static_cast<int64_t>(rng.Next())) / 1e9);
    case TypeId::Decimal: {
      if (t.precision <= 9) return Value::Decimal(t, rng.Range(-999999999, 999999999));
      if (t.precision <= 18) {
        return Value::Decimal(t, rng.Range(-999999999999999999LL, 999999999999999999LL));
      }
      int128_t v = static_cast<int128_t>(rng.Range(-999999999999999999LL, 999999999999999999LL));
      v = v * 1000000000000000000LL + rng.Range(0, 999999999999999999LL);
      return Value::Decimal(t, v);
    }
    case TypeId::String: {
      if (field.name == "s_low") {
        static const char* kWords[] = {"alpha", "beta", "gamma", "délta", "ε", "", "東京", "z"};
        return Value::String(kWords[rng.Next() % 8]);
      }
      std::string s;
      size_t len = static_cast<size_t>(rng.Range(0, 40));
      for (size_t i = 0; i < len; ++i) s.push_back(static_cast<char>('a' + rng.Range(0, 25)));
      if (rng.Next() % 10 == 0) s += "ü日本";
      return Value::String(s);
    }
    case TypeId::Date:
      return Value::Date(static_cast<int32_t>(rng.Range(-100000, 100000)));
    case TypeId::Timestamp:
      return Value::Timestamp(rng.Range(-4000000000000000LL, 4000000000000000LL));
    case TypeId::Null:
      break;
  }
  return Value::Null(t);
}

// Chunks with the given row counts; each nullable value is NULL with probability
// null_percent / 100.
inline std::vector<Chunk> MakeChunks(const Schema& schema, const std::vector<size_t>& sizes,
                                     int null_percent, uint64_t seed = 42) {
  TestRng rng(seed);
  std::vector<Chunk> chunks;
  for (size_t rows : sizes) {
    std::vector<ColumnPtr> cols;
    for (const Field& f : schema) {
      auto col = MakeColumn(f.type);
      for (size_t r = 0; r < rows; ++r) {
        if (f.nullable && static_cast<int>(rng.Next() % 100) < null_percent) {
          col->AppendNull();
        } else {
          col->AppendValue(RandomValue(f, rng));
        }
      }
      cols.push_back(col);
    }
    chunks.emplace_back(std::move(cols), rows);
  }
  return chunks;
}

// Serves ranges of an in-memory file and counts the calls.
struct MemoryFile {
  std::string bytes;
  int reads = 0;
  uint64_t bytes_read = 0;
  RangeReader Reader() {
    return [this](uint64_t offset, uint64_t length) -> Result<std::string> {
      ++reads;
      bytes_read += length;
      if (offset > bytes.size() || length > bytes.size() - offset) {
        return Error(ErrorCode::StorageOther, "range beyond the object");
      }
      return bytes.substr(offset, length);
    };
  }
};

// Reads every row group of `reader` (all columns) into one list of rows per column.
inline std::vector<Chunk> ReadAll(ParquetReader& reader) {
  std::vector<Chunk> out;
  std::vector<size_t> all(reader.schema().size());
  for (size_t i = 0; i < all.size(); ++i) all[i] = i;
  for (size_t g = 0; g < reader.num_row_groups(); ++g) {
    auto chunk = reader.ReadRowGroup(g, all);
    EXPECT_TRUE(chunk.ok()) << chunk.status().ToString();
    if (chunk.ok()) out.push_back(std::move(chunk).value());
  }
  return out;
}

// Asserts both chunk lists hold the same rows (chunk boundaries may differ).
inline void ExpectSameRows(const std::vector<Chunk>& expected, const std::vector<Chunk>& actual,
                           size_t num_columns) {
  std::vector<std::pair<size_t, size_t>> e_rows, a_rows;
  for (size_t c = 0; c < expected.size(); ++c) {
    for (size_t r = 0; r < expected[c].num_rows(); ++r) e_rows.push_back({c, r});
  }
  for (size_t c = 0; c < actual.size(); ++c) {
    for (size_t r = 0; r < actual[c].num_rows(); ++r) a_rows.push_back({c, r});
  }
  ASSERT_EQ(e_rows.size(), a_rows.size());
  for (size_t i = 0; i < e_rows.size(); ++i) {
    for (size_t col = 0; col < num_columns; ++col) {
      Value e = expected[e_rows[i].first].column(col)->GetValue(e_rows[i].second);
      Value a = actual[a_rows[i].first].column(col)->GetValue(a_rows[i].second);
      ASSERT_TRUE(e == a) << "row " << i << " column " << col << ": expected " << e.ToString()
                          << " (" << e.type().ToString() << "), got " << a.ToString() << " ("
                          << a.type().ToString() << ")";
    }
  }
}

}  // namespace strata::testing
