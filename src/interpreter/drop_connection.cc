#include "interpreter/statements.h"

namespace strata {

// Tables created from the connection keep their own copy of its parameters and go on
// working (SPEC §1).
Result<QueryResult> ExecuteDropConnection(const sql::DropConnectionStmt& stmt, QueryContext& ctx) {
  RETURN_IF_ERROR(ctx.metastore().DropConnection(stmt.name.name, stmt.if_exists));
  return QueryResult{};
}

}  // namespace strata
