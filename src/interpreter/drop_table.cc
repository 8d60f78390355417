#include "interpreter/statements.h"

namespace strata {

// Removes the table's metadata only. An external table's data stays at its location
// (SPEC §2); an ordinary table's blocks become garbage for a later vacuum.
Result<QueryResult> ExecuteDropTable(const sql::DropTableStmt& stmt, QueryContext& ctx) {
  std::string db = DatabaseOrCurrent(stmt.table.database, ctx);
  RETURN_IF_ERROR(ctx.metastore().DropTable(db, stmt.table.table.name, stmt.if_exists));
  return QueryResult{};
}

}  // namespace strata
