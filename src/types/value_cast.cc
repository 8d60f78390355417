// Value::CastTo shares the column cast code (execution/cast.h): a constant converts exactly as
// the same value in a column would.
#include "execution/cast.h"
#include "types/value.h"

namespace strata {

Result<Value> Value::CastTo(const DataType& target) const {
  if (is_null_) return Value::Null(target);
  if (type_ == target) return *this;
  auto col = MakeColumn(type_);
  col->AppendValue(*this);
  ASSIGN_OR_RETURN(ColumnPtr out, CastColumn(col, target, /*try_cast=*/false));
  return out->GetValue(0);
}

}  // namespace strata
