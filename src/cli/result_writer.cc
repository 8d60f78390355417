#include "cli/result_writer.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "cli/boxed_table_writer.h"
#include "cli/delimited_writer.h"
#include "cli/json_lines_writer.h"
#include "common/ascii.h"

namespace strata {

std::optional<OutputFormat> ParseOutputFormat(std::string_view name) {
  std::string lower = AsciiLower(name);
  if (lower == "table") return OutputFormat::kTable;
  if (lower == "tsv") return OutputFormat::kTsv;
  if (lower == "csv") return OutputFormat::kCsv;
  if (lower == "json") return OutputFormat::kJson;
  return std::nullopt;
}

std::string_view OutputFormatName(OutputFormat format) {
  switch (format) {
    case OutputFormat::kTable:
      return "table";
    case OutputFormat::kTsv:
      return "tsv";
    case OutputFormat::kCsv:
      return "csv";
    case OutputFormat::kJson:
      return "json";
  }
  return "tsv";
}

std::unique_ptr<ResultWriter> MakeResultWriter(OutputFormat format, bool header) {
  switch (format) {
    case OutputFormat::kTable:
      return std::make_unique<BoxedTableWriter>();
    case OutputFormat::kTsv:
      return std::make_unique<DelimitedWriter>(DelimitedWriter::Style::kTsv, header);
    case OutputFormat::kCsv:
      return std::make_unique<DelimitedWriter>(DelimitedWriter::Style::kCsv, header);
    case OutputFormat::kJson:
      return std::make_unique<JsonLinesWriter>();
  }
  return std::make_unique<DelimitedWriter>(DelimitedWriter::Style::kTsv, header);
}

}  // namespace strata
