#include "format/parquet/parquet_schema.h"

#include <cstring>

namespace strata::parquet {

namespace {

template <typename T>
std::string LittleEndianBytes(T v) {
  std::string out(sizeof(T), '\0');
  std::memcpy(out.data(), &v, sizeof(T));
  return out;
}

template <typename T>
T LoadLittleEndian(const std::string& bytes) {
  T v;
  std::memcpy(&v, bytes.data(), sizeof(T));
  return v;
}

pt::LogicalType IntLogicalType(int bits, bool is_signed) {
  pt::IntType it;
  it.__set_bitWidth(static_cast<int8_t>(bits));
  it.__set_isSigned(is_signed);
  pt::LogicalType lt;
  lt.__set_INTEGER(it);
  return lt;
}

bool ValidDecimal(int32_t precision, int32_t scale) {
  return precision >= 1 && precision <= 38 && scale >= 0 && scale <= precision;
}

}  // namespace

ColumnLayout LayoutForField(const Field& field) {
  ColumnLayout layout;
  layout.field = field;
  switch (field.type.id) {
    case TypeId::Boolean:
      layout.physical = pt::Type::BOOLEAN;
      break;
    case TypeId::Null:
    case TypeId::Int8:
    case TypeId::Int16:
    case TypeId::Int32:
    case TypeId::Date:
      layout.physical = pt::Type::INT32;
      break;
    case TypeId::Int64:
    case TypeId::Timestamp:
      layout.physical = pt::Type::INT64;
      break;
    case TypeId::Float32:
      layout.physical = pt::Type::FLOAT;
      break;
    case TypeId::Float64:
      layout.physical = pt::Type::DOUBLE;
      break;
    case TypeId::Decimal:
      if (field.type.precision <= 9) {
        layout.physical = pt::Type::INT32;
      } else if (field.type.precision <= 18) {
        layout.physical = pt::Type::INT64;
      } else {
        layout.physical = pt::Type::FIXED_LEN_BYTE_ARRAY;
        layout.type_length = 16;
        layout.convert = Convert::kBigEndian;
      }
      break;
    case TypeId::String:
      layout.physical = pt::Type::BYTE_ARRAY;
      break;
  }
  return layout;
}

pt::SchemaElement ToSchemaElement(const ColumnLayout& layout) {
  const Field& field = layout.field;
  pt::SchemaElement e;
  e.__set_name(field.name);
  e.__set_type(layout.physical);
  e.__set_repetition_type(field.nullable ? pt::FieldRepetitionType::OPTIONAL
                                         : pt::FieldRepetitionType::REQUIRED);
  if (layout.physical == pt::Type::FIXED_LEN_BYTE_ARRAY) e.__set_type_length(layout.type_length);
  pt::LogicalType lt;
  switch (field.type.id) {
    case TypeId::Null:
      lt.__set_UNKNOWN(pt::NullType());
      e.__set_logicalType(lt);
      break;
    case TypeId::Int8:
      e.__set_converted_type(pt::ConvertedType::INT_8);
      e.__set_logicalType(IntLogicalType(8, true));
      break;
    case TypeId::Int16:
      e.__set_converted_type(pt::ConvertedType::INT_16);
      e.__set_logicalType(IntLogicalType(16, true));
      break;
    case TypeId::Decimal: {
      pt::DecimalType dt;
      dt.__set_precision(field.type.precision);
      dt.__set_scale(field.type.scale);
      lt.__set_DECIMAL(dt);
      e.__set_logicalType(lt);
      e.__set_converted_type(pt::ConvertedType::DECIMAL);
      e.__set_precision(field.type.precision);
      e.__set_scale(field.type.scale);
      break;
    }
    case TypeId::String:
      lt.__set_STRING(pt::StringType());
      e.__set_logicalType(lt);
      e.__set_converted_type(pt::ConvertedType::UTF8);
      break;
    case TypeId::Date:
      lt.__set_DATE(pt::DateType());
      e.__set_logicalType(lt);
      e.__set_converted_type(pt::ConvertedType::DATE);
      break;
    case TypeId::Timestamp: {
      pt::TimestampType ts;
      ts.__set_isAdjustedToUTC(true);
      pt::TimeUnit unit;
      unit.__set_MICROS(pt::MicroSeconds());
      ts.__set_unit(unit);
      lt.__set_TIMESTAMP(ts);
      e.__set_logicalType(lt);
      e.__set_converted_type(pt::ConvertedType::TIMESTAMP_MICROS);
      break;
    }
    default:
      break;
  }
  return e;
}

namespace {

// Integer columns: width and signedness from the logical or converted type.
bool IntegerType(const pt::SchemaElement& e, int* bits, bool* is_signed) {
  if (e.__isset.logicalType && e.logicalType.__isset.INTEGER) {
    *bits = e.logicalType.INTEGER.bitWidth;
    *is_signed = e.logicalType.INTEGER.isSigned;
    return true;
  }
  if (!e.__isset.converted_type) return false;
  switch (e.converted_type) {
    case pt::ConvertedType::INT_8:
      *bits = 8, *is_signed = true;
      return true;
    case pt::ConvertedType::INT_16:
      *bits = 16, *is_signed = true;
      return true;
    case pt::ConvertedType::INT_32:
      *bits = 32, *is_signed = true;
      return true;
    case pt::ConvertedType::INT_64:
      *bits = 64, *is_signed = true;
      return true;
    case pt::ConvertedType::UINT_8:
      *bits = 8, *is_signed = false;
      return true;
    case pt::ConvertedType::UINT_16:
      *bits = 16, *is_signed = false;
      return true;
    case pt::ConvertedType::UINT_32:
      *bits = 32, *is_signed = false;
      return true;
    case pt::ConvertedType::UINT_64:
      *bits = 64, *is_signed = false;
      return true;
    default:
      return false;
  }
}

bool DecimalType(const pt::SchemaElement& e, DataType* type) {
  int32_t precision = 0, scale = 0;
  if (e.__isset.logicalType && e.logicalType.__isset.DECIMAL) {
    precision = e.logicalType.DECIMAL.precision;
    scale = e.logicalType.DECIMAL.scale;
  } else if (e.__isset.converted_type && e.converted_type == pt::ConvertedType::DECIMAL) {
    precision = e.precision;
    scale = e.scale;
  } else {
    return false;
  }
  if (!ValidDecimal(precision, scale)) {
    *type = DataType(TypeId::Null);  // marks "decimal, but invalid"
    return true;
  }
  *type = DataType::Decimal(static_cast<uint8_t>(precision), static_cast<uint8_t>(scale));
  return true;
}

bool Has(const pt::SchemaElement& e, pt::ConvertedType::type ct) {
  return e.__isset.converted_type && e.converted_type == ct;
}

}  // namespace

bool LayoutFromSchemaElement(const pt::SchemaElement& e, ColumnLayout* layout, std::string* error) {
  layout->field.name = e.name;
  if (!e.__isset.type || e.type < pt::Type::BOOLEAN || e.type > pt::Type::FIXED_LEN_BYTE_ARRAY) {
    *error = "column '" + e.name + "' has an unknown physical type " + std::to_string(e.type);
    return false;
  }
  layout->physical = static_cast<pt::Type::type>(e.type);
  layout->type_length = e.__isset.type_length ? e.type_length : 0;
  layout->convert = Convert::kNone;
  if (e.__isset.repetition_type && e.repetition_type == pt::FieldRepetitionType::REPEATED) {
    *error = "column '" + e.name + "' is repeated (nested data is not supported)";
    return false;
  }
  layout->field.nullable =
      e.__isset.repetition_type && e.repetition_type == pt::FieldRepetitionType::OPTIONAL;
  const bool has_logical = e.__isset.logicalType;
  const pt::LogicalType& lt = e.logicalType;
  auto unsupported = [&](const char* what) {
    *error = "column '" + e.name + "' has unsupported type " + what;
    return false;
  };
  if (has_logical && (lt.__isset.TIME || Has(e, pt::ConvertedType::TIME_MILLIS) ||
                      Has(e, pt::ConvertedType::TIME_MICROS))) {
    return unsupported("TIME");
  }
  if (has_logical && lt.__isset.UNKNOWN) {
    layout->field.type = DataType(TypeId::Null);
    layout->field.nullable = true;
    return true;
  }
  if (Has(e, pt::ConvertedType::INTERVAL)) return unsupported("INTERVAL");
  if (has_logical && (lt.__isset.MAP || lt.__isset.LIST)) return unsupported("MAP/LIST");
  DataType decimal;
  bool is_decimal = DecimalType(e, &decimal);
  if (is_decimal && decimal.id == TypeId::Null) {
    *error = "column '" + e.name + "' has an invalid decimal precision or scale";
    return false;
  }
  int bits = 0;
  bool is_signed = true;
  bool is_integer = IntegerType(e, &bits, &is_signed);
  DataType& type = layout->field.type;
  switch (e.type) {
    case pt::Type::BOOLEAN:
      type = DataType(TypeId::Boolean);
      return true;
    case pt::Type::INT32:
      if (is_decimal) {
        type = decimal;
      } else if ((has_logical && lt.__isset.DATE) || Has(e, pt::ConvertedType::DATE)) {
        type = DataType(TypeId::Date);
      } else if (is_integer) {
        if (bits != 8 && bits != 16 && bits != 32) return unsupported("INTEGER width");
        if (!is_signed) {
          layout->convert = Convert::kUnsigned;
          bits *= 2;
        }
        type = DataType(bits == 8    ? TypeId::Int8
                        : bits == 16 ? TypeId::Int16
                        : bits == 32 ? TypeId::Int32
                                     : TypeId::Int64);
      } else {
        type = DataType(TypeId::Int32);
      }
      return true;
    case pt::Type::INT64:
      if (is_decimal) {
        type = decimal;
      } else if (has_logical && lt.__isset.TIMESTAMP) {
        type = DataType(TypeId::Timestamp);
        if (lt.TIMESTAMP.unit.__isset.MILLIS) layout->convert = Convert::kMillisToMicros;
        if (lt.TIMESTAMP.unit.__isset.NANOS) layout->convert = Convert::kNanosToMicros;
      } else if (Has(e, pt::ConvertedType::TIMESTAMP_MILLIS)) {
        type = DataType(TypeId::Timestamp);
        layout->convert = Convert::kMillisToMicros;
      } else if (Has(e, pt::ConvertedType::TIMESTAMP_MICROS)) {
        type = DataType(TypeId::Timestamp);
      } else if (is_integer && !is_signed) {
        // UINT64 does not fit BIGINT; DECIMAL(20, 0) holds every value exactly.
        type = DataType::Decimal(20, 0);
        layout->convert = Convert::kUnsigned;
      } else {
        type = DataType(TypeId::Int64);
      }
      return true;
    case pt::Type::INT96:
      type = DataType(TypeId::Timestamp);
      layout->convert = Convert::kInt96ToMicros;
      return true;
    case pt::Type::FLOAT:
      type = DataType(TypeId::Float32);
      return true;
    case pt::Type::DOUBLE:
      type = DataType(TypeId::Float64);
      return true;
    case pt::Type::BYTE_ARRAY:
      if (is_decimal) {
        type = decimal;
        layout->convert = Convert::kBigEndian;
      } else {
        type = DataType(TypeId::String);
      }
      return true;
    case pt::Type::FIXED_LEN_BYTE_ARRAY:
      if (layout->type_length <= 0 || layout->type_length > (1 << 20)) {
        *error = "column '" + e.name + "' has an invalid fixed length";
        return false;
      }
      if (is_decimal) {
        if (layout->type_length > 16) return unsupported("DECIMAL wider than 16 bytes");
        type = decimal;
        layout->convert = Convert::kBigEndian;
      } else {
        type = DataType(TypeId::String);
      }
      return true;
  }
  *error = "column '" + e.name + "' has an unknown physical type";
  return false;
}

std::string EncodeStatistic(const Value& value, const ColumnLayout& layout) {
  const DataType& type = layout.field.type;
  switch (type.id) {
    case TypeId::Null:
      return {};
    case TypeId::Boolean:
      return std::string(1, value.GetBool() ? '\1' : '\0');
    case TypeId::Int8:
    case TypeId::Int16:
    case TypeId::Int32:
    case TypeId::Date:
      return LittleEndianBytes(static_cast<int32_t>(value.GetInt()));
    case TypeId::Int64:
    case TypeId::Timestamp:
      return LittleEndianBytes(value.GetInt());
    case TypeId::Float32:
      return LittleEndianBytes(static_cast<float>(value.GetDouble()));
    case TypeId::Float64:
      return LittleEndianBytes(value.GetDouble());
    case TypeId::Decimal:
      if (layout.physical == pt::Type::INT32) {
        return LittleEndianBytes(static_cast<int32_t>(value.GetInt128()));
      }
      if (layout.physical == pt::Type::INT64) {
        return LittleEndianBytes(static_cast<int64_t>(value.GetInt128()));
      } else {
        std::string out(16, '\0');
        auto u = static_cast<unsigned __int128>(value.GetInt128());
        for (int i = 15; i >= 0; --i, u >>= 8) out[static_cast<size_t>(i)] = static_cast<char>(u);
        return out;
      }
    case TypeId::String:
      return value.GetString();
  }
  return {};
}

int128_t BigEndianToInt128(const uint8_t* p, size_t n, bool is_signed) {
  unsigned __int128 u =
      (is_signed && n > 0 && (p[0] & 0x80)) ? ~static_cast<unsigned __int128>(0) : 0;
  for (size_t i = 0; i < n; ++i) u = (u << 8) | p[i];
  return static_cast<int128_t>(u);
}

int64_t Int96ToMicros(const uint8_t* p) {
  constexpr int64_t kJulianEpochDay = 2440588;
  int64_t nanos;
  uint32_t julian_day;
  std::memcpy(&nanos, p, 8);
  std::memcpy(&julian_day, p + 8, 4);
  // Wrapping arithmetic: corrupt values must not be undefined behaviour.
  uint64_t days = static_cast<uint64_t>(static_cast<int64_t>(julian_day) - kJulianEpochDay);
  uint64_t micros =
      days * static_cast<uint64_t>(86400000000LL) + static_cast<uint64_t>(nanos / 1000);
  return static_cast<int64_t>(micros);
}

namespace {

int64_t FloorDiv(int64_t a, int64_t b) {
  int64_t q = a / b;
  return (a % b != 0 && a < 0) ? q - 1 : q;
}

}  // namespace

Value DecodeStatistic(const std::string& bytes, const ColumnLayout& layout) {
  const DataType& type = layout.field.type;
  const bool is_unsigned = layout.convert == Convert::kUnsigned;
  int128_t integer = 0;
  switch (layout.physical) {
    case pt::Type::BOOLEAN:
      if (bytes.size() != 1 || type.id != TypeId::Boolean) return Value::Null(type);
      return Value::Boolean(bytes[0] != 0);
    case pt::Type::INT32:
      if (bytes.size() != 4) return Value::Null(type);
      integer = is_unsigned ? int128_t{LoadLittleEndian<uint32_t>(bytes)}
                            : int128_t{LoadLittleEndian<int32_t>(bytes)};
      break;
    case pt::Type::INT64: {
      if (bytes.size() != 8) return Value::Null(type);
      int64_t v = LoadLittleEndian<int64_t>(bytes);
      if (is_unsigned) {
        integer = int128_t{static_cast<uint64_t>(v)};
      } else if (layout.convert == Convert::kMillisToMicros) {
        integer = static_cast<int64_t>(static_cast<uint64_t>(v) * 1000u);
      } else if (layout.convert == Convert::kNanosToMicros) {
        integer = FloorDiv(v, 1000);
      } else {
        integer = v;
      }
      break;
    }
    case pt::Type::FLOAT:
      if (bytes.size() != 4 || type.id != TypeId::Float32) return Value::Null(type);
      return Value::Float(type, LoadLittleEndian<float>(bytes));
    case pt::Type::DOUBLE:
      if (bytes.size() != 8 || type.id != TypeId::Float64) return Value::Null(type);
      return Value::Float(type, LoadLittleEndian<double>(bytes));
    case pt::Type::BYTE_ARRAY:
    case pt::Type::FIXED_LEN_BYTE_ARRAY:
      if (layout.physical == pt::Type::FIXED_LEN_BYTE_ARRAY &&
          bytes.size() != static_cast<size_t>(layout.type_length)) {
        return Value::Null(type);
      }
      if (type.id == TypeId::String) return Value::String(bytes);
      if (type.id != TypeId::Decimal || bytes.empty() || bytes.size() > 16) {
        return Value::Null(type);
      }
      integer = BigEndianToInt128(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
      break;
    default:
      return Value::Null(type);
  }
  switch (type.id) {
    case TypeId::Decimal:
      return Value::Decimal(type, integer);
    case TypeId::Int8:
    case TypeId::Int16:
    case TypeId::Int32:
    case TypeId::Int64:
    case TypeId::Date:
    case TypeId::Timestamp:
      return Value::Int(type, static_cast<int64_t>(integer));
    default:
      return Value::Null(type);
  }
}

}  // namespace strata::parquet
