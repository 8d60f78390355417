#include "table/column_stats.h"

#include <cmath>
#include <string>

namespace strata {

namespace {

bool IsNaN(const Value& v) {
  return !v.is_null() && v.type().IsFloat() && std::isnan(v.GetDouble());
}

// An unknown bound is represented as NULL (or NaN, which is kept so a reader can see why).
Value MergeBound(const Value& a, uint64_t a_nulls, uint64_t a_rows, const Value& b,
                 uint64_t b_nulls, uint64_t b_rows, bool want_min) {
  bool a_all_null = a.is_null() && a_nulls >= a_rows;
  bool b_all_null = b.is_null() && b_nulls >= b_rows;
  if (a_all_null) return b;
  if (b_all_null) return a;
  if (IsNaN(a)) return a;
  if (IsNaN(b)) return b;
  if (a.is_null() || b.is_null()) return Value::Null(a.is_null() ? b.type() : a.type());
  int c = a.Compare(b);
  return (want_min ? c <= 0 : c >= 0) ? a : b;
}

}  // namespace

bool IsUnknownBound(const Value& bound, uint64_t null_count, uint64_t rows) {
  if (bound.is_null()) return null_count < rows;
  return IsNaN(bound);
}

ColumnStats MergeColumnStats(const ColumnStats& a, uint64_t a_rows, const ColumnStats& b,
                             uint64_t b_rows) {
  ColumnStats out;
  out.min = MergeBound(a.min, a.null_count, a_rows, b.min, b.null_count, b_rows, true);
  out.max = MergeBound(a.max, a.null_count, a_rows, b.max, b.null_count, b_rows, false);
  out.null_count = a.null_count + b.null_count;
  out.compressed_bytes = a.compressed_bytes + b.compressed_bytes;
  out.uncompressed_bytes = a.uncompressed_bytes + b.uncompressed_bytes;
  return out;
}

ColumnStats ShortenStringBounds(ColumnStats stats) {
  if (!stats.min.is_null() && stats.min.type().id == TypeId::String &&
      stats.min.GetString().size() > kMaxStatsStringBytes) {
    // Any prefix of the minimum is <= the minimum.
    stats.min = Value::String(stats.min.GetString().substr(0, kMaxStatsStringBytes));
  }
  if (!stats.max.is_null() && stats.max.type().id == TypeId::String &&
      stats.max.GetString().size() > kMaxStatsStringBytes) {
    // A prefix whose last byte is incremented (dropping what follows) is > the maximum.
    std::string s = stats.max.GetString().substr(0, kMaxStatsStringBytes);
    while (!s.empty() && static_cast<unsigned char>(s.back()) == 0xff) s.pop_back();
    if (s.empty()) {
      stats.max = Value::Null(DataType(TypeId::String));  // no short upper bound: unknown
    } else {
      s.back() = static_cast<char>(static_cast<unsigned char>(s.back()) + 1);
      stats.max = Value::String(std::move(s));
    }
  }
  return stats;
}

}  // namespace strata
