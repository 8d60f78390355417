// A single typed SQL value: literals, constants, column statistics (min/max), and the
// slow path of tests and result printing. Never used for per-row execution.
#pragma once

#include <string>
#include <string_view>

#include "types/data_type.h"

namespace strata {

class Value {
 public:
  Value() = default;  // NULL of type Null
  static Value Null(DataType type = DataType(TypeId::Null));
  static Value Boolean(bool v);
  static Value Int(DataType type, int64_t v);  // Int8..Int64, Date, Timestamp
  static Value BigInt(int64_t v) { return Int(DataType(TypeId::Int64), v); }
  static Value Float(DataType type, double v);  // Float32, Float64
  static Value Double(double v) { return Float(DataType(TypeId::Float64), v); }
  static Value Decimal(DataType type, int128_t unscaled);
  static Value String(std::string v);
  static Value Date(int32_t days);
  static Value Timestamp(int64_t micros);

  const DataType& type() const { return type_; }
  bool is_null() const { return is_null_; }

  // REQUIRES: !is_null() and the matching physical kind.
  bool GetBool() const { return i_ != 0; }
  int64_t GetInt() const { return static_cast<int64_t>(i_); }  // ints, Date, Timestamp
  int128_t GetInt128() const { return i_; }                    // Decimal unscaled
  double GetDouble() const { return d_; }
  const std::string& GetString() const { return s_; }

  // Converts to `target` with SQL CAST semantics (string parsing, numeric range checks,
  // decimal rounding). Errors carry Databend codes (1006 / 1010 / 1049 / 1079 / 1080).
  Result<Value> CastTo(const DataType& target) const;

  // Text as a SQL client shows it: NULL -> "NULL", dates "2024-01-31", timestamps
  // "2024-01-31 12:00:00.000000", decimals with exactly `scale` digits, doubles shortest
  // round-trip, booleans "true"/"false".
  std::string ToString() const;

  // Total order for same-typed non-null values; NULLs sort first. Used for statistics.
  int Compare(const Value& other) const;
  bool operator==(const Value& o) const;

 private:
  DataType type_;
  bool is_null_ = true;
  int128_t i_ = 0;
  double d_ = 0;
  std::string s_;
};

// How floating-point values print everywhere (results, CLI, tests): shortest round-trip
// digits, integral values with a trailing ".0" as Databend prints them ("4.0"), and
// NaN / Infinity / -Infinity.
std::string FormatFloat64(double v);
std::string FormatFloat32(float v);

}  // namespace strata
