#include "table/meta_json.h"

#include <cmath>
#include <limits>

namespace strata {

namespace {

[[noreturn]] void Fail(const std::string& path, const std::string& what) {
  throw MetaFormatError(path + ": " + what);
}

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

// Parses an optionally negative decimal integer of at most 38 digits.
bool ParseInt128(const std::string& s, int128_t* out) {
  size_t i = 0;
  bool neg = false;
  if (i < s.size() && s[i] == '-') {
    neg = true;
    ++i;
  }
  if (i == s.size() || s.size() - i > 38) return false;
  int128_t v = 0;
  for (; i < s.size(); ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    v = v * 10 + (s[i] - '0');
  }
  *out = neg ? -v : v;
  return true;
}

int128_t Pow10(int p) {
  int128_t v = 1;
  for (int i = 0; i < p; ++i) v *= 10;
  return v;
}

std::string ToHex(std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(s.size() * 2);
  for (unsigned char c : s) {
    out.push_back(kHex[c >> 4]);
    out.push_back(kHex[c & 0x0f]);
  }
  return out;
}

int HexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int64_t CheckedInt(const Json& j, int64_t lo, int64_t hi, const std::string& path) {
  if (j.is_number_unsigned()) {
    uint64_t u = j.get<uint64_t>();
    if (u > static_cast<uint64_t>(hi)) Fail(path, "integer out of range");
    return static_cast<int64_t>(u);
  }
  if (!j.is_number_integer()) Fail(path, "expected an integer");
  int64_t v = j.get<int64_t>();
  if (v < lo || v > hi) Fail(path, "integer out of range");
  return v;
}

}  // namespace

bool IsValidUtf8(std::string_view s) {
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      ++i;
      continue;
    }
    int n;
    uint32_t cp;
    if ((c & 0xe0) == 0xc0) {
      n = 1;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      n = 2;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      n = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<size_t>(n) >= s.size()) return false;  // truncated sequence
    for (int k = 1; k <= n; ++k) {
      unsigned char cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xc0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3f);
    }
    // Overlong forms, surrogates and code points past U+10FFFF are invalid.
    if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000) ||
        cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += static_cast<size_t>(n) + 1;
  }
  return true;
}

Json ValueToJson(const Value& v) {
  if (v.is_null()) return nullptr;
  switch (v.type().id) {
    case TypeId::Null:
      return nullptr;
    case TypeId::Boolean:
      return v.GetBool();
    case TypeId::Int8:
    case TypeId::Int16:
    case TypeId::Int32:
    case TypeId::Int64:
    case TypeId::Date:
    case TypeId::Timestamp:
      return v.GetInt();
    case TypeId::Float32:
    case TypeId::Float64: {
      double d = v.GetDouble();
      if (std::isnan(d)) return "NaN";
      if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
      return d;
    }
    case TypeId::Decimal:
      return Int128ToString(v.GetInt128());
    case TypeId::String: {
      const std::string& s = v.GetString();
      if (IsValidUtf8(s)) return s;
      return Json{{"hex", ToHex(s)}};
    }
  }
  return nullptr;
}

Value ValueFromJson(const Json& j, const DataType& type, const std::string& path) {
  if (j.is_null()) return Value::Null(type);
  switch (type.id) {
    case TypeId::Null:
      Fail(path, "expected null");
    case TypeId::Boolean:
      if (!j.is_boolean()) Fail(path, "expected a boolean");
      return Value::Boolean(j.get<bool>());
    case TypeId::Int8:
      return Value::Int(type, CheckedInt(j, INT8_MIN, INT8_MAX, path));
    case TypeId::Int16:
      return Value::Int(type, CheckedInt(j, INT16_MIN, INT16_MAX, path));
    case TypeId::Int32:
    case TypeId::Date:
      return Value::Int(type, CheckedInt(j, INT32_MIN, INT32_MAX, path));
    case TypeId::Int64:
    case TypeId::Timestamp:
      return Value::Int(type, CheckedInt(j, INT64_MIN, INT64_MAX, path));
    case TypeId::Float32:
    case TypeId::Float64: {
      if (j.is_number()) return Value::Float(type, j.get<double>());
      if (j.is_string()) {
        const auto& s = j.get_ref<const std::string&>();
        if (s == "NaN") return Value::Float(type, std::numeric_limits<double>::quiet_NaN());
        if (s == "Infinity") return Value::Float(type, std::numeric_limits<double>::infinity());
        if (s == "-Infinity") {
          return Value::Float(type, -std::numeric_limits<double>::infinity());
        }
      }
      Fail(path, "expected a number");
    }
    case TypeId::Decimal: {
      int128_t v = 0;
      if (!j.is_string() || !ParseInt128(j.get_ref<const std::string&>(), &v)) {
        Fail(path, "expected a decimal's unscaled integer as a string");
      }
      int128_t limit = Pow10(type.precision);
      if (v >= limit || v <= -limit) Fail(path, "decimal out of range for " + type.ToString());
      return Value::Decimal(type, v);
    }
    case TypeId::String: {
      if (j.is_string()) return Value::String(j.get<std::string>());
      if (j.is_object() && j.size() == 1 && j.contains("hex") && j["hex"].is_string()) {
        const auto& hex = j["hex"].get_ref<const std::string&>();
        if (hex.size() % 2 != 0) Fail(path, "odd-length hex string");
        std::string bytes;
        bytes.reserve(hex.size() / 2);
        for (size_t i = 0; i < hex.size(); i += 2) {
          int hi = HexDigit(hex[i]), lo = HexDigit(hex[i + 1]);
          if (hi < 0 || lo < 0) Fail(path, "bad hex digit");
          bytes.push_back(static_cast<char>(hi * 16 + lo));
        }
        return Value::String(std::move(bytes));
      }
      Fail(path, "expected a string");
    }
  }
  Fail(path, "unknown type");
}

Json SchemaToJson(const Schema& schema) {
  Json cols = Json::array();
  for (const Field& f : schema) {
    cols.push_back(Json{{"name", f.name}, {"type", f.type.ToString()}, {"nullable", f.nullable}});
  }
  return cols;
}

Schema SchemaFromJson(const Json& j, const std::string& path) {
  if (!j.is_array()) Fail(path, "expected an array of columns");
  Schema schema;
  for (size_t i = 0; i < j.size(); ++i) {
    std::string p = path + "[" + std::to_string(i) + "]";
    const Json& c = j[i];
    if (!c.is_object()) Fail(p, "expected an object");
    Field f;
    f.name = GetString(c, "name", p);
    std::string type = GetString(c, "type", p);
    if (type == "NULL") {
      f.type = DataType(TypeId::Null);
    } else {
      Result<DataType> t = ParseDataType(type);
      if (!t.ok()) Fail(p + ".type", t.status().message());
      f.type = *t;
    }
    const Json& nullable = GetField(c, "nullable", p);
    if (!nullable.is_boolean()) Fail(p + ".nullable", "expected a boolean");
    f.nullable = nullable.get<bool>();
    schema.push_back(std::move(f));
  }
  return schema;
}

Json ColumnStatsToJson(const ColumnStats& s, bool with_bytes) {
  Json j{{"min", ValueToJson(s.min)}, {"max", ValueToJson(s.max)}, {"null_count", s.null_count}};
  if (with_bytes) {
    j["compressed_bytes"] = s.compressed_bytes;
    j["uncompressed_bytes"] = s.uncompressed_bytes;
  }
  return j;
}

ColumnStats ColumnStatsFromJson(const Json& j, const DataType& type, const std::string& path) {
  if (!j.is_object()) Fail(path, "expected an object");
  ColumnStats s;
  s.min = ValueFromJson(GetField(j, "min", path), type, path + ".min");
  s.max = ValueFromJson(GetField(j, "max", path), type, path + ".max");
  s.null_count = GetUint(j, "null_count", path);
  if (j.contains("compressed_bytes")) s.compressed_bytes = GetUint(j, "compressed_bytes", path);
  if (j.contains("uncompressed_bytes")) {
    s.uncompressed_bytes = GetUint(j, "uncompressed_bytes", path);
  }
  return s;
}

Json SummaryToJson(const DataSummary& s) {
  Json cols = Json::array();
  for (const ColumnStats& c : s.columns) cols.push_back(ColumnStatsToJson(c, true));
  return Json{{"row_count", s.row_count},
              {"block_count", s.block_count},
              {"file_size", s.file_size},
              {"compressed_bytes", s.compressed_bytes},
              {"uncompressed_bytes", s.uncompressed_bytes},
              {"columns", std::move(cols)}};
}

DataSummary SummaryFromJson(const Json& j, const Schema& schema, const std::string& path) {
  DataSummary s;
  s.row_count = GetUint(j, "row_count", path);
  s.block_count = GetUint(j, "block_count", path);
  s.file_size = GetUint(j, "file_size", path);
  s.compressed_bytes = GetUint(j, "compressed_bytes", path);
  s.uncompressed_bytes = GetUint(j, "uncompressed_bytes", path);
  s.columns = ColumnStatsListFromJson(GetField(j, "columns", path), schema, path + ".columns");
  return s;
}

std::vector<ColumnStats> ColumnStatsListFromJson(const Json& j, const Schema& schema,
                                                 const std::string& path) {
  if (!j.is_array() || j.size() != schema.size()) {
    Fail(path,
         "expected " + std::to_string(schema.size()) + " column statistics, one per schema column");
  }
  std::vector<ColumnStats> out;
  out.reserve(schema.size());
  for (size_t i = 0; i < schema.size(); ++i) {
    out.push_back(ColumnStatsFromJson(j[i], schema[i].type, path + "[" + std::to_string(i) + "]"));
  }
  return out;
}

const Json& GetField(const Json& obj, const char* name, const std::string& path) {
  if (!obj.is_object()) Fail(path, "expected an object");
  auto it = obj.find(name);
  if (it == obj.end()) Fail(path, std::string("missing field \"") + name + "\"");
  return *it;
}

uint64_t GetUint(const Json& obj, const char* name, const std::string& path) {
  const Json& v = GetField(obj, name, path);
  if (!v.is_number_unsigned()) Fail(path + "." + name, "expected a non-negative integer");
  return v.get<uint64_t>();
}

int64_t GetInt(const Json& obj, const char* name, const std::string& path) {
  return CheckedInt(GetField(obj, name, path), INT64_MIN, INT64_MAX, path + "." + name);
}

std::string GetString(const Json& obj, const char* name, const std::string& path) {
  const Json& v = GetField(obj, name, path);
  if (!v.is_string()) Fail(path + "." + name, "expected a string");
  return v.get<std::string>();
}

void CheckFormatVersion(const Json& obj, int max_version, const char* what) {
  int64_t v = GetInt(obj, "format_version", what);
  if (v < 1 || v > max_version) {
    Fail(what, "format version " + std::to_string(v) + " is not supported (this build reads 1.." +
                   std::to_string(max_version) + ")");
  }
}

std::string DumpJson(const Json& j) {
  try {
    return j.dump();
  } catch (const Json::exception& e) {
    throw MetaFormatError(std::string("cannot encode JSON: ") + e.what());
  }
}

Json ParseJson(std::string_view text) {
  try {
    return Json::parse(text.begin(), text.end());
  } catch (const Json::exception& e) {
    throw MetaFormatError(std::string("invalid JSON: ") + e.what());
  }
}

}  // namespace strata
