#include "cli/json_lines_writer.h"

#include <cctype>
#include <cmath>

#include "cli/cell_text.h"
#include "cli/output_buffer.h"
#include "cli/utf8_text.h"

namespace strata {

namespace {

// A double holds every integer up to 2^53 and every decimal of up to 15 significant
// digits exactly, so readers that parse JSON numbers as doubles get the same value back.
constexpr int64_t kMaxExactInteger = int64_t{1} << 53;
constexpr int kMaxExactDecimalDigits = 15;

void AppendHexEscape(unsigned value, std::string* out) {
  static const char kHex[] = "0123456789abcdef";
  out->append("\\u");
  for (int shift = 12; shift >= 0; shift -= 4) out->push_back(kHex[(value >> shift) & 0xF]);
}

int SignificantDigits(std::string_view number) {
  int digits = 0;
  bool leading = true;
  for (char c : number) {
    if (!std::isdigit(static_cast<unsigned char>(c))) continue;
    if (leading && c == '0') continue;
    leading = false;
    ++digits;
  }
  return digits;
}

// Appends the cell as a JSON value.
void AppendJsonCell(const Column& col, size_t row, std::string* cell, std::string* out) {
  if (IsNullCell(col, row)) {
    out->append("null");
    return;
  }
  cell->clear();
  AppendCellText(col, row, cell);
  bool as_number = false;
  switch (col.type().id) {
    case TypeId::Boolean:
    case TypeId::Int8:
    case TypeId::Int16:
    case TypeId::Int32:
      as_number = true;
      break;
    case TypeId::Int64: {
      int64_t v = col.Data<int64_t>()[row];
      as_number = v >= -kMaxExactInteger && v <= kMaxExactInteger;
      break;
    }
    // Finite floats print as the shortest text that reads back to the same value.
    case TypeId::Float32:
      as_number = std::isfinite(col.Data<float>()[row]);
      break;
    case TypeId::Float64:
      as_number = std::isfinite(col.Data<double>()[row]);
      break;
    case TypeId::Decimal:
      as_number = SignificantDigits(*cell) <= kMaxExactDecimalDigits;
      break;
    default:
      break;
  }
  if (as_number) {
    out->append(*cell);
  } else {
    AppendJsonString(*cell, out);
  }
}

}  // namespace

void AppendJsonString(std::string_view text, std::string* out) {
  out->push_back('"');
  for (size_t i = 0; i < text.size();) {
    unsigned char b = static_cast<unsigned char>(text[i]);
    if (b >= 0x80) {
      Utf8Char c = DecodeUtf8(text, i);
      if (c.valid) {
        out->append(text.substr(i, c.length));
      } else {
        out->append("\xEF\xBF\xBD");  // U+FFFD
      }
      i += c.length;
      continue;
    }
    switch (b) {
      case '"':
        out->append("\\\"");
        break;
      case '\\':
        out->append("\\\\");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\t':
        out->append("\\t");
        break;
      case '\b':
        out->append("\\b");
        break;
      case '\f':
        out->append("\\f");
        break;
      default:
        if (b < 0x20 || b == 0x7F) {
          AppendHexEscape(b, out);
        } else {
          out->push_back(static_cast<char>(b));
        }
    }
    ++i;
  }
  out->push_back('"');
}

void JsonLinesWriter::Write(const QueryResult& result, std::ostream& out) {
  std::vector<std::string> keys;
  keys.reserve(result.schema.size());
  for (const Field& f : result.schema) {
    std::string key;
    AppendJsonString(f.name, &key);
    key.push_back(':');
    keys.push_back(std::move(key));
  }
  OutputBuffer output(out);
  std::string& buf = output.text();
  std::string cell;
  for (const Chunk& chunk : result.chunks) {
    for (size_t r = 0; r < chunk.num_rows(); ++r) {
      buf.push_back('{');
      for (size_t c = 0; c < chunk.num_columns() && c < keys.size(); ++c) {
        if (c > 0) buf.push_back(',');
        buf.append(keys[c]);
        AppendJsonCell(*chunk.column(c), r, &cell, &buf);
      }
      buf.append("}\n");
      output.FlushIfLarge();
    }
  }
}

}  // namespace strata
