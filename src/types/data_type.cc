#include "types/data_type.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace strata {

DataType DataType::Decimal(uint8_t precision, uint8_t scale) {
  DataType t(TypeId::Decimal);
  t.precision = precision;
  t.scale = scale;
  return t;
}

bool DataType::IsInteger() const {
  return id == TypeId::Int8 || id == TypeId::Int16 || id == TypeId::Int32 || id == TypeId::Int64;
}

size_t DataType::FixedWidth() const {
  switch (id) {
    case TypeId::Null:
    case TypeId::String:
      return 0;
    case TypeId::Boolean:
    case TypeId::Int8:
      return 1;
    case TypeId::Int16:
      return 2;
    case TypeId::Int32:
    case TypeId::Float32:
    case TypeId::Date:
      return 4;
    case TypeId::Int64:
    case TypeId::Float64:
    case TypeId::Timestamp:
      return 8;
    case TypeId::Decimal:
      return precision > 18 ? 16 : 8;
  }
  return 0;
}

std::string DataType::ToString() const {
  switch (id) {
    case TypeId::Null:
      return "NULL";
    case TypeId::Boolean:
      return "BOOLEAN";
    case TypeId::Int8:
      return "TINYINT";
    case TypeId::Int16:
      return "SMALLINT";
    case TypeId::Int32:
      return "INT";
    case TypeId::Int64:
      return "BIGINT";
    case TypeId::Float32:
      return "FLOAT";
    case TypeId::Float64:
      return "DOUBLE";
    case TypeId::Decimal:
      return "DECIMAL(" + std::to_string(precision) + ", " + std::to_string(scale) + ")";
    case TypeId::String:
      return "VARCHAR";
    case TypeId::Date:
      return "DATE";
    case TypeId::Timestamp:
      return "TIMESTAMP";
  }
  return "UNKNOWN";
}

namespace {

std::string Trimmed(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return std::string(s.substr(b, e - b));
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

Result<DataType> ParseDecimal(const std::string& args, const std::string& original) {
  // args is what is inside the parentheses, e.g. "10, 2" or "10".
  int p = 0, s = 0;
  size_t comma = args.find(',');
  try {
    p = std::stoi(Trimmed(args.substr(0, comma)));
    if (comma != std::string::npos) s = std::stoi(Trimmed(args.substr(comma + 1)));
  } catch (...) {
    return Error(ErrorCode::IllegalDataType, "invalid decimal type '" + original + "'");
  }
  if (p < 1 || p > 38 || s < 0 || s > p) {
    return Error(ErrorCode::IllegalDataType,
                 "decimal precision must be between 1 and 38 and scale between 0 and precision, "
                 "got '" + original + "'");
  }
  return DataType::Decimal(static_cast<uint8_t>(p), static_cast<uint8_t>(s));
}

}  // namespace

Result<DataType> ParseDataType(std::string_view text) {
  std::string original = Trimmed(text);
  std::string t = Upper(original);
  size_t paren = t.find('(');
  std::string base = Trimmed(t.substr(0, paren));
  std::string args;
  if (paren != std::string::npos) {
    size_t close = t.rfind(')');
    if (close == std::string::npos || close < paren) {
      return Error(ErrorCode::IllegalDataType, "invalid type '" + original + "'");
    }
    args = t.substr(paren + 1, close - paren - 1);
  }
  if (base == "DECIMAL" || base == "NUMERIC") {
    if (args.empty()) return DataType::Decimal(18, 3);
    return ParseDecimal(args, original);
  }
  // VARCHAR(n) is accepted; the length is not enforced (as in Databend).
  if (!args.empty() && base != "VARCHAR" && base != "CHAR" && base != "TIMESTAMP" &&
      base != "DATETIME") {
    return Error(ErrorCode::IllegalDataType, "invalid type '" + original + "'");
  }
  static const std::pair<const char*, TypeId> kNames[] = {
      {"BOOLEAN", TypeId::Boolean},  {"BOOL", TypeId::Boolean},      {"TINYINT", TypeId::Int8},
      {"INT8", TypeId::Int8},        {"SMALLINT", TypeId::Int16},    {"INT16", TypeId::Int16},
      {"INT", TypeId::Int32},        {"INTEGER", TypeId::Int32},     {"INT32", TypeId::Int32},
      {"BIGINT", TypeId::Int64},     {"INT64", TypeId::Int64},       {"FLOAT", TypeId::Float32},
      {"FLOAT32", TypeId::Float32},  {"REAL", TypeId::Float32},      {"DOUBLE", TypeId::Float64},
      {"FLOAT64", TypeId::Float64},  {"VARCHAR", TypeId::String},    {"STRING", TypeId::String},
      {"TEXT", TypeId::String},      {"CHAR", TypeId::String},       {"DATE", TypeId::Date},
      {"TIMESTAMP", TypeId::Timestamp}, {"DATETIME", TypeId::Timestamp},
  };
  if (base == "DOUBLE PRECISION") return DataType(TypeId::Float64);
  for (const auto& [name, id] : kNames) {
    if (base == name) return DataType(id);
  }
  return Error(ErrorCode::IllegalDataType, "unknown data type '" + original + "'");
}

namespace {

int IntegerRank(TypeId id) {
  switch (id) {
    case TypeId::Int8:
      return 1;
    case TypeId::Int16:
      return 2;
    case TypeId::Int32:
      return 3;
    case TypeId::Int64:
      return 4;
    default:
      return 0;
  }
}

}  // namespace

int IntegerDigits(TypeId id) {
  switch (id) {
    case TypeId::Int8:
      return 3;
    case TypeId::Int16:
      return 5;
    case TypeId::Int32:
      return 10;
    default:
      return 19;
  }
}

DataType DecimalForInteger(TypeId id) {
  return DataType::Decimal(static_cast<uint8_t>(IntegerDigits(id)), 0);
}

Result<DataType> CommonSuperType(const DataType& a, const DataType& b) {
  if (a == b) return a;
  if (a.id == TypeId::Null) return b;
  if (b.id == TypeId::Null) return a;
  if (a.IsInteger() && b.IsInteger()) {
    return IntegerRank(a.id) >= IntegerRank(b.id) ? a : b;
  }
  if (a.IsNumeric() && b.IsNumeric()) {
    if (a.IsFloat() || b.IsFloat()) {
      if (a.id == TypeId::Float64 || b.id == TypeId::Float64 || a.id == TypeId::Decimal ||
          b.id == TypeId::Decimal || a.id == TypeId::Int64 || b.id == TypeId::Int64 ||
          a.id == TypeId::Int32 || b.id == TypeId::Int32) {
        return DataType(TypeId::Float64);
      }
      return DataType(TypeId::Float32);
    }
    // Decimal with decimal or integer: enough integer digits for both, the larger scale.
    auto digits = [](const DataType& t) {
      return t.id == TypeId::Decimal ? t.precision - t.scale : IntegerDigits(t.id);
    };
    auto scale = [](const DataType& t) { return t.id == TypeId::Decimal ? int{t.scale} : 0; };
    int s = std::max(scale(a), scale(b));
    int p = std::min(38, std::max(digits(a), digits(b)) + s);
    return DataType::Decimal(static_cast<uint8_t>(p), static_cast<uint8_t>(s));
  }
  if ((a.id == TypeId::Date && b.id == TypeId::Timestamp) ||
      (a.id == TypeId::Timestamp && b.id == TypeId::Date)) {
    return DataType(TypeId::Timestamp);
  }
  // A string literal compared with a date, timestamp or number is read as that type.
  if (a.id == TypeId::String && b.id != TypeId::Boolean) return b;
  if (b.id == TypeId::String && a.id != TypeId::Boolean) return a;
  return Error(ErrorCode::IllegalDataType,
               "no common type for " + a.ToString() + " and " + b.ToString());
}

}  // namespace strata
