// ORDER BY keys and row comparison for Sort and TopN.
//
// NULL placement follows Databend: NULLs sort last unless NULLS FIRST is given, in either
// direction (Databend treats NULL as the largest value but its binder defaults to NULLS LAST
// for ASC and DESC alike). Floats order NaN after every number. Strings compare bytewise.
//
// Thread-safety: RowComparator is immutable and may be shared.
#pragma once

#include <vector>

#include "execution/expression.h"
#include "vector/chunk.h"

namespace strata {

struct SortKey {
  ExprPtr expr;
  bool ascending = true;
  bool nulls_first = false;
};

class RowComparator {
 public:
  explicit RowComparator(const std::vector<SortKey>& keys);

  // Negative, zero or positive as row `a` of key columns `ka` sorts before, with, or after
  // row `b` of `kb`. REQUIRES: ka and kb hold one column per key, of the keys' types.
  int Compare(const std::vector<ColumnPtr>& ka, size_t a, const std::vector<ColumnPtr>& kb,
              size_t b) const;

 private:
  using CompareFn = int (*)(const Column&, size_t, const Column&, size_t);
  struct Key {
    CompareFn compare;
    bool ascending;
    bool nulls_first;
  };
  std::vector<Key> keys_;
};

// The stable order of rows [0, rows) by `key_columns`.
std::vector<uint32_t> SortPermutation(const std::vector<ColumnPtr>& key_columns, size_t rows,
                                      const RowComparator& cmp);

// All chunks as one chunk (columns typed per `schema`).
Chunk ConcatChunks(const Schema& schema, const std::vector<Chunk>& chunks);

}  // namespace strata
