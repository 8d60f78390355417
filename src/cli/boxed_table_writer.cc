#include "cli/boxed_table_writer.h"

#include <vector>

#include "cli/cell_text.h"
#include "cli/output_buffer.h"
#include "cli/utf8_text.h"

namespace strata {

namespace {

constexpr std::string_view kHorizontal = "─";
constexpr std::string_view kVertical = "│";
struct RuleGlyphs {
  std::string_view left, cross, right;
};
constexpr RuleGlyphs kTopRule{"┌", "┬", "┐"};
constexpr RuleGlyphs kHeaderRule{"├", "┼", "┤"};
constexpr RuleGlyphs kBottomRule{"└", "┴", "┘"};

bool NeedsEscape(std::string_view raw) {
  for (char c : raw) {
    unsigned char b = static_cast<unsigned char>(c);
    if (b < 0x20 || b == 0x7F) return true;
  }
  return false;
}

void AppendRule(const std::vector<size_t>& widths, const RuleGlyphs& g, std::string* out) {
  out->append(g.left);
  for (size_t c = 0; c < widths.size(); ++c) {
    if (c > 0) out->append(g.cross);
    for (size_t k = 0; k < widths[c] + 2; ++k) out->append(kHorizontal);
  }
  out->append(g.right);
  out->push_back('\n');
}

void AppendPadded(std::string_view text, size_t width, bool right_align, std::string* out) {
  size_t w = DisplayWidth(text);
  size_t pad = width > w ? width - w : 0;
  out->push_back(' ');
  if (right_align) out->append(pad, ' ');
  out->append(text);
  if (!right_align) out->append(pad, ' ');
  out->push_back(' ');
}

// Produces the shown text of (chunk, row, col) into `shown`, reusing `raw` as scratch.
std::string_view CellShown(const Column& col, size_t row, std::string* raw, std::string* shown) {
  if (IsNullCell(col, row)) return "NULL";
  raw->clear();
  AppendCellText(col, row, raw);
  if (!NeedsEscape(*raw) && raw->size() <= BoxedTableWriter::kMaxCellWidth) return *raw;
  *shown = TableCellText(*raw);
  return *shown;
}

}  // namespace

std::string TableCellText(std::string_view raw) {
  std::string escaped;
  escaped.reserve(raw.size());
  for (char c : raw) {
    unsigned char b = static_cast<unsigned char>(c);
    if (c == '\n') {
      escaped.append("\\n");
    } else if (c == '\t') {
      escaped.append("\\t");
    } else if (c == '\r') {
      escaped.append("\\r");
    } else if (b < 0x20 || b == 0x7F) {
      static const char kHex[] = "0123456789abcdef";
      escaped.append("\\x");
      escaped.push_back(kHex[b >> 4]);
      escaped.push_back(kHex[b & 0xF]);
    } else {
      escaped.push_back(c);
    }
  }
  if (DisplayWidth(escaped) <= BoxedTableWriter::kMaxCellWidth) return escaped;
  std::string cut(TruncateToWidth(escaped, BoxedTableWriter::kMaxCellWidth - 1));
  cut.append("…");
  return cut;
}

void BoxedTableWriter::Write(const QueryResult& result, std::ostream& out) {
  const size_t ncols = result.schema.size();
  std::vector<size_t> widths(ncols);
  std::vector<bool> right(ncols);
  std::vector<std::string> headers(ncols);
  for (size_t c = 0; c < ncols; ++c) {
    headers[c] = TableCellText(result.schema[c].name);
    widths[c] = DisplayWidth(headers[c]);
    right[c] = result.schema[c].type.IsNumeric();
  }

  std::string raw;
  std::string shown;
  for (const Chunk& chunk : result.chunks) {
    for (size_t c = 0; c < ncols && c < chunk.num_columns(); ++c) {
      const Column& col = *chunk.column(c);
      for (size_t r = 0; r < chunk.num_rows(); ++r) {
        widths[c] = std::max(widths[c], DisplayWidth(CellShown(col, r, &raw, &shown)));
      }
    }
  }

  OutputBuffer output(out);
  std::string& buf = output.text();
  AppendRule(widths, kTopRule, &buf);
  buf.append(kVertical);
  for (size_t c = 0; c < ncols; ++c) {
    AppendPadded(headers[c], widths[c], right[c], &buf);
    buf.append(kVertical);
  }
  buf.push_back('\n');
  AppendRule(widths, kHeaderRule, &buf);
  for (const Chunk& chunk : result.chunks) {
    for (size_t r = 0; r < chunk.num_rows(); ++r) {
      buf.append(kVertical);
      for (size_t c = 0; c < ncols; ++c) {
        std::string_view text =
            c < chunk.num_columns() ? CellShown(*chunk.column(c), r, &raw, &shown) : "";
        AppendPadded(text, widths[c], right[c], &buf);
        buf.append(kVertical);
      }
      buf.push_back('\n');
      output.FlushIfLarge();
    }
  }
  AppendRule(widths, kBottomRule, &buf);
}

}  // namespace strata
