#include "interpreter/statements.h"

namespace strata {

Result<QueryResult> ExecuteRenameTable(const sql::AlterTableRenameStmt& stmt, QueryContext& ctx) {
  std::string db = DatabaseOrCurrent(stmt.table.database, ctx);
  std::string new_db = stmt.new_name.database ? stmt.new_name.database->name : db;
  Status s =
      ctx.metastore().RenameTable(db, stmt.table.table.name, new_db, stmt.new_name.table.name);
  if (!s.ok() && stmt.if_exists && s.code() == ErrorCode::UnknownTable) return QueryResult{};
  RETURN_IF_ERROR(s);
  return QueryResult{};
}

}  // namespace strata
