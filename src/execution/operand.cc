#include "execution/operand.h"

#include <algorithm>
#include <cstring>

namespace strata {

bool Operand::IsNullAt(size_t i) const {
  if (column->type().id == TypeId::Null) return true;
  return column->IsNull(Row(i));
}

bool Operand::AllNull() const {
  if (column->type().id == TypeId::Null) return true;
  if (is_const) return column->IsNull(0);
  return false;
}

ColumnPtr MakeNullColumn(const DataType& type, size_t rows) {
  auto col = MakeColumn(type);
  if (type.IsVariableWidth()) {
    col->Reserve(rows);
    for (size_t i = 0; i < rows; ++i) col->AppendNull();
    return col;
  }
  col->Resize(rows);
  uint8_t* valid = col->MutableValidity();
  std::memset(valid, 0, rows);
  return col;
}

ColumnPtr MakeConstantColumn(const DataType& type, const Value& v, size_t rows) {
  if (v.is_null() || type.id == TypeId::Null) return MakeNullColumn(type, rows);
  auto col = MakeColumn(type);
  if (type.IsVariableWidth()) {
    const std::string& s = v.GetString();
    col->Reserve(rows);
    col->ReserveChars(s.size() * rows);
    for (size_t i = 0; i < rows; ++i) col->AppendString(s);
    return col;
  }
  Column one(type);
  one.AppendValue(v);
  size_t width = type.FixedWidth();
  col->Resize(rows);
  uint8_t* dst = col->Data<uint8_t>();
  const uint8_t* src = one.Data<uint8_t>();
  if (width == 1) {
    std::memset(dst, src[0], rows);
  } else {
    for (size_t i = 0; i < rows; ++i) std::memcpy(dst + i * width, src, width);
  }
  return col;
}

Operand ConstOperand(const DataType& type, const Value& v) {
  return Operand::Const(MakeConstantColumn(type, v, 1));
}

ColumnPtr Materialize(const Operand& op, size_t rows) {
  if (!op.is_const) return op.column;
  return MakeConstantColumn(op.column->type(), op.column->GetValue(0), rows);
}

void CombineValidity(const std::vector<Operand>& ops, size_t rows, std::vector<uint8_t>* out) {
  out->clear();
  for (const Operand& op : ops) {
    const uint8_t* v = op.column->Validity();
    if (v == nullptr) continue;
    if (op.is_const) continue;  // a non-NULL constant never makes a row NULL
    if (out->empty()) {
      out->assign(v, v + rows);
    } else {
      uint8_t* o = out->data();
      for (size_t i = 0; i < rows; ++i) o[i] &= v[i];
    }
  }
  if (!out->empty() && std::find(out->begin(), out->end(), 0) == out->end()) out->clear();
}

void ApplyValidity(Column* col, const std::vector<uint8_t>& validity) {
  if (validity.empty()) return;
  uint8_t* dst = col->MutableValidity();
  std::memcpy(dst, validity.data(), validity.size());
}

}  // namespace strata
