// The columns visible to an expression while binding: the output of the FROM clause
// (or of a join), each with the qualifier (table name or alias) it can be named by.
#pragma once

#include <string>
#include <vector>

#include "common/status.h"
#include "sql/ast.h"
#include "vector/chunk.h"

namespace strata {

struct ScopeColumn {
  std::string qualifier;  // table alias or name; empty for derived columns
  std::string database;   // for db.t.c references; may be empty
  std::string name;
  DataType type;
  bool nullable = true;
};

class BindScope {
 public:
  BindScope() = default;
  explicit BindScope(std::vector<ScopeColumn> columns) : columns_(std::move(columns)) {}

  const std::vector<ScopeColumn>& columns() const { return columns_; }
  size_t size() const { return columns_.size(); }
  void Append(const BindScope& other) {
    columns_.insert(columns_.end(), other.columns_.begin(), other.columns_.end());
  }
  void MakeNullable() {
    for (auto& c : columns_) c.nullable = true;
  }

  // Index of the column a reference (1 to 3 parts) names. Unknown: 1058; ambiguous: 1065.
  Result<size_t> Resolve(const std::vector<sql::Identifier>& parts) const;

 private:
  std::vector<ScopeColumn> columns_;
};

}  // namespace strata
