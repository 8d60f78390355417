#include "cli/cell_text.h"

#include <charconv>
#include <cmath>

namespace strata {

namespace {

template <typename T>
void AppendNumber(T v, std::string* out) {
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  (void)ec;  // 64 bytes hold any int64 or shortest float/double
  out->append(buf, end);
}

}  // namespace

void AppendCellText(const Column& column, size_t row, std::string* out) {
  switch (column.type().id) {
    case TypeId::Boolean:
      out->append(column.Data<uint8_t>()[row] ? "true" : "false");
      return;
    case TypeId::Int8:
      AppendNumber(static_cast<int>(column.Data<int8_t>()[row]), out);
      return;
    case TypeId::Int16:
      AppendNumber(column.Data<int16_t>()[row], out);
      return;
    case TypeId::Int32:
      AppendNumber(column.Data<int32_t>()[row], out);
      return;
    case TypeId::Int64:
      AppendNumber(column.Data<int64_t>()[row], out);
      return;
    case TypeId::Float32:
      out->append(FormatFloat32(column.Data<float>()[row]));
      return;
    case TypeId::Float64:
      out->append(FormatFloat64(column.Data<double>()[row]));
      return;
    case TypeId::String:
      out->append(column.GetString(row));
      return;
    case TypeId::Null:
      out->append("NULL");
      return;
    case TypeId::Decimal:
    case TypeId::Date:
    case TypeId::Timestamp:
      break;
  }
  out->append(column.GetValue(row).ToString());
}

}  // namespace strata
