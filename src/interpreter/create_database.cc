#include "interpreter/statements.h"

namespace strata {

Result<QueryResult> ExecuteCreateDatabase(const sql::CreateDatabaseStmt& stmt, QueryContext& ctx) {
  CreateMode mode = stmt.if_not_exists ? CreateMode::kIfNotExists : CreateMode::kCreate;
  RETURN_IF_ERROR(ctx.metastore().CreateDatabase(stmt.name.name, mode).status());
  return QueryResult{};
}

}  // namespace strata
