#include "interpreter/catalog_table_resolver.h"

#include "interpreter/system_tables.h"

namespace strata {

Result<ResolvedTable> CatalogTableResolver::ResolveTable(const std::string& database,
                                                         const std::string& name) {
  ResolvedTable out;
  out.database = database.empty() ? ctx_.current_database() : database;
  if (out.database == "system") {
    ASSIGN_OR_RETURN(SystemTableData data, ReadSystemTable(name, ctx_.metastore()));
    out.stored = false;
    out.schema = std::move(data.schema);
    out.rows.push_back(std::move(data.rows));
    return out;
  }
  ASSIGN_OR_RETURN(out.table, ctx_.metastore().GetTable(out.database, name));
  return out;
}

ExecutionEnv MakeExecutionEnv(QueryContext& ctx) {
  ExecutionEnv env;
  env.open_table_store = [&ctx](const TableInfo& t) { return ctx.OpenTableStore(t); };
  env.threads = ctx.max_threads();
  env.functions.now_micros = ctx.start_micros();
  env.rows_read = &ctx.progress().rows;
  env.bytes_read = &ctx.progress().bytes;
  env.cancelled = ctx.cancel_flag();
  return env;
}

}  // namespace strata
