// TSV and CSV output (see cli/result_writer.h for the exact rules of each).
//
// Thread-safety: stateless between calls.
#pragma once

#include "cli/result_writer.h"

namespace strata {

class DelimitedWriter : public ResultWriter {
 public:
  enum class Style { kTsv, kCsv };
  DelimitedWriter(Style style, bool header) : style_(style), header_(header) {}

  void Write(const QueryResult& result, std::ostream& out) override;

 private:
  // Appends `text` as one field, escaped or quoted for the style.
  void AppendField(std::string_view text, std::string* line) const;

  Style style_;
  bool header_;
};

}  // namespace strata
