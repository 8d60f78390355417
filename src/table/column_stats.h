// Per-column statistics kept for every block, every segment and every snapshot: the
// bounds that let a scan skip data without reading it.
//
// A bound is one of: a value (every non-NULL value of the column in that range is >= min
// / <= max); NULL with null_count == rows (every value is NULL: nothing to bound); NULL
// with null_count < rows (unknown: never prune on it). A floating-point bound that is NaN
// means the data holds NaN, which sorts above every number; it is treated as unknown.
// Strings longer than kMaxStatsStringBytes are stored as a shorter prefix (min) or a
// shorter string above the true value (max), so bounds stay small and still correct.
//
// Thread-safety: plain values; no synchronisation.
#pragma once

#include <cstdint>

#include "types/value.h"

namespace strata {

constexpr size_t kMaxStatsStringBytes = 64;

struct ColumnStats {
  Value min;
  Value max;
  uint64_t null_count = 0;
  // Bytes of this column's data in the block's file (0 when not tracked, e.g. in a
  // snapshot's summary).
  uint64_t compressed_bytes = 0;
  uint64_t uncompressed_bytes = 0;

  bool operator==(const ColumnStats&) const = default;
};

// True when `bound` cannot be used to prune: NULL while the column has non-NULL rows, or
// a NaN.
bool IsUnknownBound(const Value& bound, uint64_t null_count, uint64_t rows);

// Statistics of the union of two parts with `a_rows` and `b_rows` rows: the wider bounds,
// summed counts. An unknown bound on either side makes the result's bound unknown.
ColumnStats MergeColumnStats(const ColumnStats& a, uint64_t a_rows, const ColumnStats& b,
                             uint64_t b_rows);

// Shortens long string bounds (see the file comment); other types are returned as-is.
ColumnStats ShortenStringBounds(ColumnStats stats);

}  // namespace strata
