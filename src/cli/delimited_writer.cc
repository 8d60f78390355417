#include "cli/delimited_writer.h"

#include "cli/cell_text.h"
#include "cli/output_buffer.h"

namespace strata {

namespace {

void AppendTsvEscaped(std::string_view text, std::string* out) {
  for (char c : text) {
    switch (c) {
      case '\t':
        out->append("\\t");
        break;
      case '\n':
        out->append("\\n");
        break;
      case '\r':
        out->append("\\r");
        break;
      case '\\':
        out->append("\\\\");
        break;
      default:
        out->push_back(c);
    }
  }
}

void AppendCsvQuoted(std::string_view text, std::string* out) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(text);
    return;
  }
  out->push_back('"');
  for (char c : text) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

}  // namespace

void DelimitedWriter::AppendField(std::string_view text, std::string* line) const {
  if (style_ == Style::kTsv) {
    AppendTsvEscaped(text, line);
  } else {
    AppendCsvQuoted(text, line);
  }
}

void DelimitedWriter::Write(const QueryResult& result, std::ostream& out) {
  const char separator = style_ == Style::kTsv ? '\t' : ',';
  OutputBuffer output(out);
  std::string& buf = output.text();
  if (header_) {
    for (size_t c = 0; c < result.schema.size(); ++c) {
      if (c > 0) buf.push_back(separator);
      AppendField(result.schema[c].name, &buf);
    }
    buf.push_back('\n');
  }
  std::string cell;
  for (const Chunk& chunk : result.chunks) {
    for (size_t r = 0; r < chunk.num_rows(); ++r) {
      for (size_t c = 0; c < chunk.num_columns(); ++c) {
        if (c > 0) buf.push_back(separator);
        const Column& col = *chunk.column(c);
        if (IsNullCell(col, r)) {
          if (style_ == Style::kTsv) buf.append("NULL");
          continue;
        }
        if (col.type().id == TypeId::String) {
          std::string_view s = col.GetString(r);
          if (style_ == Style::kCsv && s.empty()) {
            buf.append("\"\"");
          } else {
            AppendField(s, &buf);
          }
          continue;
        }
        cell.clear();
        AppendCellText(col, r, &cell);
        AppendField(cell, &buf);
      }
      buf.push_back('\n');
      output.FlushIfLarge();
    }
  }
}

}  // namespace strata
