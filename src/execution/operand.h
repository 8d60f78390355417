// Operand: what one expression node yields while a chunk is evaluated — either a full column
// (one value per row) or a constant (a one-row column that stands for every row). Kernels read
// constants without materialising them; only the final result of an expression is expanded.
//
// Thread-safety: an Operand is a value; its column is immutable once published.
#pragma once

#include <cstdint>
#include <vector>

#include "vector/column.h"

namespace strata {

struct Operand {
  ColumnPtr column;
  bool is_const = false;

  static Operand Const(ColumnPtr c) { return Operand{std::move(c), true}; }
  static Operand Full(ColumnPtr c) { return Operand{std::move(c), false}; }

  const DataType& type() const { return column->type(); }
  // Row `i` of the logical (broadcast) column.
  size_t Row(size_t i) const { return is_const ? 0 : i; }
  bool IsNullAt(size_t i) const;
  // True when every row is NULL (a NULL constant or a column of type Null).
  bool AllNull() const;
  template <typename T>
  const T* Data() const {
    return column->Data<T>();
  }
};

// A column of `rows` copies of `v` (NULLs included), typed `type`.
// REQUIRES: v is NULL or v.type() == type.
ColumnPtr MakeConstantColumn(const DataType& type, const Value& v, size_t rows);
// A column of `rows` NULLs.
ColumnPtr MakeNullColumn(const DataType& type, size_t rows);
// A one-row constant operand.
Operand ConstOperand(const DataType& type, const Value& v);

// Expands a constant operand to `rows` rows; returns full operands unchanged.
ColumnPtr Materialize(const Operand& op, size_t rows);

// Combined validity of several operands over `rows` rows: out[i] = 1 iff no operand is NULL at
// row i. Leaves `out` empty when no operand has NULLs (the common fast path).
// REQUIRES: no operand is AllNull() (callers short-cut that case).
void CombineValidity(const std::vector<Operand>& ops, size_t rows, std::vector<uint8_t>* out);

// Attaches `validity` (size rows, or empty = no NULLs) to `col`, zeroing the value slots of
// NULL rows is not required (their content is unspecified but initialised).
void ApplyValidity(Column* col, const std::vector<uint8_t>& validity);

}  // namespace strata
