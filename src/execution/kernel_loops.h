// Loop templates that scalar-function kernels are written with. Each handles the four shapes
// of (constant | column) x (constant | column) operands with a tight loop, so kernels only
// supply the per-value operation.
//
// Checked loops take an operation returning false on failure (overflow, division by zero);
// they run branch-free first and only look for the failing row when something failed, skipping
// rows that are NULL (their value slots hold unspecified data).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "execution/operand.h"

namespace strata {

template <typename T>
struct Reader {
  const T* data;
  bool is_const;
  explicit Reader(const Operand& op) : data(op.Data<T>()), is_const(op.is_const) {}
  T operator[](size_t i) const { return data[is_const ? 0 : i]; }
};

// A new fixed-width column of `rows` zero values.
inline ColumnPtr NewFixedColumn(const DataType& type, size_t rows) {
  auto c = MakeColumn(type);
  c->Resize(rows);
  return c;
}

// out[i] = f(a[i])
template <typename A, typename R, typename F>
ColumnPtr UnaryMap(const Operand& a, const DataType& rtype, size_t rows, F&& f) {
  auto out = NewFixedColumn(rtype, rows);
  R* o = out->Data<R>();
  const A* pa = a.Data<A>();
  if (a.is_const) {
    R v = f(pa[0]);
    for (size_t i = 0; i < rows; ++i) o[i] = v;
  } else {
    for (size_t i = 0; i < rows; ++i) o[i] = f(pa[i]);
  }
  return out;
}

// out[i] = f(a[i], b[i])
template <typename A, typename B, typename R, typename F>
ColumnPtr BinaryMap(const Operand& a, const Operand& b, const DataType& rtype, size_t rows, F&& f) {
  auto out = NewFixedColumn(rtype, rows);
  R* o = out->Data<R>();
  const A* pa = a.Data<A>();
  const B* pb = b.Data<B>();
  if (a.is_const && b.is_const) {
    R v = f(pa[0], pb[0]);
    for (size_t i = 0; i < rows; ++i) o[i] = v;
  } else if (a.is_const) {
    A x = pa[0];
    for (size_t i = 0; i < rows; ++i) o[i] = f(x, pb[i]);
  } else if (b.is_const) {
    B y = pb[0];
    for (size_t i = 0; i < rows; ++i) o[i] = f(pa[i], y);
  } else {
    for (size_t i = 0; i < rows; ++i) o[i] = f(pa[i], pb[i]);
  }
  return out;
}

// ok = f(a[i], b[i], &out[i]). Returns the first non-NULL row where f failed, or -1.
template <typename A, typename B, typename R, typename F>
int64_t BinaryMapChecked(const Operand& a, const Operand& b, R* o, size_t rows,
                         const uint8_t* validity, F&& f) {
  const A* pa = a.Data<A>();
  const B* pb = b.Data<B>();
  bool bad = false;
  if (a.is_const && b.is_const) {
    for (size_t i = 0; i < rows; ++i) bad |= !f(pa[0], pb[0], &o[i]);
  } else if (a.is_const) {
    A x = pa[0];
    for (size_t i = 0; i < rows; ++i) bad |= !f(x, pb[i], &o[i]);
  } else if (b.is_const) {
    B y = pb[0];
    for (size_t i = 0; i < rows; ++i) bad |= !f(pa[i], y, &o[i]);
  } else {
    for (size_t i = 0; i < rows; ++i) bad |= !f(pa[i], pb[i], &o[i]);
  }
  if (!bad) return -1;
  Reader<A> ra(a);
  Reader<B> rb(b);
  for (size_t i = 0; i < rows; ++i) {
    if (validity != nullptr && !validity[i]) continue;
    R tmp;
    if (!f(ra[i], rb[i], &tmp)) return static_cast<int64_t>(i);
  }
  return -1;
}

// ok = f(a[i], &out[i]). Returns the first non-NULL row where f failed, or -1.
template <typename A, typename R, typename F>
int64_t UnaryMapChecked(const Operand& a, R* o, size_t rows, const uint8_t* validity, F&& f) {
  Reader<A> ra(a);
  bool bad = false;
  for (size_t i = 0; i < rows; ++i) bad |= !f(ra[i], &o[i]);
  if (!bad) return -1;
  for (size_t i = 0; i < rows; ++i) {
    if (validity != nullptr && !validity[i]) continue;
    R tmp;
    if (!f(ra[i], &tmp)) return static_cast<int64_t>(i);
  }
  return -1;
}

// A string column built row by row: f(row, &buffer) fills the value of each non-NULL row
// (per `validity`); NULL rows get an empty string (the caller attaches validity).
template <typename F>
ColumnPtr StringBuild(size_t rows, const uint8_t* validity, F&& f) {
  auto out = MakeColumn(DataType(TypeId::String));
  out->Reserve(rows);
  std::string buf;
  for (size_t i = 0; i < rows; ++i) {
    buf.clear();
    if (validity == nullptr || validity[i]) f(i, &buf);
    out->AppendString(buf);
  }
  return out;
}

// String view of row i of a VARCHAR operand.
inline std::string_view StringAt(const Operand& op, size_t i) {
  return op.column->GetString(op.Row(i));
}

}  // namespace strata
