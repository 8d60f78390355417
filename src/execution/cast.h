// CAST and TRY_CAST over whole columns: every pair among BOOLEAN, integers, floats, DECIMAL,
// VARCHAR, DATE and TIMESTAMP that SQL allows. Value::CastTo (types/value.h) uses the same code
// on a one-row column, so constants and columns always convert alike.
//
// Semantics (following Databend):
//   - string -> number is strict: surrounding blanks are ignored, anything else that is not a
//     number fails with 1010 `cannot cast 'abc' to INT`; '1e1' and '1.5' are accepted for
//     integer targets and rounded.
//   - out-of-range values fail with 1049 `number overflowed while casting 300 to TINYINT`.
//   - float / decimal -> integer and decimal rescaling round half away from zero.
//   - string -> DATE fails with 1079, string -> TIMESTAMP with 1080; a timestamp string is a
//     valid DATE (its time of day is dropped).
//   - integer -> TIMESTAMP reads the number as seconds, milliseconds or microseconds depending
//     on its magnitude (as Databend's to_timestamp does); integer -> DATE is days since epoch.
//   - TRY_CAST turns every failed row into NULL instead of failing.
//   - NULL rows stay NULL and never fail.
// Thread-safety: all functions are pure.
#pragma once

#include "common/status.h"
#include "execution/operand.h"
#include "vector/column.h"

namespace strata {

// Whether CAST(from AS to) exists at all. Casting from the Null type is always allowed.
bool CanCast(const DataType& from, const DataType& to);
// OK, or error 1065 `unable to cast type BOOLEAN to type DATE`.
Status CheckCastable(const DataType& from, const DataType& to);

// Converts every row of `src` to `target`. Returns `src` itself when the types are equal.
// REQUIRES: CanCast(src->type(), target).
Result<ColumnPtr> CastColumn(const ColumnPtr& src, const DataType& target, bool try_cast);

// Same for an operand; a constant stays a constant.
Result<Operand> CastOperand(const Operand& op, const DataType& target, bool try_cast);

}  // namespace strata
