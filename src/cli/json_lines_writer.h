// JSON lines output (see cli/result_writer.h for the rules).
//
// Thread-safety: stateless between calls.
#pragma once

#include <string>

#include "cli/result_writer.h"

namespace strata {

class JsonLinesWriter : public ResultWriter {
 public:
  void Write(const QueryResult& result, std::ostream& out) override;
};

// Appends `text` as a JSON string literal, quotes included. Invalid UTF-8 bytes become
// U+FFFD so the output is always valid JSON.
void AppendJsonString(std::string_view text, std::string* out);

}  // namespace strata
