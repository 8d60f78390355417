#include "interpreter/statements.h"

namespace strata {

// Drops the metadata of the database and its tables. Data of external tables stays where
// it is; blocks of ordinary tables become garbage for a later vacuum.
Result<QueryResult> ExecuteDropDatabase(const sql::DropDatabaseStmt& stmt, QueryContext& ctx) {
  RETURN_IF_ERROR(ctx.metastore().DropDatabase(stmt.name.name, stmt.if_exists));
  if (ctx.session().current_database == stmt.name.name) {
    ctx.session().current_database = "default";
  }
  return QueryResult{};
}

}  // namespace strata
