// Maps strata's fields to Parquet schema elements and back, and encodes column
// statistics (min/max) in Parquet's byte form.
//
// Internal to src/format/parquet/. Thread-safety: stateless functions.
#pragma once

#include <string>

#include "parquet_types.h"
#include "types/value.h"
#include "vector/chunk.h"

namespace strata::parquet {

namespace pt = ::strata::parquet_thrift;

// How a stored value becomes strata's in-memory value, beyond a plain copy or a
// sign-extending integer cast.
enum class Convert : uint8_t {
  kNone,
  kUnsigned,        // integers stored unsigned: zero-extend
  kMillisToMicros,  // TIMESTAMP(MILLIS)
  kNanosToMicros,   // TIMESTAMP(NANOS), rounded down
  kInt96ToMicros,   // legacy INT96 timestamps: nanos of day + Julian day
  kBigEndian,       // decimals as big-endian two's complement bytes
};

// One leaf column as stored in a file and as strata sees it.
struct ColumnLayout {
  Field field;
  pt::Type::type physical = pt::Type::INT32;
  int32_t type_length = 0;  // FIXED_LEN_BYTE_ARRAY width
  Convert convert = Convert::kNone;
};

// The layout strata writes for `field` (see the mapping in parquet_writer.h).
ColumnLayout LayoutForField(const Field& field);

// The schema element strata writes for `layout`.
pt::SchemaElement ToSchemaElement(const ColumnLayout& layout);

// Reads a leaf schema element. False with `*error` for types strata does not know.
bool LayoutFromSchemaElement(const pt::SchemaElement& element, ColumnLayout* layout,
                             std::string* error);

// PLAIN form of a non-null statistic value (byte arrays without length prefix).
std::string EncodeStatistic(const Value& value, const ColumnLayout& layout);

// Inverse of EncodeStatistic for any layout strata reads; NULL when the bytes do not fit.
Value DecodeStatistic(const std::string& bytes, const ColumnLayout& layout);

// Converts one stored INT96 timestamp (12 bytes) to microseconds since the epoch.
int64_t Int96ToMicros(const uint8_t* p);

// Sign-extends (or zero-extends when !is_signed) a big-endian integer of 1..16 bytes.
int128_t BigEndianToInt128(const uint8_t* p, size_t n, bool is_signed = true);

}  // namespace strata::parquet
