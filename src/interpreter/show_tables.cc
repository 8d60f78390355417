#include "interpreter/statements.h"

namespace strata {

// Rewritten into a query over system.tables. SHOW FULL TABLES adds the columns an
// operator needs to find tables still on an old credential: whether the table is external,
// its masked storage parameters and the connection it was created or last altered from.
Result<QueryResult> ExecuteShowTables(const sql::ShowTablesStmt& stmt, QueryContext& ctx) {
  std::string db = DatabaseOrCurrent(stmt.database, ctx);
  if (db != "system") RETURN_IF_ERROR(ctx.metastore().GetDatabase(db).status());
  std::string column = "tables_in_" + db;
  std::string sql = "SELECT name AS " + sql::QuoteIdentifier(column);
  if (stmt.full) sql += ", engine, is_external, connection_name, storage_params";
  sql += " FROM system.tables WHERE database = " + sql::QuoteString(db);
  if (stmt.like) sql += " AND name LIKE " + sql::QuoteString(*stmt.like);
  if (stmt.where) {
    sql = "SELECT * FROM (" + sql + ") AS t WHERE " + sql::ToSql(*stmt.where);
  }
  sql += " ORDER BY 1";
  return ExecuteInternalQuery(sql, ctx);
}

}  // namespace strata
