// What a statement returns to its caller (CLI, HTTP server, test runner).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "vector/chunk.h"

namespace strata {

struct QueryResult {
  Schema schema;                      // empty for statements that return no rows
  std::vector<Chunk> chunks;          // the rows, in order
  uint64_t affected_rows = 0;         // rows written by INSERT and friends
  std::vector<std::string> warnings;  // shown after the result; never contain secrets
  bool returns_rows() const { return !schema.empty(); }
  uint64_t num_rows() const {
    uint64_t n = 0;
    for (const auto& c : chunks) n += c.num_rows();
    return n;
  }
};

// Builds a result of VARCHAR columns, row by row; for SHOW/DESC-style statements.
class TextResultBuilder {
 public:
  explicit TextResultBuilder(std::vector<std::string> column_names);
  // A std::nullopt cell is NULL.
  void AddRow(const std::vector<std::optional<std::string>>& cells);
  QueryResult Finish();

 private:
  Schema schema_;
  std::vector<ColumnPtr> columns_;
  size_t rows_ = 0;
};

}  // namespace strata
