// Boxed, aligned table output for people at a terminal (see cli/result_writer.h).
//
// Control characters in values are shown escaped (\n, \t, \r, \xNN) so a value never
// breaks the box; values wider than kMaxCellWidth columns are cut and end in "…".
// Rows are formatted twice (once to measure, once to print) rather than held in memory.
//
// Thread-safety: stateless between calls.
#pragma once

#include <string>

#include "cli/result_writer.h"

namespace strata {

class BoxedTableWriter : public ResultWriter {
 public:
  static constexpr size_t kMaxCellWidth = 120;

  void Write(const QueryResult& result, std::ostream& out) override;
};

// The text a table cell shows for `raw`: control characters escaped, cut to
// kMaxCellWidth display columns.
std::string TableCellText(std::string_view raw);

}  // namespace strata
