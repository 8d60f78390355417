#include "interpreter/statements.h"
#include "table/table_writer.h"

namespace strata {

// Commits an empty snapshot; the old blocks stay (for time travel and a later vacuum).
Result<QueryResult> ExecuteTruncateTable(const sql::TruncateTableStmt& stmt, QueryContext& ctx) {
  ASSIGN_OR_RETURN(TableInfo table, LookupTable(stmt.table, ctx));
  ASSIGN_OR_RETURN(ObjectStorePtr store, ctx.OpenTableStore(table));
  RETURN_IF_ERROR(TruncateTable(ctx.shared_metastore(), store, table).status());
  return QueryResult{};
}

}  // namespace strata
