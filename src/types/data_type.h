// Logical SQL types and how each is laid out in memory.
//
// Physical layout (what Column stores per row):
//   Boolean -> uint8_t (0/1)      Int8..Int64 -> int8_t..int64_t
//   Float32 -> float              Float64 -> double
//   Decimal(p<=18,s) -> int64_t   Decimal(p>18,s) -> __int128  (unscaled value)
//   Date -> int32_t days since 1970-01-01
//   Timestamp -> int64_t microseconds since 1970-01-01 00:00:00 UTC
//   String -> bytes (UTF-8), see Column
//   Null -> the type of a bare NULL literal; every row is NULL
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "common/status.h"

namespace strata {

enum class TypeId : uint8_t {
  Null,
  Boolean,
  Int8,
  Int16,
  Int32,
  Int64,
  Float32,
  Float64,
  Decimal,
  String,
  Date,
  Timestamp,
};

using int128_t = __int128;

struct DataType {
  TypeId id = TypeId::Null;
  uint8_t precision = 0;  // Decimal only: 1..38
  uint8_t scale = 0;      // Decimal only: 0..precision

  DataType() = default;
  constexpr explicit DataType(TypeId t) : id(t) {}
  static DataType Decimal(uint8_t precision, uint8_t scale);

  bool operator==(const DataType& o) const {
    return id == o.id && precision == o.precision && scale == o.scale;
  }
  bool operator!=(const DataType& o) const { return !(*this == o); }

  bool IsInteger() const;
  bool IsFloat() const { return id == TypeId::Float32 || id == TypeId::Float64; }
  bool IsNumeric() const { return IsInteger() || IsFloat() || id == TypeId::Decimal; }
  bool IsDecimal128() const { return id == TypeId::Decimal && precision > 18; }
  bool IsVariableWidth() const { return id == TypeId::String; }
  // Bytes per row for fixed-width types; 0 for String and Null.
  size_t FixedWidth() const;

  // SQL spelling as Databend prints it: "BIGINT", "VARCHAR", "DECIMAL(10, 2)", ...
  std::string ToString() const;
};

// Parses a SQL type name ("int", "BIGINT", "varchar", "string", "decimal(10,2)", "double",
// "timestamp", ...). Case-insensitive. Error 1007 IllegalDataType for anything else.
Result<DataType> ParseDataType(std::string_view text);

// The smallest type both sides widen to for comparison and arithmetic (implicit numeric
// widening); error 1007 when there is none (e.g. DATE vs BOOLEAN).
Result<DataType> CommonSuperType(const DataType& a, const DataType& b);

// Number of decimal digits needed for the integer type (TINYINT 3 .. BIGINT 19).
int IntegerDigits(TypeId id);

// The decimal type an integer type converts to without loss, e.g. INT -> DECIMAL(10, 0).
DataType DecimalForInteger(TypeId id);

}  // namespace strata
