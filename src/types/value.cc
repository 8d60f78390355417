#include "types/value.h"

#include <charconv>
#include <cmath>

#include "types/date_time.h"

namespace strata {

Value Value::Null(DataType type) {
  Value v;
  v.type_ = type;
  return v;
}

Value Value::Boolean(bool b) {
  Value v;
  v.type_ = DataType(TypeId::Boolean);
  v.is_null_ = false;
  v.i_ = b ? 1 : 0;
  return v;
}

Value Value::Int(DataType type, int64_t i) {
  Value v;
  v.type_ = type;
  v.is_null_ = false;
  v.i_ = i;
  return v;
}

Value Value::Float(DataType type, double d) {
  Value v;
  v.type_ = type;
  v.is_null_ = false;
  v.d_ = d;
  return v;
}

Value Value::Decimal(DataType type, int128_t unscaled) {
  Value v;
  v.type_ = type;
  v.is_null_ = false;
  v.i_ = unscaled;
  return v;
}

Value Value::String(std::string s) {
  Value v;
  v.type_ = DataType(TypeId::String);
  v.is_null_ = false;
  v.s_ = std::move(s);
  return v;
}

Value Value::Date(int32_t days) { return Int(DataType(TypeId::Date), days); }
Value Value::Timestamp(int64_t micros) { return Int(DataType(TypeId::Timestamp), micros); }

namespace {

std::string Int128ToString(int128_t v) {
  if (v == 0) return "0";
  bool neg = v < 0;
  unsigned __int128 u =
      neg ? -static_cast<unsigned __int128>(v) : static_cast<unsigned __int128>(v);
  std::string out;
  while (u > 0) {
    out.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (neg) out.push_back('-');
  return std::string(out.rbegin(), out.rend());
}

std::string DecimalToString(int128_t unscaled, int scale) {
  std::string digits = Int128ToString(unscaled < 0 ? -unscaled : unscaled);
  if (scale > 0) {
    if (static_cast<int>(digits.size()) <= scale) {
      digits.insert(0, static_cast<size_t>(scale) - digits.size() + 1, '0');
    }
    digits.insert(digits.size() - static_cast<size_t>(scale), ".");
  }
  return (unscaled < 0 ? "-" : "") + digits;
}

}  // namespace

std::string Value::ToString() const {
  if (is_null_) return "NULL";
  switch (type_.id) {
    case TypeId::Null:
      return "NULL";
    case TypeId::Boolean:
      return i_ ? "true" : "false";
    case TypeId::Int8:
    case TypeId::Int16:
    case TypeId::Int32:
    case TypeId::Int64:
      return std::to_string(GetInt());
    case TypeId::Float32:
      return FormatFloat32(static_cast<float>(d_));
    case TypeId::Float64:
      return FormatFloat64(d_);
    case TypeId::Decimal:
      return DecimalToString(i_, type_.scale);
    case TypeId::String:
      return s_;
    case TypeId::Date:
      return FormatDate(static_cast<int32_t>(i_));
    case TypeId::Timestamp:
      return FormatTimestamp(GetInt());
  }
  return "";
}

namespace {

template <typename T>
std::string FormatFloating(T v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  char buf[64];
  auto [end, ec] = std::to_chars(buf, buf + sizeof(buf), v);
  (void)ec;
  std::string out(buf, end);
  if (out.find_first_of(".e") == std::string::npos) out += ".0";
  return out;
}

}  // namespace

std::string FormatFloat64(double v) { return FormatFloating(v); }
std::string FormatFloat32(float v) { return FormatFloating(v); }

int Value::Compare(const Value& o) const {
  if (is_null_ || o.is_null_) return (is_null_ ? 0 : 1) - (o.is_null_ ? 0 : 1);
  switch (type_.id) {
    case TypeId::Float32:
    case TypeId::Float64:
      return d_ < o.d_ ? -1 : (d_ > o.d_ ? 1 : 0);
    case TypeId::String:
      return s_ < o.s_ ? -1 : (s_ > o.s_ ? 1 : 0);
    default:
      return i_ < o.i_ ? -1 : (i_ > o.i_ ? 1 : 0);
  }
}

bool Value::operator==(const Value& o) const {
  if (is_null_ != o.is_null_) return false;
  if (is_null_) return true;
  return type_ == o.type_ && Compare(o) == 0;
}

}  // namespace strata
