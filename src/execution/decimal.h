// Fixed-point arithmetic on unscaled DECIMAL values (value = unscaled / 10^scale), shared by
// casts, arithmetic and aggregates. All functions are pure and thread-safe.
//
// Rounding: whenever digits are dropped, the result rounds half away from zero (as Databend
// does for CAST and ROUND).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "types/data_type.h"

namespace strata {

constexpr int kMaxDecimalPrecision = 38;

// 10^n. REQUIRES: 0 <= n <= 38.
int128_t Pow10(int n);

// True when |v| < 10^precision.
bool FitsPrecision(int128_t v, int precision);

// Converts `v` from `from_scale` to `to_scale`. Returns false when the result overflows int128
// (scaling up); scaling down rounds half away from zero and never fails.
bool Rescale(int128_t v, int from_scale, int to_scale, int128_t* out);

// v / 10^digits rounded half away from zero. REQUIRES: 0 <= digits <= 38.
int128_t DivRound(int128_t v, int digits);

enum class DecimalParse { kOk, kInvalid, kOverflow };

// Parses "[+-]digits[.digits][e[+-]digits]" (surrounding blanks allowed) into an unscaled value
// with `scale` digits after the point, rounding extra digits; kOverflow when the value does not
// fit `precision` digits.
DecimalParse ParseDecimalText(std::string_view text, int precision, int scale, int128_t* out);

// Text of an unscaled value with exactly `scale` digits after the point ("-0.05").
std::string FormatDecimal(int128_t unscaled, int scale);
// Appends the same text to `out` (no allocation when out has capacity).
void AppendDecimal(int128_t unscaled, int scale, std::string* out);

}  // namespace strata
