#include "execution/sort_key.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <type_traits>

#include "execution/type_dispatch.h"

namespace strata {

namespace {

template <typename T>
int CompareFixed(const Column& a, size_t ia, const Column& b, size_t ib) {
  T x = a.Data<T>()[ia];
  T y = b.Data<T>()[ib];
  if constexpr (std::is_floating_point_v<T>) {
    bool nx = std::isnan(x), ny = std::isnan(y);
    if (nx || ny) return static_cast<int>(nx) - static_cast<int>(ny);
  }
  return x < y ? -1 : (y < x ? 1 : 0);
}

int CompareStrings(const Column& a, size_t ia, const Column& b, size_t ib) {
  int c = a.GetString(ia).compare(b.GetString(ib));
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

int CompareNothing(const Column&, size_t, const Column&, size_t) { return 0; }

}  // namespace

RowComparator::RowComparator(const std::vector<SortKey>& keys) {
  for (const SortKey& k : keys) {
    CompareFn fn = CompareNothing;
    if (k.expr->type.id == TypeId::String) {
      fn = CompareStrings;
    } else {
      DispatchFixed(k.expr->type, [&](auto tag) {
        using T = typename decltype(tag)::type;
        fn = CompareFixed<T>;
      });
    }
    keys_.push_back(Key{fn, k.ascending, k.nulls_first});
  }
}

int RowComparator::Compare(const std::vector<ColumnPtr>& ka, size_t a,
                           const std::vector<ColumnPtr>& kb, size_t b) const {
  for (size_t k = 0; k < keys_.size(); ++k) {
    const Column& ca = *ka[k];
    const Column& cb = *kb[k];
    bool na = ca.type().id == TypeId::Null || ca.IsNull(a);
    bool nb = cb.type().id == TypeId::Null || cb.IsNull(b);
    if (na || nb) {
      if (na && nb) continue;
      // A NULL goes first only with NULLS FIRST, whatever the direction.
      return (na == keys_[k].nulls_first) ? -1 : 1;
    }
    int c = keys_[k].compare(ca, a, cb, b);
    if (c != 0) return keys_[k].ascending ? c : -c;
  }
  return 0;
}

std::vector<uint32_t> SortPermutation(const std::vector<ColumnPtr>& key_columns, size_t rows,
                                      const RowComparator& cmp) {
  std::vector<uint32_t> order(rows);
  std::iota(order.begin(), order.end(), 0u);
  std::stable_sort(order.begin(), order.end(), [&](uint32_t x, uint32_t y) {
    return cmp.Compare(key_columns, x, key_columns, y) < 0;
  });
  return order;
}

Chunk ConcatChunks(const Schema& schema, const std::vector<Chunk>& chunks) {
  if (chunks.size() == 1) return chunks[0];
  std::vector<ColumnPtr> cols;
  size_t rows = 0;
  for (const Chunk& c : chunks) rows += c.num_rows();
  for (size_t i = 0; i < schema.size(); ++i) {
    DataType t = chunks.empty() ? schema[i].type : chunks[0].column(i)->type();
    auto col = MakeColumn(t);
    col->Reserve(rows);
    for (const Chunk& c : chunks) col->AppendColumn(*c.column(i));
    cols.push_back(std::move(col));
  }
  return Chunk(std::move(cols), rows);
}

}  // namespace strata
