#include "interpreter/statements.h"

namespace strata {

Result<QueryResult> ExecuteDescribeTable(const sql::DescribeTableStmt& stmt, QueryContext& ctx) {
  ASSIGN_OR_RETURN(TableInfo table, LookupTable(stmt.table, ctx));
  TextResultBuilder out({"Field", "Type", "Null", "Default", "Extra"});
  for (const auto& c : table.columns) {
    std::string def = c.default_expr.empty() ? (c.nullable ? "NULL" : "") : c.default_expr;
    out.AddRow({c.name, c.type.ToString(), c.nullable ? "YES" : "NO", def, ""});
  }
  return out.Finish();
}

}  // namespace strata
