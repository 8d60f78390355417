#include "interpreter/catalog_table_resolver.h"
#include "interpreter/statements.h"
#include "planner/plan_executor.h"

namespace strata {

Result<QueryResult> ExecuteQuery(const sql::Query& query, QueryContext& ctx) {
  CatalogTableResolver resolver(ctx);
  QueryBinder binder(resolver);
  ASSIGN_OR_RETURN(LogicalPtr plan, binder.Bind(query));
  QueryResult result;
  result.schema = plan->schema;
  ASSIGN_OR_RETURN(result.chunks, ExecutePlan(plan, MakeExecutionEnv(ctx)));
  return result;
}

Result<Schema> DescribeQuery(const sql::Query& query, QueryContext& ctx) {
  CatalogTableResolver resolver(ctx);
  QueryBinder binder(resolver);
  ASSIGN_OR_RETURN(LogicalPtr plan, binder.Bind(query));
  return plan->schema;
}

Result<QueryResult> ExecuteExplain(const sql::ExplainStmt& stmt, QueryContext& ctx) {
  if (stmt.statement->kind != sql::StatementKind::Query) {
    return Error(ErrorCode::Unimplemented, "EXPLAIN supports queries only");
  }
  CatalogTableResolver resolver(ctx);
  QueryBinder binder(resolver);
  ASSIGN_OR_RETURN(LogicalPtr plan, binder.Bind(*stmt.statement->As<sql::QueryStmt>().query));
  TextResultBuilder out({"explain"});
  std::string text = plan->ToString();
  size_t start = 0;
  while (start < text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    out.AddRow({text.substr(start, end - start)});
    start = end + 1;
  }
  return out.Finish();
}

}  // namespace strata
