// Builds QueryResults by hand for the CLI and test-runner unit tests.
#pragma once

#include <initializer_list>
#include <string>
#include <utility>
#include <vector>

#include "main/database.h"

namespace strata {

class QueryResultBuilder {
 public:
  QueryResultBuilder& Column(std::string name, DataType type) {
    result_.schema.push_back(Field{std::move(name), type, true});
    return *this;
  }
  // Appends one chunk; rows[r][c] is row r, column c. Value::Null() cells become NULLs.
  QueryResultBuilder& Chunk(const std::vector<std::vector<Value>>& rows) {
    std::vector<ColumnPtr> cols;
    for (const Field& f : result_.schema) cols.push_back(MakeColumn(f.type));
    for (const auto& row : rows) {
      for (size_t c = 0; c < cols.size(); ++c) cols[c]->AppendValue(row[c]);
    }
    result_.chunks.emplace_back(std::move(cols), rows.size());
    return *this;
  }
  QueryResultBuilder& Warning(std::string w) {
    result_.warnings.push_back(std::move(w));
    return *this;
  }
  QueryResult Build() const { return result_; }

 private:
  QueryResult result_;
};

inline Value Str(std::string s) { return Value::String(std::move(s)); }
inline Value I64(int64_t v) { return Value::BigInt(v); }

}  // namespace strata
