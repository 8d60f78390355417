// Which column names a query mentions anywhere (including subqueries), so that table
// scans read only those columns. Conservative: a name mentioned for one table is read
// from every table that has it; a `*` anywhere means every column.
#pragma once

#include <set>
#include <string>

#include "sql/ast.h"

namespace strata {

struct ReferencedColumns {
  std::set<std::string> names;
  bool all = false;  // a * was seen

  bool Needs(const std::string& column) const { return all || names.count(column) > 0; }
};

void CollectReferencedColumns(const sql::Query& query, ReferencedColumns* out);

}  // namespace strata
