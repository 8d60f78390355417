#include "catalog/connection_options.h"
#include "interpreter/statements.h"

namespace strata {

Result<QueryResult> ExecuteShowConnections(const sql::ShowConnectionsStmt&, QueryContext& ctx) {
  return ExecuteInternalQuery(
      "SELECT name, storage_type, storage_params FROM system.connections ORDER BY name", ctx);
}

Result<QueryResult> ExecuteDescribeConnection(const sql::DescribeConnectionStmt& stmt,
                                              QueryContext& ctx) {
  ASSIGN_OR_RETURN(ConnectionInfo info, ctx.metastore().GetConnection(stmt.name.name));
  TextResultBuilder out({"name", "storage_type", "storage_params"});
  out.AddRow({info.name, info.params.type, DisplayStorageParams(info.params)});
  return out.Finish();
}

}  // namespace strata
