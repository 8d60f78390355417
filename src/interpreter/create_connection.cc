#include "catalog/connection_options.h"
#include "interpreter/connection_options_of.h"
#include "interpreter/statements.h"

namespace strata {

Result<QueryResult> ExecuteCreateConnection(const sql::CreateConnectionStmt& stmt,
                                            QueryContext& ctx) {
  ASSIGN_OR_RETURN(StorageParams params,
                   ParseConnectionOptions(stmt.storage_type, OptionPairs(stmt.options)));
  ConnectionInfo info;
  info.name = stmt.name.name;
  info.params = std::move(params);
  CreateMode mode = stmt.or_replace      ? CreateMode::kOrReplace
                    : stmt.if_not_exists ? CreateMode::kIfNotExists
                                         : CreateMode::kCreate;
  RETURN_IF_ERROR(ctx.metastore().CreateConnection(info, mode));
  return QueryResult{};
}

}  // namespace strata
