#include "interpreter/statements.h"

namespace strata {

// Rewritten into a query over system.databases, as Databend does, so LIKE and WHERE
// behave exactly as in a SELECT.
Result<QueryResult> ExecuteShowDatabases(const sql::ShowDatabasesStmt& stmt, QueryContext& ctx) {
  std::string column = "databases_in_default";
  std::string sql = "SELECT name AS " + column + " FROM system.databases";
  if (stmt.like) sql += " WHERE name LIKE " + sql::QuoteString(*stmt.like);
  if (stmt.where) sql = "SELECT * FROM (" + sql + ") AS d WHERE " + sql::ToSql(*stmt.where);
  sql += " ORDER BY 1";
  return ExecuteInternalQuery(sql, ctx);
}

}  // namespace strata
