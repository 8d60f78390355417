// Writes the rows of a QueryResult in one of the CLI's output formats.
//
//   table  aligned box drawn with Unicode box-drawing characters, names in the header,
//          numbers right-aligned, NULL shown as NULL; wide characters count two columns.
//   tsv    one row per line, tab-separated; NULL as NULL; tab, newline, carriage return
//          and backslash escaped as \t \n \r \\; header line only when asked for.
//   csv    RFC 4180: fields with a comma, quote, CR or LF are quoted, quotes doubled;
//          NULL is an empty unquoted field, the empty string is "".
//   json   JSON lines: one object per row, keys are column names; integers and decimals
//          that a double-based reader gets back exactly are numbers, other numbers are
//          strings; booleans, null, everything else strings.
//
// Thread-safety: a writer holds no state between calls; use one per thread.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "main/database.h"

namespace strata {

enum class OutputFormat { kTable, kTsv, kCsv, kJson };

// "table", "tsv", "csv", "json" (case-insensitive); nullopt for anything else.
std::optional<OutputFormat> ParseOutputFormat(std::string_view name);
std::string_view OutputFormatName(OutputFormat format);

class ResultWriter {
 public:
  virtual ~ResultWriter() = default;
  // Writes every row of `result` (and a header when the format has one).
  // REQUIRES: result.returns_rows(); every chunk has schema.size() columns.
  virtual void Write(const QueryResult& result, std::ostream& out) = 0;
};

// `header` adds a line of column names to tsv and csv; table always has one, json none.
std::unique_ptr<ResultWriter> MakeResultWriter(OutputFormat format, bool header);

}  // namespace strata
