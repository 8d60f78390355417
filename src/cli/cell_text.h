// Text of one result cell, read straight from a Column without building a Value on the
// common paths (integers, floats, booleans, strings). Every output format uses it, so a
// value prints the same way in table, TSV, CSV and JSON output and in the test runner.
//
// Thread-safety: pure functions.
#pragma once

#include <string>

#include "vector/column.h"

namespace strata {

inline bool IsNullCell(const Column& column, size_t row) {
  return column.type().id == TypeId::Null || column.IsNull(row);
}

// Appends the cell's text exactly as Value::ToString() shows it.
// REQUIRES: row < column.size() and !IsNullCell(column, row).
void AppendCellText(const Column& column, size_t row, std::string* out);

}  // namespace strata
