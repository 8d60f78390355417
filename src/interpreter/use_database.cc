#include "interpreter/statements.h"

namespace strata {

Result<QueryResult> ExecuteUseDatabase(const sql::UseDatabaseStmt& stmt, QueryContext& ctx) {
  if (stmt.name.name != "system") {
    RETURN_IF_ERROR(ctx.metastore().GetDatabase(stmt.name.name).status());
  }
  ctx.session().current_database = stmt.name.name;
  return QueryResult{};
}

}  // namespace strata
